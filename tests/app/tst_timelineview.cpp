// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/timelinestate.h"
#include "app/timeline/timelineview.h"
#include "timeline/lanepainter.h"
#include "timeline/timelinemodel.h"
#include "trace/counters.h"
#include "trace/makeevent.h"

#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QTest>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::timeline;
using trace::Event;
using trace::EventKind;

namespace {

constexpr auto ev = [](auto... parts) { return trace::makeEvent(parts...); };

// One task that alternates 1 µs of running with 4 µs of waiting on a timer, `cycles` times.
trace::Trace busyTrace(int cycles)
{
    trace::Trace trace;
    trace.addThread(QStringLiteral("pattern loop"));
    const auto sleep = trace.addString(QStringLiteral("sleep"));
    std::vector<Event> events{ev(0, EventKind::Created, 1, trace.addString(QStringLiteral("main"))),
                              ev(0, EventKind::Started, 1)};
    qint64 t = 0;
    for (int i = 0; i < cycles; ++i) {
        events.push_back(ev(t + 1'000, EventKind::Suspended, 1, sleep, quint8(trace::SuspendReason::Timer)));
        events.push_back(ev(t + 5'000, EventKind::Resumed, 1));
        t += 5'000;
    }
    events.push_back(ev(t + 1'000, EventKind::Finished, 1));
    trace.append(events);
    return trace;
}

} // namespace

class TestTimelineView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void narrowSpansMergeIntoPixelColumns()
    {
        const auto trace = busyTrace(100'000); // 200,000 spans over half a second
        TimelineModel model;
        model.setTrace(&trace);
        const auto *lane = model.taskLane(1);
        QCOMPARE(lane->spans.size(), std::size_t(200'001));

        LaneFrame frame;
        frame.model = &model;
        frame.nowNs = model.endNs();
        frame.axis = TimeAxis(0, model.endNs(), 1000);
        QImage image(1000, 40, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            LanePainter::paint(painter, QRectF(0, 0, 1000, 40), *lane, frame);
        }
        // Work bounded by pixels, not spans: at most one fill per column (fewer when merged).
        QVERIFY2(LanePainter::lastDrawCount() <= 1000, qPrintable(QString::number(LanePainter::lastDrawCount())));
        // And no gaps: every column of the bar shows the state that covers most of it, the timer.
        const auto timer = frame.palette.suspended(trace::SuspendReason::Timer).rgb();
        int timerColumns = 0;
        for (int x = 0; x < 999; ++x) {
            QVERIFY2(image.pixel(x, 20) != QColor(Qt::white).rgb(), qPrintable(QStringLiteral("gap at %1").arg(x)));
            timerColumns += image.pixel(x, 20) == timer ? 1 : 0;
        }
        QVERIFY2(timerColumns > 990, qPrintable(QString::number(timerColumns)));
    }

    void summariesAgreeWithTheSpans()
    {
        const auto trace = busyTrace(5'000);
        TimelineModel model;
        model.setTrace(&trace);
        const auto &lane = *model.taskLane(1);
        // Every complete run of closed spans is summarised, at every level.
        for (int level = 0; level < spanBlockLevels; ++level)
            QCOMPARE(lane.blocks[std::size_t(level)].size(), lane.spans.size() / spanBlockSize(level));
        for (std::size_t b = 0; b < lane.blocks[0].size(); ++b) {
            const auto &block = lane.blocks[0][b];
            std::array<qint64, SpanKeyCount> covered{};
            for (auto i = b * 8; i < b * 8 + 8; ++i)
                covered[std::size_t(spanKey(lane.spans[i]))] += lane.spans[i].endNs - lane.spans[i].startNs;
            QCOMPARE(int(block.key), int(std::max_element(covered.begin(), covered.end()) - covered.begin()));
            QCOMPARE(block.startNs, lane.spans[b * 8].startNs);
            QCOMPARE(block.endNs, lane.spans[b * 8 + 7].endNs);
        }
        // Painting from the summaries shows what painting every span shows.
        Lane unsummarised;
        unsummarised.kind = LaneKind::Task;
        unsummarised.spans = lane.spans;
        LaneFrame frame;
        frame.model = &model;
        frame.nowNs = model.endNs();
        frame.axis = TimeAxis(0, model.endNs(), 600); // about 17 spans a pixel
        auto paint = [&](const Lane &which) {
            QImage image(600, 30, QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            LanePainter::paint(painter, QRectF(0, 0, 600, 30), which, frame);
            return image;
        };
        const auto fromBlocks = paint(lane);
        const auto fromSpans = paint(unsummarised);
        int same = 0;
        for (int x = 0; x < 600; ++x)
            same += fromBlocks.pixel(x, 15) == fromSpans.pixel(x, 15) ? 1 : 0;
        QVERIFY2(same >= 594, qPrintable(QString::number(same)));
    }

    void wideSpansAreDrawnOneByOne()
    {
        const auto trace = busyTrace(100'000);
        TimelineModel model;
        model.setTrace(&trace);
        LaneFrame frame;
        frame.model = &model;
        frame.nowNs = model.endNs();
        // 50 µs on 1000 px: ten cycles, each span 80 or 20 px wide.
        frame.axis = TimeAxis(250'000'000, 250'050'000, 1000);
        QImage image(1000, 40, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            LanePainter::paint(painter, QRectF(0, 0, 1000, 40), *model.taskLane(1), frame);
        }
        QVERIFY(LanePainter::lastDrawCount() >= 20);
        QVERIFY(LanePainter::lastDrawCount() <= 23);
        // Running shows as running where it runs: the first µs of each 5 µs cycle.
        const auto running = frame.palette.running().rgb();
        QCOMPARE(image.pixel(int(frame.axis.mapTimeToX(250'000'500)), 20), running);
        QCOMPARE(image.pixel(int(frame.axis.mapTimeToX(250'003'000)), 20),
                 frame.palette.suspended(trace::SuspendReason::Timer).rgb());
    }

    void nothingVisibleDrawsNothing()
    {
        const auto trace = busyTrace(1000);
        TimelineModel model;
        model.setTrace(&trace);
        LaneFrame frame;
        frame.model = &model;
        frame.nowNs = model.endNs();
        frame.axis = TimeAxis(model.endNs() + 1'000'000, model.endNs() + 2'000'000, 500);
        QImage image(500, 40, QImage::Format_ARGB32_Premultiplied);
        QPainter painter(&image);
        LanePainter::paint(painter, QRectF(0, 0, 500, 40), *model.taskLane(1), frame);
        QCOMPARE(LanePainter::lastDrawCount(), qsizetype(0));
    }

    void dragPansAndHoverExplains()
    {
        const auto trace = busyTrace(2000);
        TimelineModel model;
        TimelineState state;
        model.setTrace(&trace);
        state.setTraceRange(model.startNs(), model.endNs());
        TimelineView view;
        view.setTimelineModel(&model);
        view.setState(&state);
        view.resize(1000, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        state.setVisibleRange(0, 1'000'000);
        const auto area = view.timeArea();
        const auto row = view.visualRect(model.indexOfTask(1, TimelineModel::TimelineColumn));
        const QPoint from(area.left() + 400, row.center().y());
        const auto nsPerPixel = view.axis().nsPerPixel();
        QTest::mousePress(view.viewport(), Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(view.viewport(), from + QPoint(50, 0));
        QTest::mouseMove(view.viewport(), from + QPoint(100, 0));
        QTest::mouseRelease(view.viewport(), Qt::LeftButton, Qt::NoModifier, from + QPoint(100, 0));
        // Dragged right by 100 px: the picture moved with the hand, 100 px of time earlier.
        QVERIFY(std::abs(double(state.visibleStartNs()) + 100 * nsPerPixel) < nsPerPixel);
        QCOMPARE(state.visibleDurationNs(), qint64(1'000'000));
        QCOMPARE(state.selectedTask(), trace::TaskId(0)); // a drag is not a click

        state.setVisibleRange(0, 10'000);
        const auto at = QPoint(area.left() + int(view.axis().mapTimeToX(3'000)), row.center().y());
        const auto hit = view.hitTest(at);
        QVERIFY(hit.span);
        QCOMPARE(hit.span->state, SpanState::Suspended);
        const auto tip = view.toolTipAt(at);
        QVERIFY2(tip.contains(QStringLiteral("<b>main</b>")) && tip.contains(QStringLiteral("timer")), qPrintable(tip));
    }

    void foldedLanesStayFolded()
    {
        trace::Trace trace;
        trace.addThread(QStringLiteral("pattern loop"));
        const auto name = trace.addString(QStringLiteral("child"));
        std::vector<Event> first{ev(0, EventKind::Created, 1, trace.addString(QStringLiteral("main"))),
                                 ev(1, EventKind::Started, 1), ev(2, EventKind::Created, 2, name, 0, 1),
                                 ev(3, EventKind::Started, 2)};
        trace.append(first);
        TimelineModel model;
        TimelineState state;
        model.setTrace(&trace);
        TimelineView view;
        view.setTimelineModel(&model);
        view.setState(&state);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const auto root = model.indexOfTask(1);
        QVERIFY(view.isExpanded(root));
        view.collapse(root);
        const auto before = qsizetype(trace.events().size());
        const std::vector<Event> more{ev(10, EventKind::Created, 3, name, 0, 1), ev(11, EventKind::Started, 3)};
        const auto changed = trace.append(more);
        model.update(changed, qsizetype(trace.events().size()) - before);
        QCOMPARE(model.rowCount(root), 2);
        QVERIFY(!view.isExpanded(root)); // the user folded it; new children do not unfold it
        // A lane that gets its first children unfolds by itself.
        const std::vector<Event> grandchild{ev(20, EventKind::Created, 4, name, 0, 3), ev(21, EventKind::Started, 4)};
        const auto before2 = qsizetype(trace.events().size());
        model.update(trace.append(grandchild), qsizetype(trace.events().size()) - before2);
        QVERIFY(view.isExpanded(model.indexOfTask(3)));
    }

    void aBlockedLoopMarksEveryLane()
    {
        // The heartbeat came 80 ms late at 100 ms: nothing on the loop ran from 20 to 100 ms.
        trace::Trace trace;
        trace.addThread(QStringLiteral("pattern loop"));
        const auto lag = trace.addString(trace::counters::loopLagMs());
        const qint64 ms = 1'000'000;
        std::vector<Event> events{ev(0, EventKind::Created, 1, trace.addString(QStringLiteral("main"))),
                                  ev(0, EventKind::Started, 1)};
        for (qint64 t = 0; t <= 200; t += 10) {
            if (t > 20 && t < 100)
                continue; // a blocked loop does not beat
            events.push_back(ev(t * ms, EventKind::Counter, 0, lag, 0, t == 100 ? 80.0 : 0.2));
        }
        events.push_back(ev(200 * ms, EventKind::Finished, 1));
        std::stable_sort(events.begin(), events.end(),
                         [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
        trace.append(events);
        TimelineModel model;
        TimelineState state;
        model.setTrace(&trace);
        state.setTraceRange(model.startNs(), model.endNs());
        TimelineView view;
        view.setTimelineModel(&model);
        view.setState(&state);
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        state.setVisibleRange(0, 200 * ms);
        const auto image = view.viewport()->grab().toImage();
        const auto area = view.timeArea();
        // Below the last lane, where nothing else is drawn: tinted inside the blocked stretch only.
        const int y = view.visualRect(model.indexOfTask(1)).bottom() + 30;
        QVERIFY(y < image.height() / image.devicePixelRatio());
        auto pixel = [&](qint64 t) {
            const auto x = int(area.left() + view.axis().mapTimeToX(t));
            return QColor(image.pixel(int(x * image.devicePixelRatio()), int(y * image.devicePixelRatio())));
        };
        const auto inside = pixel(60 * ms);
        const auto outside = pixel(150 * ms);
        const auto blocked = view.frame().palette.lagBlocked();
        // Inside leans towards the blocked colour; outside is the plain background.
        QVERIFY2(inside != outside, "the blocked stretch is not marked");
        QVERIFY(std::abs(inside.hue() - blocked.hue()) < 30 || inside.saturation() > outside.saturation());
        QVERIFY(inside.red() - inside.blue() > outside.red() - outside.blue());
        // And the loop's own lane explains it.
        const auto loopRow = view.visualRect(model.indexOf(model.eventLoopLane(), TimelineModel::TimelineColumn));
        const auto tip = view.toolTipAt(QPoint(int(area.left() + view.axis().mapTimeToX(60 * ms)), loopRow.center().y()));
        QVERIFY2(tip.contains(QStringLiteral("event loop blocked for 80.0 ms")), qPrintable(tip));
    }

    void selectingATaskSelectsItsRow()
    {
        const auto trace = busyTrace(10);
        TimelineModel model;
        TimelineState state;
        model.setTrace(&trace);
        TimelineView view;
        view.setTimelineModel(&model);
        view.setState(&state);
        state.setSelectedTask(1);
        QCOMPARE(view.currentIndex().siblingAtColumn(0), model.indexOfTask(1));
        // And the other way round: moving the current row selects its task.
        view.setCurrentIndex(model.index(0, 0));
        state.setSelectedTask(0);
        view.setCurrentIndex(model.indexOfTask(1));
        QCOMPARE(state.selectedTask(), trace::TaskId(1));
    }
};

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
