// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/models/openedtrace.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QMimeData;
class QProgressDialog;
class QWidget;

namespace coroscope::app {

class JobTracker;

// Opens a stored run or a trace file off the GUI thread, one at a time, with a cancellable
// progress dialog for files (which can be large); the newest opening supersedes the last.
class TraceOpening : public QObject
{
    Q_OBJECT
public:
    using Job = std::function<OpenResult(const OpenProgress &progress)>;
    enum class Progress { Quiet, Dialog };

    explicit TraceOpening(QWidget *window);
    ~TraceOpening() override;

    // `done` receives the result, or a cancelled one, on the GUI thread.
    void start(const QString &description, Job job, Progress progress, std::function<void(OpenResult &)> done);
    void cancel();
    bool isBusy() const;
    // What is being opened ("run #3", "other.json"), while busy and in `done`.
    QString description() const;

private:
    void closeDialog();

    QWidget *m_window;
    JobTracker *m_jobs;
    QPointer<QProgressDialog> m_dialog;
};

// The one local .json file a drag carries, or an empty string.
QString droppedTraceFile(const QMimeData *mime);

// Asks for a trace file to open; empty if none was chosen.
QString chooseTraceFile(QWidget *parent);

} // namespace coroscope::app
