// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace coroscope::trace {
class Recorder;
}

namespace coroscope::async {

// Measures how late the event loop of the thread it lives on serves a periodic timer. A loop
// blocked by a sync sleep or a CPU loop shows up as a tall spike of this counter.
class LoopHeartbeat : public QObject
{
    Q_OBJECT
public:
    explicit LoopHeartbeat(std::shared_ptr<trace::Recorder> recorder,
                           std::chrono::milliseconds interval = std::chrono::milliseconds(10), QObject *parent = nullptr);

    void start();
    void stop();
    double maxLagMs() const { return m_maxLagMs; }

private:
    void beat();

    std::shared_ptr<trace::Recorder> m_recorder;
    std::chrono::milliseconds m_interval;
    QTimer m_timer;
    QElapsedTimer m_sinceLastBeat;
    double m_maxLagMs = 0;
};

} // namespace coroscope::async
