// SPDX-License-Identifier: GPL-3.0-or-later
// The timeline's two promises: a full frame of a million-event run paints within a 60 Hz frame,
// and a run streaming into the live view never stalls the window.
#include "app/eventlog/eventlogpanel.h"
#include "app/models/eventlogmodel.h"
#include "app/models/timelinestate.h"
#include "app/timeline/timelinepanel.h"
#include "app/timeline/timelineview.h"
#include "timeline/timelinemodel.h"
#include "trace/counters.h"
#include "trace/makeevent.h"
#include "trace/recorder.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <benchmark/benchmark.h>
#include <random>
#include <thread>
#include <time.h>

using namespace coroscope;
using namespace coroscope::app;
using namespace coroscope::timeline;
using trace::Event;
using trace::EventKind;

namespace {

// CPU time of the calling thread: what our code costs, apart from waiting for a core on a busy
// machine.
qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

constexpr auto ev = [](auto... parts) { return trace::makeEvent(parts...); };

// A gather-like run: a root spawns `tasks` children that each wait (on the network, the
// database, a timer, ...) and run in turns until `total` events exist, with the loop heartbeat
// and a requests-in-flight counter alongside.
trace::Trace syntheticTrace(int tasks, std::size_t total)
{
    trace::Trace trace;
    trace.addThread(QStringLiteral("pattern loop"));
    std::mt19937 random(42);
    const auto child = trace.addString(QStringLiteral("fetch"));
    const trace::StringId labels[] = {
        trace.addString(QStringLiteral("GET /users/7")), trace.addString(QStringLiteral("SELECT orders")),
        trace.addString(QStringLiteral("sleep 2 ms")), trace.addString(QStringLiteral("db permit"))};
    const trace::SuspendReason reasons[] = {trace::SuspendReason::Network, trace::SuspendReason::Database,
                                            trace::SuspendReason::Timer, trace::SuspendReason::Semaphore};
    const auto lag = trace.addString(trace::counters::loopLagMs());
    const auto inFlight = trace.addString(trace::counters::requestsInFlight());
    const auto location = trace.addLocation(
        trace::Location{QStringLiteral("/src/gather.cpp"), QStringLiteral("fetch"), 42});

    std::vector<Event> events;
    events.reserve(total + 16);
    events.push_back(ev(0, EventKind::Created, 1, trace.addString(QStringLiteral("main"))));
    events.push_back(ev(1'000, EventKind::Started, 1));
    const std::size_t perTask = total / std::size_t(tasks);
    qint64 end = 0;
    for (int i = 0; i < tasks - 1; ++i) {
        const auto id = trace::TaskId(i + 2);
        qint64 t = 2'000 + qint64(i) * 10'000;
        events.push_back(ev(t, EventKind::Created, id, child, 0, 1));
        events.push_back(ev(t + 500, EventKind::Started, id));
        t += 500;
        for (std::size_t n = 4; n + 2 < perTask; n += 2) {
            t += 20'000 + qint64(random() % 180'000);
            const auto which = std::size_t(random() % 4);
            auto suspended = ev(t, EventKind::Suspended, id, labels[which], quint8(reasons[which]));
            suspended.location = location;
            events.push_back(suspended);
            t += 500'000 + qint64(random() % 4'500'000);
            events.push_back(ev(t, EventKind::Resumed, id));
        }
        events.push_back(ev(t + 10'000, EventKind::Finished, id));
        end = std::max(end, t + 10'000);
    }
    for (qint64 t = 0; t < end; t += 10'000'000)
        events.push_back(ev(t, EventKind::Counter, 0, lag, 0, double(random() % 30) / 10.0));
    for (qint64 t = 0; t < end; t += 3'000'000)
        events.push_back(ev(t, EventKind::Counter, 0, inFlight, 0, double(random() % 20)));
    events.push_back(ev(end + 1'000, EventKind::Finished, 1));
    std::stable_sort(events.begin(), events.end(), [](const Event &a, const Event &b) { return a.timeNs < b.timeNs; });
    trace.append(events);
    return trace;
}

// One full frame of the timeline widget (ruler, lanes, arrows, overlays) into a 1920x1080 image.
void paintFullFrame(benchmark::State &state, int tasks)
{
    const auto trace = syntheticTrace(tasks, 1'000'000);
    TimelineModel model;
    TimelineState timeline;
    model.setTrace(&trace);
    timeline.setTraceRange(model.startNs(), model.endNs());
    timeline.fit();
    TimelineView view;
    view.setTimelineModel(&model);
    view.setState(&timeline);
    view.resize(1920, 1080);
    view.show();
    QApplication::processEvents();
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        view.render(&image);
        benchmark::DoNotOptimize(image.constBits());
    }
    state.counters["events"] = double(trace.events().size());
    state.counters["lanes"] = double(model.lanes().size());
}

void BM_PaintFullFrame_1000Lanes(benchmark::State &state)
{
    paintFullFrame(state, 1000);
}
BENCHMARK(BM_PaintFullFrame_1000Lanes)->Unit(benchmark::kMillisecond)->MinTime(2.0);

// Few lanes, each packed with 25,000 events, all of them on screen: the level-of-detail case.
void BM_PaintFullFrame_40DenseLanes(benchmark::State &state)
{
    paintFullFrame(state, 40);
}
BENCHMARK(BM_PaintFullFrame_40DenseLanes)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_BuildModel_1MEvents(benchmark::State &state)
{
    const auto trace = syntheticTrace(1000, 1'000'000);
    for (auto _ : state) {
        TimelineModel model;
        model.setTrace(&trace);
        benchmark::DoNotOptimize(model.endNs());
    }
}
BENCHMARK(BM_BuildModel_1MEvents)->Unit(benchmark::kMillisecond)->Iterations(3);

// The window of the live benchmark, timing each repaint it gets.
class TimedWindow : public QWidget
{
public:
    double worstPaintMs = 0;
    double worstPaintCpuMs = 0;
    int paints = 0;

protected:
    bool event(QEvent *event) override
    {
        if (event->type() != QEvent::UpdateRequest)
            return QWidget::event(event);
        QElapsedTimer clock;
        clock.start();
        const auto cpu = threadCpuNs();
        const bool handled = QWidget::event(event);
        worstPaintMs = std::max(worstPaintMs, double(clock.nsecsElapsed()) / 1e6);
        worstPaintCpuMs = std::max(worstPaintCpuMs, double(threadCpuNs() - cpu) / 1e6);
        ++paints;
        return handled;
    }
};

// A run of 100,000 events streams into the live view (timeline and event log, 1920x1080) the
// way PatternRun feeds it: a recorder filled from another thread, drained at 60 Hz on the GUI
// thread. A 2 ms heartbeat on the GUI thread measures how late its loop gets.
void BM_LiveStreamLag_100kEvents(benchmark::State &state)
{
    for (auto _ : state) {
        auto recorder = std::make_shared<trace::Recorder>();
        trace::Trace trace;
        TimelineModel model;
        EventLogModel log;
        TimelineState timeline;
        timeline.reset();
        timeline.setLive(true);
        model.setTrace(&trace);
        log.setTrace(&trace);
        log.setUpdateInterval(200); // as the main window does during a run
        TimedWindow window;
        auto *layout = new QHBoxLayout(&window);
        auto *panel = new TimelinePanel(&window);
        auto *logPanel = new EventLogPanel(&window);
        layout->addWidget(panel, 3);
        layout->addWidget(logPanel, 2);
        panel->setModel(&model);
        panel->setState(&timeline);
        logPanel->setModel(&log);
        logPanel->setState(&timeline);
        window.resize(1920, 1080);
        window.show();
        QApplication::processEvents();
        window.worstPaintMs = 0; // the first paint loads fonts and lays everything out
        window.worstPaintCpuMs = 0;
        window.paints = 0;

        std::atomic<bool> done{false};
        constexpr int total = 100'000;
        std::thread producer([&] {
            const auto sleep = recorder->intern(QStringLiteral("sleep 1 ms"));
            const auto get = recorder->intern(QStringLiteral("GET /users/1"));
            recorder->created(1, 0, QStringLiteral("main"), std::source_location::current());
            recorder->record(EventKind::Started, 1);
            int events = 2;
            trace::TaskId next = 2;
            std::vector<trace::TaskId> live;
            std::mt19937 random(1);
            while (events < total) {
                // About 60 events per millisecond: 100,000 in under two seconds.
                for (int burst = 0; burst < 60 && events < total; ++burst) {
                    if (live.size() < 300 || random() % 50 == 0) {
                        const auto id = next++;
                        recorder->created(id, 1, QStringLiteral("fetch"), std::source_location::current());
                        recorder->record(EventKind::Started, id);
                        live.push_back(id);
                        events += 2;
                    }
                    const auto id = live[std::size_t(random()) % live.size()];
                    recorder->record(EventKind::Suspended, id, random() % 2 ? sleep : get, 0,
                                     quint8(random() % 2 ? trace::SuspendReason::Timer : trace::SuspendReason::Network));
                    recorder->record(EventKind::Resumed, id);
                    recorder->counter(trace::counters::requestsInFlight(), double(random() % 40));
                    events += 3;
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
            done = true;
        });

        QElapsedTimer beat;
        beat.start();
        double worstLagMs = 0;
        std::vector<double> lags;
        QTimer heartbeat;
        heartbeat.setTimerType(Qt::PreciseTimer);
        heartbeat.setInterval(2);
        QObject::connect(&heartbeat, &QTimer::timeout, [&] {
            const double lag = double(beat.nsecsElapsed()) / 1e6 - 2.0;
            beat.restart();
            lags.push_back(std::max(0.0, lag));
            worstLagMs = std::max(worstLagMs, lag);
        });
        double worstDrainMs = 0;
        double worstDrainCpuMs = 0;
        int frames = 0;
        QTimer drain;
        drain.setInterval(16);
        QObject::connect(&drain, &QTimer::timeout, [&] {
            QElapsedTimer clock;
            clock.start();
            const auto cpu = threadCpuNs();
            const auto drained = recorder->drainInto(trace);
            if (drained.added > 0) {
                const auto first = drained.firstChanged;
                const auto count = qsizetype(trace.events().size()) - first;
                model.update(first, count);
                log.update(first, count);
                timeline.setTraceRange(model.startNs(), model.endNs());
                ++frames;
            }
            worstDrainMs = std::max(worstDrainMs, double(clock.nsecsElapsed()) / 1e6);
            worstDrainCpuMs = std::max(worstDrainCpuMs, double(threadCpuNs() - cpu) / 1e6);
        });
        beat.restart();
        heartbeat.start();
        drain.start();
        // The drain timer does all draining, as in a real run; wait until it has taken everything.
        while (!done || trace.events().size() < std::size_t(total))
            QApplication::processEvents(QEventLoop::AllEvents, 5);
        producer.join();
        heartbeat.stop();
        drain.stop();
        std::sort(lags.begin(), lags.end());
        state.counters["worst_lag_ms"] = worstLagMs;
        state.counters["p99_lag_ms"] = lags.empty() ? 0.0 : lags[std::min(lags.size() - 1, lags.size() * 99 / 100)];
        state.counters["worst_drain_ms"] = worstDrainMs;
        state.counters["worst_paint_ms"] = window.worstPaintMs;
        state.counters["worst_paint_cpu_ms"] = window.worstPaintCpuMs;
        state.counters["worst_drain_cpu_ms"] = worstDrainCpuMs;
        state.counters["paints"] = window.paints;
        state.counters["frames"] = frames;
        state.counters["events"] = double(trace.events().size());
        state.counters["lanes"] = double(model.lanes().size());
    }
}
BENCHMARK(BM_LiveStreamLag_100kEvents)->Unit(benchmark::kMillisecond)->Iterations(1);

} // namespace
