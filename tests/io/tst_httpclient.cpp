// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/errors.h"
#include "async/gather.h"
#include "async/sleep.h"
#include "io/blockingget.h"
#include "io/demodata.h"
#include "io/httpclient.h"
#include "io/labserver.h"
#include "iotesting.h"
#include "trace/counters.h"
#include "traced.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <memory>

using namespace coroscope;
using namespace coroscope::async;
using namespace coroscope::io;
using namespace std::chrono_literals;

namespace {

// What a failed request threw, flattened for comparing.
struct Failure {
    ErrorKind kind = ErrorKind::Other;
    int status = 0;
    QString message;
    qint64 afterMs = 0;
};

// The highest and the last value a counter took in a trace.
struct CounterRange {
    double max = -1;
    double last = -1;
    int samples = 0;
};

CounterRange counterRange(const trace::Trace &trace, const QString &name)
{
    CounterRange range;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Counter && trace.string(event.label) == name) {
            range.max = std::max(range.max, event.value);
            range.last = event.value;
            ++range.samples;
        }
    }
    return range;
}

int marksContaining(const trace::Trace &trace, const QString &text)
{
    int count = 0;
    for (const auto &event : trace.events()) {
        if (event.kind == trace::EventKind::Mark && trace.string(event.label).contains(text))
            ++count;
    }
    return count;
}

