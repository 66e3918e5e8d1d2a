// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/eventlogfilter.h"
#include "app/models/eventlogmodel.h"
#include "trace/counters.h"
#include "trace/makeevent.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace coroscope;
using namespace coroscope::app;
using trace::Event;
using trace::EventKind;

namespace {

constexpr auto ev = [](auto... parts) { return trace::makeEvent(parts...); };

} // namespace

class TestEventLog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsAGrowingTraceThatReachesBack()
    {
        trace::Trace trace;
        trace.addThread(QStringLiteral("pattern loop"));
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTrace(&trace);
        const auto main = trace.addString(QStringLiteral("main"));
        const std::vector<Event> first{ev(0, EventKind::Created, 1, main), ev(10, EventKind::Started, 1),
                                       ev(30, EventKind::Finished, 1)};
        const auto f1 = trace.append(first);
        model.update(f1, 3);
        QCOMPARE(model.rowCount(), 3);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // A batch from another thread with an event from before the last one.
        const std::vector<Event> second{ev(20, EventKind::Mark, 1, trace.addString(QStringLiteral("halfway")))};
        const auto f2 = trace.append(second);
        QCOMPARE(f2, qsizetype(2));
        model.update(f2, 2);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1); // the moved row
        QCOMPARE(model.index(2, EventLogModel::DetailColumn).data().toString(), QStringLiteral("halfway"));
        QCOMPARE(model.index(3, EventLogModel::EventColumn).data().toString(), QStringLiteral("finished"));
        QCOMPARE(model.index(0, EventLogModel::TaskColumn).data().toString(), QStringLiteral("main #1"));
        QCOMPARE(model.index(1, EventLogModel::TimeColumn).data().toString(), QStringLiteral("0.000"));
        QCOMPARE(model.rowAtTime(15), 2);
        QCOMPARE(model.rowAtTime(31), 4);
    }

    void filtersByKindTaskAndWords()
    {
        trace::Trace trace;
        trace.addThread(QStringLiteral("pattern loop"));
        const auto main = trace.addString(QStringLiteral("main"));
        const auto worker = trace.addString(QStringLiteral("fetch user"));
        const auto get = trace.addString(QStringLiteral("GET /users/3"));
        const auto sleep = trace.addString(QStringLiteral("sleep 100 ms"));
        const auto inFlight = trace.addString(trace::counters::requestsInFlight());
        const std::vector<Event> events{ev(0, EventKind::Created, 1, main),
                                        ev(1, EventKind::Started, 1),
                                        ev(2, EventKind::Created, 2, worker, 0, 1),
                                        ev(3, EventKind::Started, 2),
                                        ev(4, EventKind::Suspended, 2, get, quint8(trace::SuspendReason::Network)),
                                        ev(5, EventKind::Counter, 0, inFlight, 0, 1),
                                        ev(6, EventKind::Suspended, 1, sleep, quint8(trace::SuspendReason::Timer)),
                                        ev(7, EventKind::Resumed, 2),
                                        ev(8, EventKind::Finished, 2, trace.addString(QStringLiteral("HTTP 500")),
                                           quint8(trace::FinishStatus::Error)),
                                        ev(9, EventKind::Counter, 0, inFlight, 0, 0),
                                        ev(10, EventKind::Resumed, 1),
                                        ev(11, EventKind::Finished, 1)};
        trace.append(events);
        EventLogModel model;
        model.setTrace(&trace);
        EventLogFilter filter;
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        filter.setLogModel(&model);
        QCOMPARE(filter.rowCount(), 10); // counters are hidden by default
        filter.setKinds(EventLogFilter::Kinds::All);
        QCOMPARE(filter.rowCount(), 12);
        filter.setKinds(EventLogFilter::Kinds::Counters);
        QCOMPARE(filter.rowCount(), 2);
        QCOMPARE(filter.index(0, EventLogModel::DetailColumn).data().toString(),
                 QStringLiteral("requests in flight = 1"));
        filter.setKinds(EventLogFilter::Kinds::Waits);
        QCOMPARE(filter.rowCount(), 4);
        filter.setKinds(EventLogFilter::Kinds::Problems);
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, EventLogModel::DetailColumn).data().toString(), QStringLiteral("error: HTTP 500"));
        filter.setKinds(EventLogFilter::Kinds::TaskEvents);
        filter.setTask(2);
        QCOMPARE(filter.rowCount(), 5);
        filter.setTask(0);
        filter.setText(QStringLiteral("network users"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, EventLogModel::DetailColumn).data().toString(),
                 QStringLiteral("network: GET /users/3"));
        filter.setText(QStringLiteral("FETCH"));
        QCOMPARE(filter.rowCount(), 5); // everything the task did, case-insensitively by its name
        filter.setText(QString());
        QCOMPARE(filter.rowCount(), 10);
    }
};

QTEST_GUILESS_MAIN(TestEventLog)
#include "tst_eventlog.moc"
