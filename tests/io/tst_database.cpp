// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/sleep.h"
#include "io/database.h"
#include "io/demodata.h"
#include "io/demodb.h"
#include "traced.h"

#include <QFile>
#include <QPoint>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <unistd.h>

using namespace coroscope;
using namespace coroscope::async;
using namespace coroscope::io;
using namespace std::chrono_literals;

namespace {

struct Failure {
    bool thrown = false;
    ErrorKind kind = ErrorKind::Other;
    QString message;
};

// What an await threw, if anything.
template<typename Awaitable>
QCoro::Task<Failure> failureOf(Awaitable awaitable)
{
    Failure failure;
    try {
        co_await std::move(awaitable);
    } catch (const Error &error) {
        failure = Failure{true, error.kind(), error.message()};
    }
    co_return failure;
}

template<typename... Values>
QCoro::Task<qint64> scalar(Database db, QString sql, Values... values)
{
    const auto rows = co_await db.query(std::move(sql), values...);
    co_return rows.isEmpty() ? -1 : rows.at(0).value(0).toLongLong();
}

template<typename T>
T resultOf(testing::TracedRun<T> &run)
{
    return TaskHandle<T>::takeResult(*run.root.state());
}

// Suspensions of one reason, in recorded order.
std::vector<trace::Event> suspensions(const trace::Trace &trace, trace::SuspendReason reason)
{
    std::vector<trace::Event> found;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Suspended && event.reason() == reason)
            found.push_back(event);
    }
    return found;
}

const QString longCount = QStringLiteral(
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000) SELECT count(*) FROM c");

QString numbersSql(int count)
{
    return QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                          "INSERT INTO numbers (id, name) SELECT x, 'row ' || x FROM c")
        .arg(count);
}

QList<QVariantList> sampleRows(int count)
{
    QList<QVariantList> rows;
    rows.reserve(count);
    for (int i = 1; i <= count; ++i)
        rows.append({i, QStringLiteral("name %1").arg(i), i * 0.25});
    return rows;
}

bool isRoot()
{
    return ::geteuid() == 0;
}

} // namespace

