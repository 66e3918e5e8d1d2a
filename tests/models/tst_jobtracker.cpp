// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/jobtracker.h"

#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace coroscope::app;

class TestJobTracker : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyJobReportsItsOwnResult()
    {
        JobTracker jobs(JobTracker::Policy::Every);
        QStringList results;
        for (int i = 1; i <= 3; ++i) {
            jobs.start<QString>(
                QStringLiteral("job %1").arg(i), [i](const JobControl &) { return QStringLiteral("result %1").arg(i); },
                [&results](QString &result) { results.append(result); });
        }
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 20'000);
        results.sort();
        QCOMPARE(results,
                 QStringList({QStringLiteral("result 1"), QStringLiteral("result 2"), QStringLiteral("result 3")}));
        QVERIFY(!jobs.isBusy());
    }

    void aNewerJobSupersedesTheOneUnderWay()
    {
        JobTracker jobs(JobTracker::Policy::LatestOnly);
        QSemaphore release;
        std::atomic<bool> oldSawCancel = false;
        QStringList delivered;
        int cancelledCalls = 0;
        jobs.start<QString>(
            QStringLiteral("old"),
            [&](const JobControl &control) {
                release.acquire();
                oldSawCancel = control.isCancelled();
                return QStringLiteral("old");
            },
            [&](QString &result) { delivered.append(result); }, [&] { ++cancelledCalls; });
        jobs.start<QString>(
            QStringLiteral("new"), [](const JobControl &) { return QStringLiteral("new"); },
            [&](QString &result) { delivered.append(result); }, [&] { ++cancelledCalls; });
        QCOMPARE(jobs.description(), QStringLiteral("new"));
        QTRY_COMPARE_WITH_TIMEOUT(delivered, QStringList{QStringLiteral("new")}, 20'000);
        release.release();
        QTRY_VERIFY_WITH_TIMEOUT(!jobs.isBusy(), 20'000);
        // The old job was told to stop, and neither of its callbacks ran.
        QVERIFY(oldSawCancel);
        QCOMPARE(delivered, QStringList{QStringLiteral("new")});
        QCOMPARE(cancelledCalls, 0);
    }

    void cancelWinsEvenOverAFinishedResult()
    {
        JobTracker jobs(JobTracker::Policy::LatestOnly);
        std::atomic<bool> workDone = false;
        bool delivered = false;
        bool cancelled = false;
        jobs.start<int>(
            QStringLiteral("quick"),
            [&](const JobControl &) {
                workDone = true;
                return 42;
            },
            [&](int &) { delivered = true; }, [&] { cancelled = true; });
        // The work ends on its thread; its result is not handed over until the event loop runs.
        while (!workDone)
            QThread::yieldCurrentThread();
        jobs.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(cancelled, 20'000);
        QVERIFY(!delivered);
    }

    void progressComesFromTheNewestJobOnly()
    {
        JobTracker jobs(JobTracker::Policy::LatestOnly);
        QSignalSpy progress(&jobs, &JobTracker::progressChanged);
        QSemaphore oldMayReport;
        QSemaphore oldReported;
        jobs.start<int>(
            QStringLiteral("old"),
            [&](const JobControl &control) {
                oldMayReport.acquire();
                const bool goOn = control.reportProgress(13);
                oldReported.release();
                return goOn ? 1 : 0;
            },
            [](int &) {});
        bool newDone = false;
        jobs.start<int>(
            QStringLiteral("new"),
            [](const JobControl &control) {
                control.reportProgress(50);
                control.reportProgress(100);
                return 2;
            },
            [&](int &) { newDone = true; });
        oldMayReport.release();
        oldReported.acquire();
        QTRY_VERIFY_WITH_TIMEOUT(newDone && !jobs.isBusy(), 20'000);
        QCoreApplication::processEvents();
        QList<int> seen;
        for (const auto &arguments : progress)
            seen.append(arguments.at(0).toInt());
        QCOMPARE(seen, QList<int>({50, 100}));
    }

    void goingAwayWaitsForTheWorkAndDeliversNothing()
    {
        std::atomic<bool> finished = false;
        bool delivered = false;
        {
            JobTracker jobs(JobTracker::Policy::Every);
            jobs.start<int>(
                QStringLiteral("slow"),
                [&](const JobControl &control) {
                    while (!control.isCancelled())
                        QThread::msleep(1);
                    finished = true;
                    return 1;
                },
                [&](int &) { delivered = true; });
        }
        QVERIFY(finished); // the destructor cancelled it and waited
        QCoreApplication::processEvents();
        QVERIFY(!delivered);
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
