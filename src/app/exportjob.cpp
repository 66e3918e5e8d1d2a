// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/exportjob.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace coroscope::app {
namespace {

struct Outcome {
    bool ok = false;
    QString error;
};

} // namespace

ExportJob::ExportJob(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
}

ExportJob *ExportJob::start(const QString &path, Work work, QObject *parent)
{
    auto *job = new ExportJob(path, parent);
    auto *watcher = new QFutureWatcher<Outcome>(job);
    connect(watcher, &QFutureWatcher<Outcome>::finished, job, [job, watcher] {
        const auto outcome = watcher->result();
        job->report(outcome.ok, outcome.error);
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)] {
        Outcome outcome;
        outcome.ok = work(&outcome.error);
        return outcome;
    }));
    return job;
}

void ExportJob::report(bool ok, const QString &error)
{
    Q_EMIT finished(ok, m_path, error);
    deleteLater();
}

} // namespace coroscope::app