class TestDatabase : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demoDatabaseIsSeededFromDemoData()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("demo.db"));
        QVERIFY(ensureDemoDatabase(path));
        QVERIFY2(!ensureDemoDatabase(path), "a second call must leave the seeded file alone");

        auto db = Database::open(path);
        QVERIFY2(db.isOpen(), qPrintable(db.errorString()));
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<Rows>> {
            QList<Rows> results;
            results.append(co_await db.query(
                QStringLiteral("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM products),"
                               " (SELECT count(*) FROM orders), (SELECT count(*) FROM notifications)")));
            results.append(co_await db.query(QStringLiteral("SELECT id, name, email FROM users ORDER BY id")));
            results.append(
                co_await db.query(QStringLiteral("SELECT id, name, category, price FROM products ORDER BY id")));
            results.append(co_await db.query(
                QStringLiteral("SELECT id, user_id, product_id, quantity, total FROM orders ORDER BY id")));
            results.append(
                co_await db.query(QStringLiteral("SELECT id, user_id, text FROM notifications ORDER BY id")));
            co_return results;
        });
        QVERIFY(!run.timedOut);
        const auto results = resultOf(run);
        QCOMPARE(results[0].at(0), (QVariantList{qlonglong(demo::userCount), qlonglong(demo::productCount),
                                                 qlonglong(demo::userCount * demo::ordersPerUser),
                                                 qlonglong(demo::userCount * demo::notificationsPerUser)}));
        // Every row is exactly what demodata generates: the same file on every machine.
        const auto &users = results[1];
        for (int id = 1; id <= demo::userCount; ++id) {
            const auto expected = demo::user(id);
            const auto &row = users.at(id - 1);
            QCOMPARE(row.at(0).toInt(), expected.id);
            QCOMPARE(row.at(1).toString(), expected.name);
            QCOMPARE(row.at(2).toString(), expected.email);
        }
        const auto &products = results[2];
        for (int id = 1; id <= demo::productCount; ++id) {
            const auto expected = demo::product(id);
            const auto &row = products.at(id - 1);
            QCOMPARE(row.at(1).toString(), expected.name);
            QCOMPARE(row.at(2).toString(), expected.category);
            QCOMPARE(row.at(3).toDouble(), expected.price);
        }
        const auto &orders = results[3];
        const auto &notifications = results[4];
        for (int userId : {1, 7, 537, demo::userCount}) {
            const auto expected = demo::ordersOf(userId);
            for (const auto &order : expected) {
                const auto &row = orders.at(order.id - 1);
                QCOMPARE(row.at(1).toInt(), order.userId);
                QCOMPARE(row.at(2).toInt(), order.productId);
                QCOMPARE(row.at(3).toInt(), order.quantity);
                QCOMPARE(row.at(4).toDouble(), order.total);
            }
            for (const auto &notification : demo::notificationsOf(userId))
                QCOMPARE(notifications.at(notification.id - 1).at(2).toString(), notification.text);
        }
        QCOMPARE(users.value(536, QStringLiteral("name")).toString(), demo::user(537).name);
    }

    void demoDatabaseRefusesSomebodyElsesFile()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("other.db"));
        auto db = Database::open(path);
        QVERIFY(db.isOpen());
        auto run = testing::runTraced([db]() -> QCoro::Task<void> {
            co_await db.execute(QStringLiteral("CREATE TABLE ledger (id INTEGER PRIMARY KEY, amount REAL)"));
        });
        QVERIFY(!run.timedOut);
        QString message;
        try {
            ensureDemoDatabase(path);
        } catch (const Error &error) {
            QCOMPARE(error.kind(), ErrorKind::Database);
            message = error.message();
        }
        QVERIFY2(message.contains(QStringLiteral("not a Coroscope demo database")), qPrintable(message));
        QVERIFY(message.contains(path));
        auto check = testing::runTraced([db]() -> QCoro::Task<qint64> {
            co_return co_await scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'users'"));
        });
        QCOMPARE(resultOf(check), 0);
    }

    void boundParametersAreStoredVerbatim()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("params.db")));
        QVERIFY2(db.isOpen(), qPrintable(db.errorString()));
        const QString evil = QStringLiteral("O'Brien \"the\" '; DROP TABLE people; --");
        const QString unicode = QStringLiteral("Gr\u00fc\u00dfe \u6771\u4eac \U0001F389");
        const QByteArray blob("\x00\x01\x02\xff", 4);
        struct Seen {
            ExecResult insert;
            ExecResult update;
            Rows rows;
            qint64 tables = 0;
        };
        auto run = testing::runTraced([db, evil, unicode, blob]() -> QCoro::Task<Seen> {
            Seen seen;
            co_await db.execute(QStringLiteral(
                "CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB, note TEXT)"));
            seen.insert = co_await db.execute(
                QStringLiteral("INSERT INTO people (name, score, data, note) VALUES (?, ?, ?, ?)"), evil, 2.5, blob,
                QVariant());
            co_await db.execute(QStringLiteral("INSERT INTO people (name, score) VALUES (?, ?)"), unicode, 7);
            // A list of values works too, built in its own statement (GCC 12 and braced lists).
            const QVariantList third{QStringLiteral("x"), 1};
            co_await db.execute(QStringLiteral("INSERT INTO people (name, score) VALUES (?, ?)"), third);
            seen.update = co_await db.execute(QStringLiteral("UPDATE people SET note = ? WHERE score > ?"),
                                              QStringLiteral("high"), 2);
            seen.rows = co_await db.query(
                QStringLiteral("SELECT name, score, data, note FROM people WHERE name = ? OR name = ? ORDER BY id"),
                evil, unicode);
            seen.tables = co_await scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = ?"),
                                          QStringLiteral("people"));
            co_return seen;
        });
        QVERIFY(!run.timedOut);
        const auto seen = resultOf(run);
        QCOMPARE(seen.insert.rowsAffected, 1);
        QCOMPARE(seen.insert.lastInsertId, 1);
        QCOMPARE(seen.update.rowsAffected, 2);
        QCOMPARE(seen.rows.columns, (QStringList{QStringLiteral("name"), QStringLiteral("score"),
                                                 QStringLiteral("data"), QStringLiteral("note")}));
        QCOMPARE(seen.rows.size(), 2);
        QCOMPARE(seen.rows.at(0).at(0).toString(), evil);
        QCOMPARE(seen.rows.at(0).at(1).toDouble(), 2.5);
        QCOMPARE(seen.rows.at(0).at(2).toByteArray(), blob);
        QCOMPARE(seen.rows.at(0).at(3).toString(), QStringLiteral("high"));
        QCOMPARE(seen.rows.at(1).at(0).toString(), unicode);
        QCOMPARE(seen.rows.at(1).at(1).typeId(), int(QMetaType::Double)); // REAL column affinity
        QCOMPARE(seen.tables, 1);
    }

    void misuseAndSqlErrorsAreClear()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("misuse.db"));
        auto db = Database::open(path);
        QVERIFY(db.isOpen());
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<Failure>> {
            co_await db.execute(QStringLiteral("CREATE TABLE t (a INTEGER)"));
            QList<Failure> failures;
            failures.append(co_await failureOf(db.query(QStringLiteral("SELECT * FROM t WHERE a = ?"), 1, 2)));
            failures.append(co_await failureOf(db.execute(QStringLiteral("INSERT INTO t VALUES (1); DROP TABLE t"))));
            failures.append(co_await failureOf(db.query(QStringLiteral("SELECT * FROM nosuchtable WHERE a = ?"), 1)));
            failures.append(co_await failureOf(db.execute(QStringLiteral("INSERT INTO t VALUES (?)"), QPoint(1, 2))));
            failures.append(co_await failureOf(db.query(QStringLiteral("SELECT count(*) FROM t"))));
            Failure streamed;
            try {
                auto pages = db.stream(QStringLiteral("SELECT * FROM nosuchtable"));
                co_await pages.begin();
            } catch (const Error &error) {
                streamed = Failure{true, error.kind(), error.message()};
            }
            failures.append(streamed);
            co_return failures;
        });
        QVERIFY(!run.timedOut);
        const auto failures = resultOf(run);
        QCOMPARE(failures[0].kind, ErrorKind::InvalidArgument);
        QVERIFY2(failures[0].message.contains(QStringLiteral("1 parameter(s) but 2 value(s)")),
                 qPrintable(failures[0].message));
        QCOMPARE(failures[1].kind, ErrorKind::InvalidArgument);
        QVERIFY2(failures[1].message.contains(QStringLiteral("more than one SQL statement")),
                 qPrintable(failures[1].message));
        QCOMPARE(failures[2].kind, ErrorKind::Database);
        QVERIFY2(failures[2].message.contains(QStringLiteral("no such table: nosuchtable")),
                 qPrintable(failures[2].message));
        QVERIFY(failures[2].message.contains(path));
        QVERIFY(failures[2].message.contains(QStringLiteral("statement: SELECT * FROM nosuchtable WHERE a = ?")));
        QCOMPARE(failures[3].kind, ErrorKind::InvalidArgument);
        QVERIFY2(failures[3].message.contains(QStringLiteral("QPoint")), qPrintable(failures[3].message));
        QVERIFY2(!failures[4].thrown, "the table must have survived the refused second statement");
        QCOMPARE(failures[5].kind, ErrorKind::Database);
        QVERIFY2(failures[5].message.contains(QStringLiteral("no such table: nosuchtable")),
                 qPrintable(failures[5].message));
    }

    void bulkInsertWritesEveryRow()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("bulk.db")));
        QVERIFY(db.isOpen());
        constexpr int count = 20000;
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<Rows>> {
            co_await db.execute(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, value REAL)"));
            const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("value")};
            const qint64 inserted = co_await db.bulkInsert(QStringLiteral("items"), columns, sampleRows(count));
            QList<Rows> results;
            // Fewer rows than one multi-row step, and none at all.
            co_await db.execute(QStringLiteral("CREATE TABLE few (id INTEGER PRIMARY KEY, name TEXT, value REAL)"));
            const QList<QVariantList> none;
            const qint64 noRows = co_await db.bulkInsert(QStringLiteral("few"), columns, none);
            const qint64 threeRows = co_await db.bulkInsert(QStringLiteral("few"), columns, sampleRows(3));
            const qint64 fewCount = co_await scalar(db, QStringLiteral("SELECT count(*) FROM few"));
            Rows insertedRows;
            insertedRows.rows.append(QVariantList{inserted, noRows, threeRows, fewCount});
            results.append(insertedRows);
            results.append(co_await db.query(QStringLiteral("SELECT count(*), sum(id), sum(value) FROM items")));
            results.append(
                co_await db.query(QStringLiteral("SELECT id, name, value FROM items WHERE id IN (?, ?, ?) ORDER BY id"),
                                  1, 12345, int(count)));
            co_return results;
        });
        QVERIFY(!run.timedOut);
        const auto results = resultOf(run);
        QCOMPARE(results[0].at(0), (QVariantList{qlonglong(count), 0LL, 3LL, 3LL}));
        QCOMPARE(results[1].at(0).at(0).toLongLong(), count);
        QCOMPARE(results[1].at(0).at(1).toLongLong(), qlonglong(count) * (count + 1) / 2);
        QCOMPARE(results[1].at(0).at(2).toDouble(), 0.25 * count * (count + 1) / 2);
        QCOMPARE(results[2].size(), 3);
        QCOMPARE(results[2].at(1), (QVariantList{12345LL, QStringLiteral("name 12345"), 12345 * 0.25}));
        QCOMPARE(results[2].at(1).at(0).typeId(), int(QMetaType::LongLong));
        QCOMPARE(results[2].at(1).at(2).typeId(), int(QMetaType::Double));
        QCOMPARE(results[2].at(2).at(1).toString(), QStringLiteral("name %1").arg(count));
    }

    void commitPerRowGivesTheSameData()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("modes.db")));
        QVERIFY(db.isOpen());
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<qint64>> {
            const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("value")};
            co_await db.execute(QStringLiteral("CREATE TABLE fast (id INTEGER PRIMARY KEY, name TEXT, value REAL)"));
            co_await db.execute(QStringLiteral("CREATE TABLE slow (id INTEGER PRIMARY KEY, name TEXT, value REAL)"));
            QList<qint64> numbers;
            numbers.append(co_await db.bulkInsert(QStringLiteral("fast"), columns, sampleRows(300)));
            numbers.append(
                co_await db.bulkInsert(QStringLiteral("slow"), columns, sampleRows(300), BulkMode::CommitPerRow));
            numbers.append(co_await scalar(db, QStringLiteral("SELECT count(*) FROM slow")));
            numbers.append(co_await scalar(
                db, QStringLiteral("SELECT count(*) FROM (SELECT * FROM fast EXCEPT SELECT * FROM slow)")));
            numbers.append(co_await scalar(
                db, QStringLiteral("SELECT count(*) FROM (SELECT * FROM slow EXCEPT SELECT * FROM fast)")));
            co_return numbers;
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(resultOf(run), (QList<qint64>{300, 300, 300, 0, 0}));
    }

    void bulkInsertRefusesBadInputAndKeepsNothing()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("badbulk.db")));
        QVERIFY(db.isOpen());
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<Failure>> {
            const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("value")};
            co_await db.execute(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, value REAL)"));
            QList<Failure> failures;
            failures.append(
                co_await failureOf(db.bulkInsert(QStringLiteral("items; DROP TABLE items"), columns, sampleRows(3))));
            const QStringList badColumns{QStringLiteral("id"), QStringLiteral("name\"--")};
            failures.append(co_await failureOf(db.bulkInsert(QStringLiteral("items"), badColumns, sampleRows(3))));
            auto rows = sampleRows(300);
            rows[150] = QVariantList{151, QStringLiteral("short row")};
            failures.append(co_await failureOf(db.bulkInsert(QStringLiteral("items"), columns, rows)));
            const qint64 count = co_await scalar(db, QStringLiteral("SELECT count(*) FROM items"));
            failures.append(Failure{false, ErrorKind::Other, QString::number(count)});
            co_return failures;
        });
        QVERIFY(!run.timedOut);
        const auto failures = resultOf(run);
        QCOMPARE(failures[0].kind, ErrorKind::InvalidArgument);
        QVERIFY2(failures[0].message.contains(QStringLiteral("not a valid table name")), qPrintable(failures[0].message));
        QCOMPARE(failures[1].kind, ErrorKind::InvalidArgument);
        QVERIFY2(failures[1].message.contains(QStringLiteral("not a valid column name")),
                 qPrintable(failures[1].message));
        QCOMPARE(failures[2].kind, ErrorKind::InvalidArgument);
        QVERIFY2(failures[2].message.contains(QStringLiteral("row 150 has 2 value(s) for 3 column(s)")),
                 qPrintable(failures[2].message));
        QCOMPARE(failures[3].message, QStringLiteral("0")); // the first 150 rows were rolled back
    }

    void streamDeliversEveryRowInOrderPageByPage()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("stream.db")));
        QVERIFY(db.isOpen());
        struct Seen {
            QList<int> pageSizes;
            QStringList columns;
            qint64 rows = 0;
            bool ordered = true;
            QList<int> emptyStreamPages;
        };
        auto run = testing::runTraced([db]() -> QCoro::Task<Seen> {
            co_await db.execute(QStringLiteral("CREATE TABLE numbers (id INTEGER PRIMARY KEY, name TEXT)"));
            co_await db.execute(numbersSql(10050));
            Seen seen;
            auto pages = db.stream(QStringLiteral("SELECT id, name FROM numbers WHERE id > ? ORDER BY id"), {0}, 1000);
            for (auto it = co_await pages.begin(); it != pages.end(); co_await ++it) {
                const Rows &page = *it;
                seen.pageSizes.append(int(page.size()));
                seen.columns = page.columns;
                for (const auto &row : page.rows) {
                    ++seen.rows;
                    if (row.at(0).toLongLong() != seen.rows
                        || row.at(1).toString() != QStringLiteral("row %1").arg(seen.rows))
                        seen.ordered = false;
                }
            }
            auto none = db.stream(QStringLiteral("SELECT id FROM numbers WHERE id < 0"));
            for (auto it = co_await none.begin(); it != none.end(); co_await ++it)
                seen.emptyStreamPages.append(int((*it).size()));
            co_return seen;
        });
        QVERIFY(!run.timedOut);
        const auto seen = resultOf(run);
        QCOMPARE(seen.rows, 10050);
        QVERIFY(seen.ordered);
        QCOMPARE(seen.pageSizes, (QList<int>{1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 50}));
        QCOMPARE(seen.columns, (QStringList{QStringLiteral("id"), QStringLiteral("name")}));
        QVERIFY(seen.emptyStreamPages.isEmpty());
        // One recorded page read per page asked for: the stream never reads ahead of its consumer.
        int pageReads = 0;
        for (const auto &event : suspensions(run.trace, trace::SuspendReason::Database)) {
            if (run.trace.string(event.label).startsWith(QStringLiteral("SELECT id, name FROM numbers")))
                ++pageReads;
        }
        QCOMPARE(pageReads, 11);
    }

    void cancellingALongStatementInterruptsIt()
    {
        QTemporaryDir dir;
        DatabaseOptions options;
        options.workers = 1; // the only worker must be freed by the interrupt for the next query to run
        auto db = Database::open(dir.filePath(QStringLiteral("cancel.db")), options);
        QVERIFY(db.isOpen());
        struct Seen {
            bool cancelled = false;
            qint64 cancelToErrorMs = -1;
            qint64 nextQueryMs = -1;
            qint64 answer = 0;
        };
        auto run = testing::runTraced([db]() -> QCoro::Task<Seen> {
            Seen seen;
            auto counting = spawn(QStringLiteral("count to a billion"),
                                  [db]() -> QCoro::Task<qint64> { co_return co_await scalar(db, longCount); });
            co_await sleep(150ms);
            QElapsedTimer clock;
            clock.start();
            counting.cancel();
            try {
                co_await counting.join();
            } catch (const CancelledError &) {
                seen.cancelled = true;
            }
            seen.cancelToErrorMs = clock.elapsed();
            clock.restart();
            seen.answer = co_await scalar(db, QStringLiteral("SELECT 6 * 7"));
            seen.nextQueryMs = clock.elapsed();
            co_return seen;
        });
        QVERIFY(!run.timedOut);
        const auto seen = resultOf(run);
        QVERIFY(seen.cancelled);
        QVERIFY2(seen.cancelToErrorMs < 1000, qPrintable(QString::number(seen.cancelToErrorMs)));
        QCOMPARE(seen.answer, 42);
        // Counting to 1e9 takes minutes: a quick answer on the one worker proves the interrupt.
        QVERIFY2(seen.nextQueryMs < 3000, qPrintable(QString::number(seen.nextQueryMs)));
        QCOMPARE(run.taskNamed(QStringLiteral("count to a billion"))->status, trace::FinishStatus::Cancelled);
    }

    void cancellingAWriteWaitingForALockFreesTheWorker()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("locked.db"));
        DatabaseOptions patient;
        patient.workers = 1;
        patient.busyTimeout = 20s;
        auto db = Database::open(path, patient);
        QVERIFY(db.isOpen());
        DatabaseOptions impatient;
        impatient.busyTimeout = 200ms;
        auto quick = Database::open(path, impatient);
        QVERIFY(quick.isOpen());
        auto setup = testing::runTraced(
            [db]() -> QCoro::Task<void> { co_await db.execute(QStringLiteral("CREATE TABLE t (a INTEGER)")); });
        QVERIFY(!setup.timedOut);

        // Another connection holds the write lock for the whole test.
        const auto holderName = QStringLiteral("tst_database-lock-holder");
        {
            auto holder = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), holderName);
            holder.setDatabaseName(path);
            QVERIFY(holder.open());
            QSqlQuery lock(holder);
            QVERIFY(lock.exec(QStringLiteral("BEGIN IMMEDIATE")));

            auto run = testing::runTraced([db, quick]() -> QCoro::Task<QList<qint64>> {
                auto writer = spawn(QStringLiteral("writer"), [db]() -> QCoro::Task<void> {
                    co_await db.execute(QStringLiteral("INSERT INTO t VALUES (1)"));
                });
                co_await sleep(150ms);
                QElapsedTimer clock;
                clock.start();
                writer.cancel();
                qint64 cancelled = 0;
                try {
                    co_await writer.join();
                } catch (const CancelledError &) {
                    cancelled = 1;
                }
                const qint64 toError = clock.elapsed();
                // Readers are not blocked by a writer in WAL mode: this runs once the worker is free.
                clock.restart();
                const qint64 rows = co_await scalar(db, QStringLiteral("SELECT count(*) FROM t"));
                const qint64 readMs = clock.elapsed();
                const auto timedOut = co_await failureOf(quick.execute(QStringLiteral("INSERT INTO t VALUES (2)")));
                co_return QList<qint64>{
                    cancelled, toError, rows, readMs,
                    timedOut.kind == ErrorKind::Database
                        && timedOut.message.contains(QStringLiteral("locked by another connection"))};
            });
            QVERIFY(lock.exec(QStringLiteral("ROLLBACK")));
            QVERIFY(!run.timedOut);
            const auto seen = resultOf(run);
            QCOMPARE(seen[0], 1);
            QVERIFY2(seen[1] < 1000, qPrintable(QString::number(seen[1])));
            QCOMPARE(seen[2], 0);
            // Without giving up the busy wait the worker would be stuck for the 20 s timeout.
            QVERIFY2(seen[3] < 3000, qPrintable(QString::number(seen[3])));
            QCOMPARE(seen[4], 1);
        }
        QSqlDatabase::removeDatabase(holderName);
    }

    void cancellingABulkInsertRollsItBack()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("cancelbulk.db")));
        QVERIFY(db.isOpen());
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<qint64>> {
            co_await db.execute(QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, value REAL)"));
            auto rows = sampleRows(1000000);
            auto inserting = spawn(QStringLiteral("insert"), [db, rows]() -> QCoro::Task<qint64> {
                const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("value")};
                co_return co_await db.bulkInsert(QStringLiteral("items"), columns, rows);
            });
            co_await sleep(30ms);
            inserting.cancel();
            qint64 cancelled = 0;
            try {
                co_await inserting.join();
            } catch (const CancelledError &) {
                cancelled = 1;
            }
            const qint64 count = co_await scalar(db, QStringLiteral("SELECT count(*) FROM items"));
            co_return QList<qint64>{cancelled, count};
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(resultOf(run), (QList<qint64>{1, 0}));
    }

    void cancellingAStreamStopsBetweenPagesAndClosesItsCursor()
    {
        QTemporaryDir dir;
        DatabaseOptions options;
        options.workers = 1;
        options.busyTimeout = 500ms; // the checkpoint below must not wait long for a stray reader
        auto db = Database::open(dir.filePath(QStringLiteral("cancelstream.db")), options);
        QVERIFY(db.isOpen());
        struct Seen {
            int pages = 0;
            bool cancelled = false;
            QVariantList checkpoint;
        };
        auto pages = std::make_shared<int>(0);
        auto run = testing::runTraced([db, pages]() -> QCoro::Task<Seen> {
            co_await db.execute(QStringLiteral("CREATE TABLE numbers (id INTEGER PRIMARY KEY, name TEXT)"));
            co_await db.execute(numbersSql(100000));
            auto consumer = spawn(QStringLiteral("slow consumer"), [db, pages]() -> QCoro::Task<void> {
                auto stream = db.stream(QStringLiteral("SELECT id, name FROM numbers ORDER BY id"), {}, 100);
                for (auto it = co_await stream.begin(); it != stream.end(); co_await ++it) {
                    ++*pages;
                    co_await sleep(30ms);
                }
            });
            co_await sleep(100ms);
            consumer.cancel();
            Seen seen;
            try {
                co_await consumer.join();
            } catch (const CancelledError &) {
                seen.cancelled = true;
            }
            seen.pages = *pages;
            // A writer, then a checkpoint that needs every reader gone: a cursor left open
            // would still hold its old snapshot and make the checkpoint report busy.
            co_await db.execute(QStringLiteral("DELETE FROM numbers WHERE id > 50000"));
            seen.checkpoint = (co_await db.query(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"))).at(0);
            co_return seen;
        });
        QVERIFY(!run.timedOut);
        const auto seen = resultOf(run);
        QVERIFY(seen.cancelled);
        QVERIFY2(seen.pages >= 1 && seen.pages <= 10, qPrintable(QString::number(seen.pages)));
        QCOMPARE(seen.checkpoint.at(0).toInt(), 0); // not busy
        int pageReads = 0;
        for (const auto &event : suspensions(run.trace, trace::SuspendReason::Database)) {
            if (run.trace.string(event.label).startsWith(QStringLiteral("SELECT id, name FROM numbers")))
                ++pageReads;
        }
        // Pages read: those consumed, plus at most the one asked for when the cancel came.
        QVERIFY2(pageReads >= seen.pages && pageReads <= seen.pages + 1, qPrintable(QString::number(pageReads)));
    }

    void cancellingAStreamMidPageInterruptsIt()
    {
        QTemporaryDir dir;
        DatabaseOptions options;
        options.workers = 1;
        auto db = Database::open(dir.filePath(QStringLiteral("slowpage.db")), options);
        QVERIFY(db.isOpen());
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<qint64>> {
            auto consumer = spawn(QStringLiteral("consumer"), [db]() -> QCoro::Task<void> {
                // The first row comes after counting to a billion: the first page read is long.
                auto stream = db.stream(
                    QStringLiteral("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                   "WHERE x < 1000000000) SELECT x FROM c WHERE x % 999999999 = 0"));
                for (auto it = co_await stream.begin(); it != stream.end(); co_await ++it) {}
            });
            co_await sleep(150ms);
            QElapsedTimer clock;
            clock.start();
            consumer.cancel();
            qint64 cancelled = 0;
            try {
                co_await consumer.join();
            } catch (const CancelledError &) {
                cancelled = 1;
            }
            const qint64 toError = clock.elapsed();
            clock.restart();
            const qint64 answer = co_await scalar(db, QStringLiteral("SELECT 6 * 7"));
            co_return QList<qint64>{cancelled, toError, answer, clock.elapsed()};
        });
        QVERIFY(!run.timedOut);
        const auto seen = resultOf(run);
        QCOMPARE(seen[0], 1);
        QVERIFY2(seen[1] < 1000, qPrintable(QString::number(seen[1])));
        QCOMPARE(seen[2], 42);
        QVERIFY2(seen[3] < 3000, qPrintable(QString::number(seen[3])));
    }

    void missingDirectoryIsAClearError()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("no/such/dir/x.db"));
        auto db = Database::open(path);
        QVERIFY(!db.isOpen());
        QVERIFY2(db.errorString().contains(QStringLiteral("does not exist")), qPrintable(db.errorString()));
        QVERIFY(db.errorString().contains(dir.filePath(QStringLiteral("no/such/dir"))));
        auto run = testing::runTraced(
            [db]() -> QCoro::Task<Failure> { co_return co_await failureOf(db.query(QStringLiteral("SELECT 1"))); });
        const auto failure = resultOf(run);
        QVERIFY(failure.thrown);
        QCOMPARE(failure.kind, ErrorKind::Database);
        QCOMPARE(failure.message, db.errorString());
        QVERIFY(!QFileInfo::exists(path));
    }

    void corruptFilesAreClearErrors()
    {
        QTemporaryDir dir;
        // Random bytes.
        const auto noise = dir.filePath(QStringLiteral("noise.db"));
        {
            QFile file(noise);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QRandomGenerator random(42);
            QByteArray bytes(8192, Qt::Uninitialized);
            random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
            file.write(bytes);
        }
        auto db = Database::open(noise);
        QVERIFY(!db.isOpen());
        QCOMPARE(db.errorString(), QStringLiteral("database %1: file is not a database").arg(noise));

        // A real database cut short inside its header: the magic string, or the first page.
        const auto source = dir.filePath(QStringLiteral("whole.db"));
        QVERIFY(ensureDemoDatabase(source));
        const auto cutAt = [&](qint64 bytes, const QString &name) {
            QFile in(source);
            QFile out(dir.filePath(name));
            if (in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly))
                out.write(in.read(bytes));
            return out.fileName();
        };
        const auto noMagic = cutAt(10, QStringLiteral("cut10.db"));
        db = Database::open(noMagic);
        QVERIFY(!db.isOpen());
        QCOMPARE(db.errorString(), QStringLiteral("database %1: file is not a database").arg(noMagic));
        const auto noPage = cutAt(60, QStringLiteral("cut60.db"));
        db = Database::open(noPage);
        QVERIFY(!db.isOpen());
        QCOMPARE(
            db.errorString(),
            QStringLiteral("database %1: the database file is corrupt (database disk image is malformed)").arg(noPage));

        // Cut in half: SQLite notices the missing pages when the file is opened.
        const auto halved = cutAt(QFileInfo(source).size() / 2, QStringLiteral("halved.db"));
        db = Database::open(halved);
        QVERIFY(!db.isOpen());
        QVERIFY2(db.errorString().contains(QStringLiteral("corrupt")), qPrintable(db.errorString()));

        // Whole, with garbage over the pages in its middle: opens, and the query that reads
        // them fails with the file, the reason and the statement.
        const auto damaged = cutAt(QFileInfo(source).size(), QStringLiteral("damaged.db"));
        {
            QFile file(damaged);
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(file.size() / 3);
            file.write(QByteArray(int(file.size() / 3), '\xa5'));
        }
        db = Database::open(damaged);
        QVERIFY2(db.isOpen(), qPrintable(db.errorString()));
        auto run = testing::runTraced([db]() -> QCoro::Task<Failure> {
            co_return co_await failureOf(db.query(
                QStringLiteral("SELECT (SELECT sum(length(name)) FROM users), (SELECT sum(price) FROM products),"
                               " (SELECT sum(total) FROM orders), (SELECT sum(length(text)) FROM notifications)")));
        });
        const auto failure = resultOf(run);
        QVERIFY(failure.thrown);
        QCOMPARE(failure.kind, ErrorKind::Database);
        QVERIFY2(failure.message.startsWith(QStringLiteral("database %1: the database file is corrupt").arg(damaged)),
                 qPrintable(failure.message));
        QVERIFY(failure.message.contains(QStringLiteral("statement: SELECT (SELECT sum(length(name)) FROM users)")));
    }

    void readOnlyDatabasesRefuseWrites()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("ro.db"));
        QVERIFY(ensureDemoDatabase(path));
        // Root ignores file permissions, so a chmod 0444 file stays writable for these tests when
        // run as root: the read-only open flag (QSQLITE_OPEN_READONLY) is what gets tested then.
        DatabaseOptions options;
        options.readOnly = true;
        auto db = Database::open(path, options);
        QVERIFY2(db.isOpen(), qPrintable(db.errorString()));
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<Failure>> {
            QList<Failure> failures;
            const qint64 users = co_await scalar(db, QStringLiteral("SELECT count(*) FROM users"));
            failures.append(Failure{false, ErrorKind::Other, QString::number(users)});
            failures.append(co_await failureOf(
                db.execute(QStringLiteral("UPDATE users SET name = ? WHERE id = 1"), QStringLiteral("x"))));
            const QStringList columns{QStringLiteral("name"), QStringLiteral("email")};
            const QList<QVariantList> rows{{QStringLiteral("a"), QStringLiteral("b")}};
            failures.append(co_await failureOf(db.bulkInsert(QStringLiteral("users"), columns, rows)));
            co_return failures;
        });
        QVERIFY(!run.timedOut);
        const auto failures = resultOf(run);
        QCOMPARE(failures[0].message, QString::number(demo::userCount));
        for (int i : {1, 2}) {
            QCOMPARE(failures[i].kind, ErrorKind::Database);
            QVERIFY2(failures[i].message.contains(QStringLiteral("read-only")), qPrintable(failures[i].message));
            QVERIFY(failures[i].message.contains(path));
        }

        if (isRoot()) {
            qInfo("running as root: file permissions are not enforced, chmod 0444/0000 part skipped");
            return;
        }
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        auto plain = Database::open(path);
        QVERIFY2(plain.isOpen(), qPrintable(plain.errorString()));
        auto write = testing::runTraced([plain]() -> QCoro::Task<Failure> {
            co_return co_await failureOf(plain.execute(QStringLiteral("DELETE FROM users")));
        });
        const auto failure = resultOf(write);
        QCOMPARE(failure.kind, ErrorKind::Database);
        QVERIFY2(failure.message.contains(QStringLiteral("read-only")), qPrintable(failure.message));

        QVERIFY(QFile::setPermissions(path, QFileDevice::Permissions()));
        const auto unreadable = Database::open(path);
        QVERIFY(!unreadable.isOpen());
        QCOMPARE(unreadable.errorString(),
                 QStringLiteral("database %1: the file is not readable (permission denied)").arg(path));
    }

    void unopenedDatabaseFailsEveryAwait()
    {
        Database db;
        QVERIFY(!db.isOpen());
        auto run = testing::runTraced([db]() -> QCoro::Task<QList<Failure>> {
            QList<Failure> failures;
            failures.append(co_await failureOf(db.execute(QStringLiteral("SELECT 1"))));
            Failure streamed;
            try {
                auto pages = db.stream(QStringLiteral("SELECT 1"));
                co_await pages.begin();
            } catch (const Error &error) {
                streamed = Failure{true, error.kind(), error.message()};
            }
            failures.append(streamed);
            co_return failures;
        });
        for (const auto &failure : resultOf(run)) {
            QCOMPARE(failure.kind, ErrorKind::Database);
            QCOMPARE(failure.message, QStringLiteral("database not open"));
        }
    }

    void everyWaitIsARecordedSuspension()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("demo.db"));
        ensureDemoDatabase(path);
        auto db = Database::open(path);
        auto line = std::make_shared<int>(0);
        const QString longSql = QStringLiteral(
            "SELECT users.name, count(orders.id) FROM users JOIN orders ON orders.user_id = users.id "
            "GROUP BY users.id ORDER BY users.id");
        auto run = testing::runTraced([db, line, longSql]() -> QCoro::Task<void> {
            *line = __LINE__ + 1;
            co_await db.query(QStringLiteral("SELECT name FROM users WHERE id = ?"), 537);
            co_await db.query(longSql);
        });
        QVERIFY(!run.timedOut);
        const auto waits = suspensions(run.trace, trace::SuspendReason::Database);
        QCOMPARE(waits.size(), std::size_t(2));
        QCOMPARE(run.trace.string(waits[0].label), QStringLiteral("SELECT name FROM users WHERE id = ?"));
        const auto where = run.trace.location(waits[0].location);
        QCOMPARE(where.line, *line);
        QVERIFY2(where.file.endsWith(QStringLiteral("tst_database.cpp")), qPrintable(where.file));
        const auto shortened = run.trace.string(waits[1].label);
        QCOMPARE(shortened.size(), 60);
        QVERIFY(shortened.endsWith(QChar(0x2026)));
        QVERIFY(longSql.startsWith(shortened.chopped(1)));
        // Each wait is resumed: a Resumed event of the same task follows it.
        int resumed = 0;
        for (const auto &event : run.trace.events()) {
            if (event.kind == trace::EventKind::Resumed && event.task == waits[0].task)
                ++resumed;
        }
        QCOMPARE(resumed, 2);
    }

    void resumesOnTheAwaitingThread()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.filePath(QStringLiteral("threads.db")));
        QVERIFY(db.isOpen());
        auto body = [db]() -> QCoro::Task<QList<QThread *>> {
            QList<QThread *> threads{QThread::currentThread()};
            co_await db.query(QStringLiteral("SELECT 1"));
            threads.append(QThread::currentThread());
            auto pages = db.stream(QStringLiteral("SELECT 1 UNION ALL SELECT 2"), {}, 1);
            for (auto it = co_await pages.begin(); it != pages.end(); co_await ++it)
                threads.append(QThread::currentThread());
            co_return threads;
        };
        auto here = testing::runTraced(body);
        const auto onMain = resultOf(here);
        QCOMPARE(onMain, (QList<QThread *>{QThread::currentThread(), QThread::currentThread(), QThread::currentThread(),
                                           QThread::currentThread()}));

        // And from a thread of its own: the results come back there, not to the main thread.
        QList<QThread *> onOther;
        QThread *other = QThread::create([&] {
            auto there = testing::runTraced(body);
            onOther = resultOf(there);
        });
        other->start();
        QVERIFY(other->wait(20000));
        QCOMPARE(onOther.size(), 4);
        for (auto *thread : onOther)
            QCOMPARE(thread, other);
        delete other;
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
