// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/openedtrace.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace coroscope::app {

// Opens one trace at a time off the GUI thread (a big file or a big stored run takes
// seconds), reporting progress and taking cancellation. A cancelled opening never shows
// anything, even if the work had already finished when Cancel was pressed.
class TraceOpener : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<OpenResult(const OpenProgress &progress)>;

    explicit TraceOpener(QObject *parent = nullptr);
    // Cancels what is still being opened and waits for it to stop.
    ~TraceOpener() override;

    // Runs `job` on the thread pool; false if an opening is already under way.
    bool start(const QString &description, Job job);
    void cancel();
    bool isBusy() const { return m_busy; }
    // What is being (or was last) opened, for messages: "other.json", "run #12".
    QString description() const { return m_description; }

Q_SIGNALS:
    void progressChanged(int percent);
    // On the GUI thread. `result.opened` may be taken by a slot.
    void finished(OpenResult &result);

private:
    void onJobDone();

    QFutureWatcher<std::shared_ptr<OpenResult>> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    QString m_description;
    bool m_busy = false;
};

} // namespace coroscope::app