QCoro::Task<int> statusOf(HttpClient http, QUrl url)
{
    const auto response = co_await http.get(url);
    co_return response.status;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT

    LabServer m_server;

    QUrl at(const QString &path) const { return m_server.url().resolved(QUrl(path)); }

    // Runs one request as a traced task and reports how it failed.
    static Failure failureOf(QUrl url, std::chrono::milliseconds timeout = 0ms)
    {
        auto run = testing::runTraced([url, timeout]() -> QCoro::Task<Failure> {
            HttpClient http;
            http.setTimeout(timeout);
            QElapsedTimer clock;
            clock.start();
            Failure failure;
            try {
                co_await http.get(url);
                failure.message = QStringLiteral("no error");
            } catch (const HttpError &error) {
                failure = {error.kind(), error.status(), error.message()};
            } catch (const Error &error) {
                failure = {error.kind(), 0, error.message()};
            }
            failure.afterMs = clock.elapsed();
            co_return failure;
        });
        if (run.timedOut)
            return Failure{ErrorKind::Other, 0, QStringLiteral("the test run timed out")};
        return TaskHandle<Failure>::takeResult(*run.root.state());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }

    void getJsonReturnsTheRecord()
    {
        const auto url = at(QStringLiteral("/users/5"));
        auto run = testing::runTraced([url]() -> QCoro::Task<QJsonDocument> {
            HttpClient http;
            co_return co_await http.getJson(url);
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<QJsonDocument>::takeResult(*run.root.state()).object(), demo::toJson(demo::user(5)));
    }

    void responseCarriesStatusBodyAndTiming()
    {
        const auto url = at(QStringLiteral("/delay/60"));
        auto run = testing::runTraced([url]() -> QCoro::Task<HttpResponse> {
            HttpClient http;
            co_return co_await http.get(url);
        });
        QVERIFY(!run.timedOut);
        const auto response = TaskHandle<HttpResponse>::takeResult(*run.root.state());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.label, QStringLiteral("GET /delay/60"));
        QCOMPARE(response.header("content-type"), QByteArray("application/json"));
        QCOMPARE(response.json().object().value(QStringLiteral("delay_ms")).toInt(), 60);
        QVERIFY2(response.elapsedNs >= 55'000'000, qPrintable(QString::number(response.elapsedNs)));
    }

    void postSendsTheBody()
    {
        const auto url = at(QStringLiteral("/echo"));
        auto run = testing::runTraced([url]() -> QCoro::Task<QJsonObject> {
            HttpClient http;
            const auto response = co_await http.post(url, R"({"items": [1, 2, 3]})");
            co_return response.json().object();
        });
        QVERIFY(!run.timedOut);
        const auto echo = TaskHandle<QJsonObject>::takeResult(*run.root.state());
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(echo.value(QStringLiteral("json")).toObject().value(QStringLiteral("items")).toArray().size(), 3);
    }

    void typedErrors_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");

        QTest::newRow("404") << at(QStringLiteral("/status/404")) << 0 << ErrorKind::Http << 404
                             << "GET /status/404: 404 Not Found";
        QTest::newRow("503") << at(QStringLiteral("/status/503")) << 0 << ErrorKind::Http << 503
                             << "GET /status/503: 503 Service Unavailable";
        QTest::newRow("unknown user") << at(QStringLiteral("/users/4000")) << 0 << ErrorKind::Http << 404
                                      << "GET /users/4000: 404";
        QTest::newRow("bad input") << at(QStringLiteral("/delay/never")) << 0 << ErrorKind::Http << 400
                                   << "GET /delay/never: 400 Bad Request";
        QTest::newRow("closed port") << QUrl(QStringLiteral("http://127.0.0.1:%1/users/1").arg(testing::freeLocalPort()))
                                     << 0 << ErrorKind::Connection << 0 << "refused";
        QTest::newRow("no such host") << QUrl(QStringLiteral("http://no-such-host.invalid/x")) << 0
                                      << ErrorKind::Connection << 0 << "no-such-host.invalid";
        QTest::newRow("timeout") << at(QStringLiteral("/delay/3000")) << 100 << ErrorKind::Timeout << 0
                                 << "GET /delay/3000: no answer within 100 ms";
        QTest::newRow("not a web URL") << QUrl(QStringLiteral("ftp://127.0.0.1/file")) << 0
                                       << ErrorKind::InvalidArgument << 0 << "not an http:// or https:// URL";
        QTest::newRow("no URL") << QUrl() << 0 << ErrorKind::InvalidArgument << 0 << "GET <no URL>";
    }

    void typedErrors()
    {
        QFETCH(QUrl, url);
        QFETCH(int, timeoutMs);
        QFETCH(ErrorKind, kind);
        QFETCH(int, status);
        QFETCH(QString, message);
        const auto failure = failureOf(url, std::chrono::milliseconds(timeoutMs));
        QVERIFY2(failure.kind == kind, qPrintable(failure.message));
        QCOMPARE(failure.status, status);
        QVERIFY2(failure.message.contains(message), qPrintable(failure.message));
        if (kind == ErrorKind::Timeout)
            QVERIFY2(failure.afterMs >= 95 && failure.afterMs < 1000, qPrintable(QString::number(failure.afterMs)));
    }

    void timeoutAbortsTheRequestOnTheServer()
    {
        LabServer server;
        QVERIFY(server.start());
        const auto failure = failureOf(server.url().resolved(QUrl(QStringLiteral("/delay/3000"))), 150ms);
        QCOMPARE(failure.kind, ErrorKind::Timeout);
        QVERIFY(testing::eventually([&] { return server.stats().inFlight == 0; }, 1000));
        QCOMPARE(server.stats().served, 0);
    }

    void cancellationAbortsTheRequest()
    {
        LabServer server;
        QVERIFY(server.start());
        const auto url = server.url().resolved(QUrl(QStringLiteral("/delay/2000")));
        auto cancelledAt = std::make_shared<QElapsedTimer>();
        auto caughtAfterMs = std::make_shared<qint64>(-1);
        auto run = testing::runTraced([url, cancelledAt, caughtAfterMs, &server]() -> QCoro::Task<int> {
            auto request = [url, cancelledAt, caughtAfterMs]() -> QCoro::Task<void> {
                HttpClient http;
                try {
                    co_await http.get(url);
                } catch (const CancelledError &) {
                    *caughtAfterMs = cancelledAt->elapsed();
                    throw;
                }
            };
            auto child = spawn(QStringLiteral("request"), request);
            for (int i = 0; i < 200 && server.stats().inFlight == 0; ++i)
                co_await sleep(10ms); // until the server has the request
            const int inFlightBefore = server.stats().inFlight;
            cancelledAt->start();
            child.cancel(QStringLiteral("user gave up"));
            try {
                co_await child.join();
            } catch (const CancelledError &) {
            }
            co_return inFlightBefore;
        });
        QVERIFY(!run.timedOut);
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 1);
        QVERIFY2(*caughtAfterMs >= 0 && *caughtAfterMs < 100, qPrintable(QString::number(*caughtAfterMs)));
        QCOMPARE(run.taskNamed(QStringLiteral("request"))->status, trace::FinishStatus::Cancelled);
        QVERIFY2(run.elapsedMs < 1000, qPrintable(QString::number(run.elapsedMs)));
        // Aborted for real: the connection is closed and the server stops working on it.
        QVERIFY(
            testing::eventually([&] { return server.stats().inFlight == 0 && server.stats().connections == 0; }, 1000));
        QCOMPARE(HttpClient::requestsInFlight(), 0);
    }

    void alreadyCancelledTaskSendsNothing()
    {
        LabServer server;
        QVERIFY(server.start());
        const auto url = server.url().resolved(QUrl(QStringLiteral("/users/1")));
        auto run = testing::runTraced([url]() -> QCoro::Task<bool> {
            auto request = [url]() -> QCoro::Task<void> {
                co_await sleep(50ms);
                HttpClient http;
                co_await http.get(url);
            };
            auto child = spawn(QStringLiteral("request"), request);
            child.cancel();
            bool cancelled = false;
            try {
                co_await child.join();
            } catch (const CancelledError &) {
                cancelled = true;
            }
            co_return cancelled;
        });
        QVERIFY(TaskHandle<bool>::takeResult(*run.root.state()));
        QTest::qWait(50);
        QCOMPARE(server.stats().served, 0);
    }

    void suspensionIsRecordedWithPathAndLine()
    {
        const auto url = at(QStringLiteral("/orders?user=3"));
        auto run = testing::runTraced([url]() -> QCoro::Task<int> {
            HttpClient http;
            const int line = __LINE__ + 1;
            co_await http.get(url);
            co_return line;
        });
        QVERIFY(!run.timedOut);
        const int line = TaskHandle<int>::takeResult(*run.root.state());
        int found = 0;
        bool resumed = false;
        for (const auto &event : run.trace.events()) {
            if (event.kind == trace::EventKind::Suspended && event.reason() == trace::SuspendReason::Network) {
                ++found;
                QCOMPARE(run.trace.string(event.label), QStringLiteral("GET /orders?user=3"));
                const auto where = run.trace.location(event.location);
                QCOMPARE(where.line, line);
                QVERIFY2(where.file.endsWith(QStringLiteral("tst_httpclient.cpp")), qPrintable(where.file));
            } else if (found && event.kind == trace::EventKind::Resumed) {
                resumed = true;
            }
        }
        QCOMPARE(found, 1);
        QVERIFY(resumed);
    }

    void countersShowTheHiddenSemaphore()
    {
        // Twelve requests at once through one manager: it lets six through (one connection
        // each) and queues the rest. The counters make that limit visible.
        LabServer server;
        QVERIFY(server.start());
        const auto url = server.url().resolved(QUrl(QStringLiteral("/delay/150")));
        auto run = testing::runTraced([url]() -> QCoro::Task<void> {
            std::vector<TaskHandle<int>> requests;
            for (int i = 0; i < 12; ++i)
                requests.push_back(spawn(QStringLiteral("request"), [url] { return statusOf(HttpClient(), url); }));
            co_await gather(std::move(requests));
        });
        QVERIFY(!run.timedOut);
        const auto inFlight = counterRange(run.trace, trace::counters::requestsInFlight());
        QCOMPARE(inFlight.max, 12.0);
        QCOMPARE(inFlight.last, 0.0);
        const auto open = counterRange(run.trace, trace::counters::openConnections());
        QVERIFY(open.samples > 0);
        QCOMPARE(open.max, 6.0);
        // Two waves of 150 ms, not one.
        QVERIFY2(run.elapsedMs >= 290, qPrintable(QString::number(run.elapsedMs)));
    }

    void reuseOpensOneConnectionFreshOpensOneEach()
    {
        LabServer server;
        QVERIFY(server.start());
        const auto url = server.url().resolved(QUrl(QStringLiteral("/users/1")));
        auto sequentially = [url](ClientMode mode) {
            return testing::runTraced([url, mode]() -> QCoro::Task<QList<bool>> {
                HttpClient http(mode);
                QList<bool> opened;
                for (int i = 0; i < 5; ++i) {
                    const auto response = co_await http.get(url);
                    opened.append(response.newConnection);
                }
                co_return opened;
            });
        };
        auto before = HttpClient::connectionsOpened();
        auto shared = sequentially(ClientMode::SharedPerThread);
        QCOMPARE(TaskHandle<QList<bool>>::takeResult(*shared.root.state()),
                 (QList<bool>{true, false, false, false, false}));
        QCOMPARE(HttpClient::connectionsOpened() - before, 1);
        QCOMPARE(marksContaining(shared.trace, QStringLiteral("opens a new connection")), 1);

        before = HttpClient::connectionsOpened();
        auto fresh = sequentially(ClientMode::FreshPerRequest);
        QCOMPARE(TaskHandle<QList<bool>>::takeResult(*fresh.root.state()), (QList<bool>{true, true, true, true, true}));
        QCOMPARE(HttpClient::connectionsOpened() - before, 5);
        QCOMPARE(marksContaining(fresh.trace, QStringLiteral("opens a new connection")), 5);
        // The fresh clients' connections close with their managers; the shared one stays.
        QVERIFY(testing::eventually([&] { return server.stats().connections == 1; }));
    }

    void getJsonOfSomethingElseFails()
    {
        const auto url = at(QStringLiteral("/bytes/16"));
        auto run = testing::runTraced([url]() -> QCoro::Task<QString> {
            HttpClient http;
            try {
                co_await http.getJson(url);
            } catch (const Error &error) {
                co_return error.message();
            }
            co_return QString();
        });
        const auto message = TaskHandle<QString>::takeResult(*run.root.state());
        QVERIFY2(message.startsWith(QStringLiteral("GET /bytes/16: the answer is not JSON")), qPrintable(message));
    }

    void worksOutsideATracedTask()
    {
        auto task = statusOf(HttpClient(), at(QStringLiteral("/status/201")));
        QCOMPARE(QCoro::waitFor(std::move(task)), 201);
    }

    void oneSharedManagerPerThread()
    {
        QNetworkAccessManager *mine = &HttpClient::sharedManager();
        QCOMPARE(&HttpClient::sharedManager(), mine);
        QPointer<QNetworkAccessManager> theirs;
        bool stable = false;
        std::unique_ptr<QThread> thread(QThread::create([&] {
            theirs = &HttpClient::sharedManager();
            stable = theirs == &HttpClient::sharedManager();
        }));
        thread->start();
        QVERIFY(thread->wait(5000));
        QVERIFY(stable);
        QVERIFY(theirs != mine);
        QVERIFY(theirs.isNull()); // deleted when its thread finished
    }

    void callersManagerKeepsItsConnectionUntilDeleted()
    {
        LabServer server;
        QVERIFY(server.start());
        const auto url = server.url().resolved(QUrl(QStringLiteral("/users/1")));
        auto manager = std::make_unique<QNetworkAccessManager>();
        const HttpClient client(manager.get());
        const auto before = HttpClient::connectionsOpened();
        auto run = testing::runTraced([url, client]() -> QCoro::Task<int> {
            const auto http = client;
            for (int i = 0; i < 3; ++i)
                co_await http.get(url);
            co_return 0;
        });
        QCOMPARE(TaskHandle<int>::takeResult(*run.root.state()), 0);
        QCOMPARE(HttpClient::connectionsOpened() - before, 1);
        QVERIFY(testing::eventually([&] { return server.stats().connections == 1; }));
        // The connection belongs to the manager: it closes when the manager goes, not before.
        QTest::qWait(100);
        QCOMPARE(server.stats().connections, 1);
        manager.reset();
        QVERIFY(testing::eventually([&] { return server.stats().connections == 0; }));

        // A client whose manager is gone says so instead of crashing.
        auto gone = testing::runTraced([url, client]() -> QCoro::Task<QString> {
            const auto http = client;
            try {
                co_await http.get(url);
            } catch (const Error &error) {
                co_return QString::fromLatin1(toString(error.kind())) + QStringLiteral(": ") + error.message();
            }
            co_return QString();
        });
        const auto message = TaskHandle<QString>::takeResult(*gone.root.state());
        QVERIFY2(message.contains(QStringLiteral("network access manager was already deleted")), qPrintable(message));
    }

    void blockingGetReallyBlocks()
    {
        int ticks = 0;
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&] { ++ticks; });
        ticker.start(10);
        QTest::qWait(50);
        QVERIFY(ticks > 0);

        ticks = 0;
        QElapsedTimer clock;
        clock.start();
        const auto body = blockingGet(at(QStringLiteral("/delay/300")));
        const auto elapsed = clock.elapsed();
        // 300 ms without a single tick of a 10 ms timer: the event loop did not run at all.
        QCOMPARE(ticks, 0);
        QVERIFY2(elapsed >= 295, qPrintable(QString::number(elapsed)));
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("delay_ms")).toInt(), 300);
        QTest::qWait(50);
        QVERIFY(ticks > 0);
    }

    void blockingGetReadsEveryFraming()
    {
        QCOMPARE(blockingGet(at(QStringLiteral("/bytes/100000"))).size(), 100000);
        const auto stream = blockingGet(at(QStringLiteral("/stream/3?interval_ms=10")));
        QCOMPARE(stream.count('\n'), 3);
        QCOMPARE(blockingGet(at(QStringLiteral("/drip?bytes=20&duration_ms=100"))), QByteArray(20, '*'));
    }

    void blockingGetErrors_data()
    {
        QTest::addColumn<QUrl>("url");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("500") << at(QStringLiteral("/status/500")) << 5000 << ErrorKind::Http
                             << "GET /status/500: 500 Internal Server Error";
        QTest::newRow("closed port") << QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(testing::freeLocalPort()))
                                     << 5000 << ErrorKind::Connection << "refused";
        QTest::newRow("timeout") << at(QStringLiteral("/delay/2000")) << 100 << ErrorKind::Timeout
                                 << "no answer within 100 ms";
        QTest::newRow("https") << QUrl(QStringLiteral("https://127.0.0.1/")) << 5000 << ErrorKind::InvalidArgument
                               << "only http://";
    }

    void blockingGetErrors()
    {
        QFETCH(QUrl, url);
        QFETCH(int, timeoutMs);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        QElapsedTimer clock;
        clock.start();
        try {
            blockingGet(url, std::chrono::milliseconds(timeoutMs));
            QFAIL("no error");
        } catch (const Error &error) {
            QVERIFY2(error.kind() == kind, qPrintable(error.message()));
            QVERIFY2(error.message().contains(message), qPrintable(error.message()));
        }
        QVERIFY(clock.elapsed() < 2000);
    }

    void blockingGetMarksTheTimeline()
    {
        const auto url = at(QStringLiteral("/delay/50"));
        auto run = testing::runTraced([url]() -> QCoro::Task<void> {
            blockingGet(url);
            co_return;
        });
        QCOMPARE(marksContaining(run.trace, QStringLiteral("blocking GET /delay/50")), 2);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
