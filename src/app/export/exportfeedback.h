// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMessageBox>
#include <QObject>
#include <QPointer>

#include <functional>

class QLabel;
class QMainWindow;

namespace coroscope::app {

class JobTracker;

// Writes exports off the GUI thread and tells the user how an export went. A failure opens a message box naming the file and the
// reason (window-modal, without blocking: the app keeps running); a success shows the path in
// the status bar with a link that opens the folder holding it.
class ExportFeedback : public QObject
{
    Q_OBJECT
public:
    // Writes `path`; must own or share everything it reads, as the run it exports may be
    // replaced while it writes. Every format can be written off the GUI thread: PNG and PDF
    // paint onto a QImage or a QPdfWriter, which Qt allows in any thread once a
    // QGuiApplication exists (report::exportTrace checks); nothing touches a widget or a QPixmap.
    using Work = std::function<bool(QString *error)>;

    explicit ExportFeedback(QMainWindow *window);

    // Writes on the thread pool, several exports at once if asked; each ends with exported(), on
    // the window's thread. Waits for writes under way when the window goes, so no file is left
    // half written.
    void write(const QString &path, Work work);

    void started(const QString &path);
    void finished(bool ok, const QString &path, const QString &error);

    // The message box of the last failure while it is open (for tests), else nullptr.
    QMessageBox *errorBox() const { return m_errorBox; }

Q_SIGNALS:
    void exported(bool ok, const QString &path, const QString &error);

private:
    QMainWindow *m_window;
    JobTracker *m_jobs;
    QLabel *m_openFolder;
    QPointer<QMessageBox> m_errorBox;
};

} // namespace coroscope::app
