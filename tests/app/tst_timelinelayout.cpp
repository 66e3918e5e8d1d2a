// SPDX-License-Identifier: GPL-3.0-or-later
// Layout once, render twice: the exported PNG of a real run and the app's timeline of the same
// run, at the same width and window, draw the bars of one and the same layout.
#include "app/models/timelinestate.h"
#include "app/timeline/timelineview.h"
#include "patterntesting.h"
#include "report/timelineimage.h"
#include "timeline/lanelayout.h"
#include "timeline/lanepainter.h"
#include "timeline/timelinemodel.h"
#include "timeline/timelinepicture.h"

#include <QBuffer>
#include <QTest>

#include <map>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::testing;
using namespace coroscope::timeline;

namespace {

// The bars drawn per task lane (by task id and title: a never-awaited coroutine shares its
// caller's id), as a back-end painted them.
using DrawnBars = std::map<std::pair<trace::TaskId, QString>, std::vector<LaneBar>>;

class Recording
{
public:
    Recording()
    {
        LanePainter::setLayoutRecorder([this](const Lane &lane, const LaneLayout &layout) {
            if (lane.kind == LaneKind::Task)
                bars[{lane.task, lane.title}] = layout.bars;
        });
    }
    ~Recording() { LanePainter::setLayoutRecorder({}); }
    DrawnBars bars;
};

} // namespace

class TestTimelineLayout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void exportedPngAndTheAppDrawTheSameBars()
    {
        auto run = m_fixture.run(QStringLiteral("taskgroup"), {{QStringLiteral("items"), 4},
                                                               {QStringLiteral("latency_ms"), 2000},
                                                               {QStringLiteral("failing_item"), 3},
                                                               {QStringLiteral("fail_after_ms"), 300}});
        QVERIFY(run);
        const auto &trace = run->trace();
        const int width = 1200;

        // The PNG, through the export path.
        DrawnBars exported;
        {
            Recording recording;
            QBuffer png;
            png.open(QIODevice::WriteOnly);
            QString error;
            QVERIFY2(report::writeTimelinePng({report::TimelineSection{&trace, QString()}}, width, QString(), png, &error),
                     qPrintable(error));
            QVERIFY(png.data().startsWith("\x89PNG"));
            exported = recording.bars;
        }
        const TimelinePicture picture({{&trace, QString()}}, width);
        const auto axis = picture.axis(0);

        // The app's view of the same run, its time area as wide as the picture's, the same window.
        TimelineModel model;
        model.setTrace(&trace);
        TimelineState state;
        state.setTraceRange(model.startNs(), model.endNs());
        TimelineView view;
        view.setTimelineModel(&model);
        view.setState(&state);
        view.resize(width, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.expandAll();
        for (int attempt = 0; attempt < 3 && view.timeArea().width() != int(axis.widthPx()); ++attempt)
            view.resize(view.width() + int(axis.widthPx()) - view.timeArea().width(), view.height());
        QCOMPARE(double(view.timeArea().width()), axis.widthPx());
        state.setVisibleRange(axis.startNs(), axis.endNs());
        QCOMPARE(view.axis(), axis);
        DrawnBars shown;
        {
            Recording recording;
            const auto grabbed = view.viewport()->grab();
            QVERIFY(!grabbed.isNull());
            shown = recording.bars;
        }

        // Every task lane, the four items among them, with the same bar rectangles.
        QVERIFY(exported.size() >= 5);
        for (const auto &[lane, bars] : exported) {
            const auto it = shown.find(lane);
            QVERIFY2(it != shown.end(), qPrintable(lane.second + QStringLiteral(" was not drawn in the app")));
            QVERIFY2(it->second == bars, qPrintable(lane.second + QStringLiteral(": the bars differ")));
            QVERIFY(!bars.empty());
        }

        // And what they draw is the truth: a cancelled sibling's request is a network bar up to
        // the moment the failure cancelled it.
        const auto *sibling = taskNamed(trace, QStringLiteral("process_item 1"));
        QVERIFY(sibling);
        const auto *lane = model.taskLane(sibling->id);
        const auto wait = std::find_if(lane->spans.rbegin(), lane->spans.rend(),
                                       [](const Span &span) { return span.ending == SpanEnding::Cancelled; });
        QVERIFY(wait != lane->spans.rend());
        const auto &bars = exported.at({sibling->id, lane->title});
        const int networkKey = spanKey(*wait);
        const int cancelColumn = int(std::lround(axis.mapTimeToX(wait->endNs)));
        const auto network = std::find_if(bars.begin(), bars.end(), [&](const LaneBar &bar) {
            return bar.key == networkKey && std::abs(bar.endColumn - cancelColumn) <= 1;
        });
        QVERIFY(network != bars.end());
        QVERIFY(cancelColumn - network->firstColumn >= int(axis.widthPx() * 200e6 / double(axis.durationNs())));

        // A replay before the cancellation shows the sibling waiting, and no cancellation yet;
        // once the playhead passes it, the cross is there, at its moment.
        auto marksAt = [&](qint64 playheadNs) {
            state.setLive(false);
            state.setPlayhead(playheadNs);
            std::vector<MarkerKind> kinds;
            LanePainter::setLayoutRecorder({}, [&](const Lane &drawn, const std::vector<PlacedMarker> &placed) {
                if (drawn.kind == LaneKind::Task && drawn.task == sibling->id) {
                    for (const auto &marker : placed)
                        kinds.push_back(marker.second->kind);
                }
            });
            view.viewport()->grab();
            LanePainter::setLayoutRecorder({});
            return kinds;
        };
        const auto before = marksAt(wait->endNs - 100'000'000);
        QVERIFY(!before.empty()); // it had started
        QVERIFY(std::find(before.begin(), before.end(), MarkerKind::Cancelled) == before.end());
        const auto after = marksAt(wait->endNs + 1'000'000);
        QVERIFY(std::find(after.begin(), after.end(), MarkerKind::Cancelled) != after.end());
    }

private:
    PatternFixture m_fixture;
};

QTEST_MAIN(TestTimelineLayout)
#include "tst_timelinelayout.moc"
