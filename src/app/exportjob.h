// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace coroscope::app {

// One export written on the thread pool, so that a big trace does not freeze the window.
// `work` must own or share everything it reads: the run it exports may be replaced while it
// writes.
//
// Every format can be written there. PNG and PDF paint text with QPainter onto a QImage or a
// QPdfWriter, which Qt allows outside the GUI thread (its font database is shared under a lock
// and renders in any thread since Qt 5.0); they only need a QGuiApplication to exist, which
// report::exportTrace checks. Nothing here touches a widget or a QPixmap.
class ExportJob : public QObject
{
    Q_OBJECT
public:
    using Work = std::function<bool(QString *error)>;

    // Starts writing `path` with `work`; the job reports through finished() and then deletes
    // itself.
    static ExportJob *start(const QString &path, Work work, QObject *parent);

    QString path() const { return m_path; }

Q_SIGNALS:
    void finished(bool ok, const QString &path, const QString &error);

private:
    ExportJob(const QString &path, QObject *parent);
    void report(bool ok, const QString &error);

    QString m_path;
};

} // namespace coroscope::app
