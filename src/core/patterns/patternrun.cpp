// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/patternrun.h"

#include "async/heartbeat.h"
#include "async/spawn.h"
#include "io/labserverstate.h"
#include "trace/recorder.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QPointer>

namespace coroscope::patterns {

using namespace std::chrono_literals;

namespace {

RunOutcome outcomeOf(async::TaskHandle<RunOutcome> &root)
{
    try {
        return async::TaskHandle<RunOutcome>::takeResult(*root.state());
    } catch (const async::Error &error) {
        switch (error.kind()) {
        case async::ErrorKind::Cancelled:
            return {RunStatus::Cancelled, QStringLiteral("cancelled: ") + error.message()};
        case async::ErrorKind::Timeout: return {RunStatus::TimedOut, QStringLiteral("timed out: ") + error.message()};
        default: return {RunStatus::Error, error.message()};
        }
    } catch (const std::exception &error) {
        return {RunStatus::Error, QString::fromUtf8(error.what())};
    } catch (...) {
        return {RunStatus::Error, QStringLiteral("unknown error")};
    }
}

} // namespace

const char *toString(RunStatus status)
{
    switch (status) {
    case RunStatus::Ok: return "ok";
    case RunStatus::Error: return "error";
    case RunStatus::Cancelled: return "cancelled";
    case RunStatus::TimedOut: return "timed out";
    }
    return "error";
}

QUrl PatternContext::url(const QString &path) const
{
    auto base = m_environment.serverUrl;
    const auto query = path.indexOf(QLatin1Char('?'));
    base.setPath(base.path().chopped(base.path().endsWith(QLatin1Char('/')) ? 1 : 0)
                 + (query < 0 ? path : path.left(query)));
    base.setQuery(query < 0 ? QString() : path.mid(query + 1));
    return base;
}

// Lives on the run's thread: starts the root task there, and once it is done makes sure every
// task it left behind has finished (cancelled, as asyncio.run does) before the thread ends.
class PatternRun::Worker : public QObject
{
public:
    Worker(const Pattern &pattern, PatternContext context, std::shared_ptr<trace::Recorder> recorder, PatternRun *owner)
        : m_pattern(pattern)
        , m_context(std::move(context))
        , m_recorder(std::move(recorder))
        , m_owner(owner)
    {
    }

    void begin()
    {
        m_heartbeat = std::make_unique<async::LoopHeartbeat>(m_recorder);
        m_heartbeat->start();
        m_runScope = std::make_unique<async::CancelScope>();
        auto factory = [&pattern = m_pattern, context = m_context] { return pattern.run(context); };
        m_root = async::detail::spawnIn(m_recorder, 0, m_runScope.get(), m_pattern.info().id, std::move(factory),
                                        std::source_location::current());
        m_root.state()->whenDone([this] {
            QMetaObject::invokeMethod(
                this, [this] { wrapUp(); }, Qt::QueuedConnection);
        });
    }

    void cancel(const QString &reason)
    {
        if (m_runScope)
            m_runScope->cancel(reason);
    }

private:
    void wrapUp()
    {
        m_outcome = outcomeOf(m_root);
        if (async::pendingAwaits() > 0) {
            m_recorder->mark(0, QStringLiteral("the run ended with %1 await(s) still pending: cancelling them")
                                    .arg(async::pendingAwaits()));
            m_runScope->cancel(QStringLiteral("the run ended"));
        }
        m_leftoverClock.start();
        waitForLeftovers();
    }

    void waitForLeftovers()
    {
        // Thread-pool jobs cannot be interrupted, so this may take as long as the longest one.
        if (async::pendingAwaits() > 0 && m_leftoverClock.elapsed() < 60'000) {
            QTimer::singleShot(5ms, this, [this] { waitForLeftovers(); });
            return;
        }
        m_heartbeat->stop();
        m_heartbeat.reset();
        m_root = {};
        m_runScope.reset();
        QMetaObject::invokeMethod(
            m_owner, [owner = m_owner, outcome = m_outcome] { owner->onWorkerDone(outcome); }, Qt::QueuedConnection);
        thread()->quit();
    }

