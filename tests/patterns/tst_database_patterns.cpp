// SPDX-License-Identifier: GPL-3.0-or-later
// Timeline shapes of the database patterns, run for real on SQLite files.
#include "io/demodata.h"
#include "patterntesting.h"
#include "tracequeries.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::testing;

namespace {

int productsIn(const QString &category)
{
    int count = 0;
    for (int id = 1; id <= io::demo::productCount; ++id)
        count += io::demo::product(id).category == category ? 1 : 0;
    return count;
}

std::vector<trace::Event> databaseSuspensions(const trace::Trace &trace, trace::TaskId task)
{
    std::vector<trace::Event> found;
    for (const auto &event : eventsOf(trace, task, trace::EventKind::Suspended)) {
        if (event.reason() == trace::SuspendReason::Database)
            found.push_back(event);
    }
    return found;
}

} // namespace

class TestDatabasePatterns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_fixture.start()); }

    void queryBindsTheCategoryAndFindsItsProducts()
    {
        const auto category = QStringLiteral("garden");
        auto run = m_fixture.run(QStringLiteral("db-query"), {{QStringLiteral("category"), category}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        const auto expected = productsIn(category);
        QVERIFY(expected > 0);
        QVERIFY2(run->outcome().summary.startsWith(QStringLiteral("%1 products in \"garden\"").arg(expected)),
                 qPrintable(run->outcome().summary));
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("%1 in all 8 categories").arg(io::demo::productCount)),
                 qPrintable(run->outcome().summary));

        // The root waits once on the database, on the SELECT with its placeholder (no value in the label).
        const auto &trace = run->trace();
        const auto *root = taskNamed(trace, QStringLiteral("db-query"));
        QVERIFY(root);
        const auto own = databaseSuspensions(trace, root->id);
        QCOMPARE(own.size(), std::size_t(1));
        QVERIFY2(trace.string(own.front().label)
                     .startsWith(QStringLiteral("SELECT id, name, price FROM products WHERE category = ?")),
                 qPrintable(trace.string(own.front().label)));

        // Then one task per category, all started before the first of them is answered.
        const auto perCategory = tasksStartingWith(trace, QStringLiteral("get_products("));
        QCOMPARE(perCategory.size(), std::size_t(8));
        qint64 lastCreated = 0;
        qint64 firstFinished = std::numeric_limits<qint64>::max();
        for (const auto *task : perCategory) {
            QCOMPARE(task->parent, root->id);
            QCOMPARE(task->status, trace::FinishStatus::Ok);
            QCOMPARE(databaseSuspensions(trace, task->id).size(), std::size_t(1));
            lastCreated = std::max(lastCreated, task->createdNs);
            firstFinished = std::min(firstFinished, task->finishedNs);
        }
        QVERIFY(lastCreated < firstFinished);
    }

    void queryRefusesAnUnknownCategory()
    {
        auto run = m_fixture.run(QStringLiteral("db-query"), {{QStringLiteral("category"), QStringLiteral("shoes")}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Error);
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("unknown category \"shoes\"")),
                 qPrintable(run->outcome().summary));
        QVERIFY(run->outcome().summary.contains(QStringLiteral("books")));
    }

    void queryWorkersMustBeInRange()
    {
        const auto *pattern = patterns::Catalog::instance().find(QStringLiteral("db-query"));
        QVERIFY(pattern);
        const auto values = patterns::resolveParameters(pattern->info().parameters, {{QStringLiteral("workers"), 0}});
        QCOMPARE(values.errors.size(), 1);
        QVERIFY2(values.errors.front().contains(QStringLiteral("workers must be between 1 and 8")),
                 qPrintable(values.errors.front()));
    }

    void streamHoldsOnePageWhileLoadAllHoldsEverything()
    {
        const int rows = 20'000;
        const int pageSize = 500;
        auto run = m_fixture.run(QStringLiteral("db-stream"),
                                 {{QStringLiteral("rows"), rows}, {QStringLiteral("page_size"), pageSize}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("same total both ways: yes")),
                 qPrintable(run->outcome().summary));

        const auto &trace = run->trace();
        const auto *bad = taskNamed(trace, QStringLiteral("bad: load all rows"));
        const auto *good = taskNamed(trace, QStringLiteral("good: stream pages"));
        QVERIFY(bad && good);
        QVERIFY(bad->finishedNs <= good->createdNs);
        const auto held = QStringLiteral("rows held in memory");
        QCOMPARE(counterMax(trace, held, bad->createdNs, bad->finishedNs), double(rows));
        const auto streamPeak = counterMax(trace, held, good->createdNs, good->finishedNs);
        QVERIFY2(streamPeak > 0 && streamPeak <= pageSize, qPrintable(QString::number(streamPeak)));
        QCOMPARE(counterAt(trace, held, good->finishedNs), 0.0);

        // Load-all waits once; the stream once per page, every time on the same SELECT.
        QCOMPARE(databaseSuspensions(trace, bad->id).size(), std::size_t(1));
        const auto pages = databaseSuspensions(trace, good->id);
        QVERIFY2(pages.size() >= std::size_t(rows / pageSize), qPrintable(QString::number(pages.size())));
        QVERIFY(pages.size() <= std::size_t(rows / pageSize + 1));
        for (const auto &page : pages)
            QCOMPARE(trace.string(page.label), QStringLiteral("SELECT id, amount FROM events ORDER BY id"));
    }

    void bulkInOneTransactionIsManyTimesFaster()
    {
        const int rows = 2000;
        auto run = m_fixture.run(QStringLiteral("db-bulk"), {{QStringLiteral("rows"), rows}});
        QVERIFY(run);
        QCOMPARE(run->outcome().status, patterns::RunStatus::Ok);
        QVERIFY2(run->outcome().summary.contains(QStringLiteral("%1 rows stored").arg(2 * rows)),
                 qPrintable(run->outcome().summary));

        const auto &trace = run->trace();
        const auto *bad = taskNamed(trace, QStringLiteral("bad: commit per row"));
        const auto *good = taskNamed(trace, QStringLiteral("good: one transaction"));
        QVERIFY(bad && good);
        QVERIFY(bad->finishedNs <= good->createdNs);
        // Both insert the same count, each in one database suspension on the INSERT.
        for (const auto *task : {bad, good}) {
            QVERIFY2(markContaining(trace, task->id, QStringLiteral("%1 rows in ").arg(rows)).timeNs >= 0,
                     qPrintable(marksOf(trace, task->id).join(QStringLiteral("; "))));
            const auto waits = databaseSuspensions(trace, task->id);
            QCOMPARE(waits.size(), std::size_t(1));
            QVERIFY(trace.string(waits.front().label).startsWith(QStringLiteral("INSERT INTO")));
        }
        const auto slow = msBetween(bad->createdNs, bad->finishedNs);
        const auto fast = msBetween(good->createdNs, good->finishedNs);
        QVERIFY2(slow > 3 * fast,
                 qPrintable(QStringLiteral("commit per row %1 ms, one transaction %2 ms").arg(slow).arg(fast)));
    }

private:
    PatternFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestDatabasePatterns)
#include "tst_database_patterns.moc"
