// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/captiontrack.h"
#include "trace/makeevent.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::app;

class TestCaptionTrack : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void followsAGrowingTraceAndStartsOverOnAnother()
    {
        trace::Trace trace;
        const std::vector<trace::Event> first = {trace::makeEvent(10, trace::EventKind::Started, 1),
                                                 trace::makeEvent(20, trace::EventKind::Suspended, 1)};
        trace.append(first);
        CaptionTrack track;
        QVERIFY(!track.at(100));
        track.sync(&trace);
        const auto captioned = track.transcript().size();
        QVERIFY(captioned >= 1);
        QVERIFY(!track.at(9)); // before the first event
        QCOMPARE(track.at(10)->timeNs, qint64(10));
        QCOMPARE(track.at(15)->timeNs, qint64(10)); // the last one at or before
        const std::vector<trace::Event> more = {trace::makeEvent(30, trace::EventKind::Resumed, 1),
                                                trace::makeEvent(40, trace::EventKind::Finished, 1)};
        trace.append(more);
        track.sync(&trace);
        QVERIFY(track.transcript().size() > captioned);
        QCOMPARE(track.at(1000)->timeNs, qint64(40));
        // Each event captioned once, however often it is asked.
        const auto all = track.transcript().size();
        track.sync(&trace);
        QCOMPARE(track.transcript().size(), all);

        trace::Trace other;
        const std::vector<trace::Event> one = {trace::makeEvent(5, trace::EventKind::Started, 7)};
        other.append(one);
        track.sync(&other);
        QCOMPARE(track.at(1000)->task, trace::TaskId(7));
        track.sync(nullptr);
        QVERIFY(track.transcript().empty());
        QVERIFY(!track.at(1000));
    }
};

QTEST_GUILESS_MAIN(TestCaptionTrack)
#include "tst_captiontrack.moc"