    const Pattern &m_pattern;
    PatternContext m_context;
    std::shared_ptr<trace::Recorder> m_recorder;
    PatternRun *m_owner;
    std::unique_ptr<async::LoopHeartbeat> m_heartbeat;
    std::unique_ptr<async::CancelScope> m_runScope;
    async::TaskHandle<RunOutcome> m_root;
    RunOutcome m_outcome;
    QElapsedTimer m_leftoverClock;
};

PatternRun::PatternRun(const Pattern &pattern, QVariantMap values, RunEnvironment environment, QObject *parent)
    : QObject(parent)
    , m_pattern(pattern)
    , m_values(std::move(values))
    , m_environment(std::move(environment))
    , m_recorder(std::make_shared<trace::Recorder>())
{
    m_thread.setObjectName(QStringLiteral("pattern loop"));
    m_drainTimer.setInterval(16ms);
    connect(&m_drainTimer, &QTimer::timeout, this, &PatternRun::drain);
}

PatternRun::~PatternRun()
{
    m_faultsWatch.reset();
    if (isRunning()) {
        stop();
        waitForFinished(70'000);
    }
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

void PatternRun::start()
{
    if (m_started)
        return;
    m_started = true;
    m_worker = new Worker(m_pattern, PatternContext(m_values, m_environment), m_recorder, this);
    m_worker->moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->begin(); }, Qt::QueuedConnection);
    watchLabFaults();
    m_drainTimer.start();
}

void PatternRun::watchLabFaults()
{
    const auto lab = io::lab::serverAt(m_environment.serverUrl);
    if (!lab)
        return;
    // Marked on the run's own thread, so that the mark sits on its event loop's lane.
    auto markOnRunThread = [worker = QPointer<QObject>(m_worker), recorder = m_recorder](const QString &text) {
        QMetaObject::invokeMethod(
            worker, [recorder, text] { recorder->mark(0, text); }, Qt::QueuedConnection);
    };
    if (const auto faults = lab->faults(); !faults.isHealthy())
        markOnRunThread(QStringLiteral("lab faults: %1").arg(faults.describe()));
    m_faultsWatch = lab->watchFaults([markOnRunThread](const io::LabFaults &faults) {
        markOnRunThread(QStringLiteral("lab faults changed: %1").arg(faults.describe()));
    });
}

void PatternRun::stop()
{
    if (!isRunning())
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->cancel(QStringLiteral("stopped by the user")); }, Qt::QueuedConnection);
}

bool PatternRun::waitForFinished(int limitMs)
{
    if (m_finished || !m_started)
        return m_finished;
    QEventLoop loop;
    connect(this, &PatternRun::finished, &loop, &QEventLoop::quit);
    QTimer limit;
    limit.setSingleShot(true);
    connect(&limit, &QTimer::timeout, &loop, &QEventLoop::quit);
    if (limitMs >= 0)
        limit.start(limitMs);
    loop.exec();
    if (!m_finished) {
        stop();
        QEventLoop again;
        connect(this, &PatternRun::finished, &again, &QEventLoop::quit);
        again.exec();
        return false;
    }
    return true;
}

void PatternRun::drain()
{
    const auto drained = m_recorder->drainInto(m_trace);
    if (drained.added > 0)
        Q_EMIT eventsAppended(drained.firstChanged, qsizetype(m_trace.events().size()) - drained.firstChanged);
}

void PatternRun::onWorkerDone(RunOutcome outcome)
{
    m_faultsWatch.reset();
    m_thread.wait();
    m_drainTimer.stop();
    drain();
    m_outcome = std::move(outcome);
    m_finished = true;
    Q_EMIT finished();
}

} // namespace coroscope::patterns
