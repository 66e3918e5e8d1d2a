// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QMessageBox>
#include <QPointer>

class QLabel;
class QMainWindow;


namespace coroscope::app {

// Tells the user how an export went. A failure opens a message box naming the file and the
// reason (window-modal, without blocking: the app keeps running); a success shows the path in
// the status bar with a link that opens the folder holding it.
class ExportFeedback : public QObject
{
    Q_OBJECT
public:
    explicit ExportFeedback(QMainWindow *window);

    void started(const QString &path);
    void finished(bool ok, const QString &path, const QString &error);

    // The message box of the last failure while it is open (for tests), else nullptr.
    QMessageBox *errorBox() const { return m_errorBox; }

private:
    QMainWindow *m_window;
    QLabel *m_openFolder;
    QPointer<QMessageBox> m_errorBox;
};

} // namespace coroscope::app
