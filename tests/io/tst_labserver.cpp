// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/blockingget.h"
#include "io/demodata.h"
#include "io/httpresponseparser.h"
#include "io/labserver.h"
#include "io/serve.h"
#include "iotesting.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkInterface>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <csignal>
#include <memory>

using namespace coroscope;
using namespace coroscope::io;

namespace {

struct Fetched {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray contentType;
    QByteArray transferEncoding;
    qint64 elapsedMs = 0;
    QList<qint64> arrivalsMs; // when body bytes arrived, for streaming endpoints
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
};

// One request through a plain QNetworkAccessManager, waited for in a local event loop.
Fetched fetch(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &method = "GET",
              const QByteArray &body = {})
{
    Fetched result;
    QElapsedTimer clock;
    clock.start();
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(manager.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        result.arrivalsMs.append(clock.elapsed());
        result.body += reply->readAll();
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.body += reply->readAll();
    result.elapsedMs = clock.elapsed();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.contentType = reply->rawHeader("Content-Type");
    result.transferEncoding = reply->rawHeader("Transfer-Encoding");
    return result;
}

// Many GETs at once, each on its own raw socket: QNetworkAccessManager would let only six
// per host through at a time, and the point here is what the server does with all of them.
struct RawGet {
    std::unique_ptr<QTcpSocket> socket;
    HttpResponseParser response;
    qint64 doneMs = -1;
};

std::vector<RawGet> rawGetAll(const QUrl &server, const QStringList &paths, int limitMs = 10'000)
{
    std::vector<RawGet> gets(std::size_t(paths.size()));
    QElapsedTimer clock;
    clock.start();
    int remaining = int(paths.size());
    QEventLoop loop;
    for (qsizetype i = 0; i < paths.size(); ++i) {
        auto &get = gets[std::size_t(i)];
        get.socket = std::make_unique<QTcpSocket>();
        auto *socket = get.socket.get();
        const auto request = QByteArray("GET " + paths[i].toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        QObject::connect(socket, &QTcpSocket::connected, socket, [socket, request] { socket->write(request); });
        auto settle = [&get, &remaining, &loop, &clock] {
            if (get.doneMs >= 0 || !(get.response.isDone() || get.response.hasError()))
                return;
            get.doneMs = clock.elapsed();
            if (--remaining == 0)
                loop.quit();
        };
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, &get, settle] {
            get.response.feed(socket->readAll());
            settle();
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [&get, settle] {
            get.response.finishAtEof();
            settle();
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [&get, settle] {
            get.response.finishAtEof();
            settle();
        });
        socket->connectToHost(QHostAddress::LocalHost, quint16(server.port()));
    }
    QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
    if (remaining > 0)
        loop.exec();
    return gets;
}

QList<bool> flakySequence(QNetworkAccessManager &manager, const QUrl &server, int seed, int count)
{
    QList<bool> failures;
    for (int i = 0; i < count; ++i) {
        const auto reply = fetch(manager, server.resolved(QUrl(QStringLiteral("/flaky?fail=0.3&seed=%1").arg(seed))));
        failures.append(reply.status == 503);
    }
    return failures;
}

} // namespace

class TestLabServer : public QObject
{
    Q_OBJECT

    LabServer m_server;
    QNetworkAccessManager m_manager;

    QUrl at(const QString &path) const { return m_server.url().resolved(QUrl(path)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
        QCOMPARE(m_server.url().host(), QStringLiteral("127.0.0.1"));
        QVERIFY(m_server.url().port() > 0);
    }

    void init() { m_server.setFaults({}); }

    void endpoints_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("key"); // a key of the JSON object answered ("" for arrays and bytes)
        QTest::addColumn<QString>("expected"); // its value as text, or the array length / byte count

        const auto user7 = demo::user(7);
        const auto product42 = demo::product(42);
        QTest::newRow("delay") << "/delay/30" << 200 << "delay_ms"
                               << "30";
        QTest::newRow("status 200") << "/status/200" << 200 << "status"
                                    << "200";
        QTest::newRow("status 418") << "/status/418" << 418 << "status"
                                    << "418";
        QTest::newRow("status 503 reason") << "/status/503" << 503 << "reason"
                                           << "Service Unavailable";
        QTest::newRow("flaky never fails at 0") << "/flaky?fail=0&seed=3" << 200 << "ok"
                                                << "true";
        QTest::newRow("flaky always fails at 1") << "/flaky?fail=1" << 503 << "status"
                                                 << "503";
        QTest::newRow("bytes") << "/bytes/1000" << 200 << ""
                               << "1000";
        QTest::newRow("no bytes") << "/bytes/0" << 200 << ""
                                  << "0";
        QTest::newRow("user") << "/users/7" << 200 << "name" << user7.name;
        QTest::newRow("unknown user") << "/users/1001" << 404 << "error"
                                      << "no user 1001 (users are 1 to 1000)";
        QTest::newRow("orders") << "/orders?user=7" << 200 << "" << QString::number(demo::ordersPerUser);
        QTest::newRow("orders of nobody") << "/orders?user=5000" << 404 << "status"
                                          << "404";
        QTest::newRow("notifications") << "/notifications?user=7" << 200 << ""
                                       << QString::number(demo::notificationsPerUser);
        QTest::newRow("product") << "/products/42" << 200 << "name" << product42.name;
        QTest::newRow("unknown product") << "/products/5001" << 404 << "status"
                                         << "404";
        QTest::newRow("echo") << "/echo?a=1" << 200 << "path"
                              << "/echo";
        QTest::newRow("unknown endpoint") << "/nope" << 404 << "status"
                                          << "404";
        QTest::newRow("stats") << "/stats" << 200 << "connections"
                               << "1";
    }

    void endpoints()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        const auto reply = fetch(m_manager, at(path));
        QCOMPARE(reply.status, status);
        if (reply.contentType == "application/octet-stream") {
            QCOMPARE(reply.body.size(), expected.toLongLong());
            return;
        }
        QCOMPARE(reply.contentType, QByteArray("application/json"));
        const auto document = QJsonDocument::fromJson(reply.body);
        if (key.isEmpty()) {
            QVERIFY2(document.isArray(), reply.body.constData());
            QCOMPARE(document.array().size(), expected.toLongLong());
            return;
        }
        QVERIFY2(document.isObject(), reply.body.constData());
        const auto value = document.object().value(key);
        QVERIFY2(!value.isUndefined(),
                 qPrintable(QStringLiteral("no \"%1\" in %2").arg(key, QString::fromUtf8(reply.body))));
        const auto text = value.isBool()     ? QString::fromLatin1(value.toBool() ? "true" : "false")
                          : value.isDouble() ? QString::number(value.toDouble())
                                             : value.toString();
        QCOMPARE(text, expected);
    }

    void demoRecordsMatchTheDemoData()
    {
        const auto user = fetch(m_manager, at(QStringLiteral("/users/12"))).object();
        QCOMPARE(user, demo::toJson(demo::user(12)));
        const auto orders = fetch(m_manager, at(QStringLiteral("/orders?user=12"))).array();
        QCOMPARE(orders.size(), demo::ordersPerUser);
        for (int i = 0; i < orders.size(); ++i)
            QCOMPARE(orders.at(i).toObject(), demo::toJson(demo::ordersOf(12).at(i)));
        QCOMPARE(fetch(m_manager, at(QStringLiteral("/products/3"))).object(), demo::toJson(demo::product(3)));
    }

    void bytesAreDeterministic()
    {
        const auto first = fetch(m_manager, at(QStringLiteral("/bytes/4096")));
        const auto second = fetch(m_manager, at(QStringLiteral("/bytes/4096")));
        QCOMPARE(first.body.size(), 4096);
        QCOMPARE(first.body, second.body);
        QVERIFY(first.body.count(first.body.at(0)) < 100); // not one byte repeated
    }

    void statusWithoutBody()
    {
        const auto reply = fetch(m_manager, at(QStringLiteral("/status/204")));
        QCOMPARE(reply.status, 204);
        QVERIFY(reply.body.isEmpty());
    }

    void echoPost()
    {
        const auto reply = fetch(m_manager, at(QStringLiteral("/echo")), "POST", R"({"answer": 42})");
        QCOMPARE(reply.status, 200);
        const auto echo = reply.object();
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(echo.value(QStringLiteral("json")).toObject().value(QStringLiteral("answer")).toInt(), 42);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("mentions"); // part of the error message

        QTest::newRow("negative delay") << "/delay/-1"
                                        << "between 0 and 30000 ms";
        QTest::newRow("delay over the cap") << "/delay/30001"
                                            << "between 0 and 30000 ms";
        QTest::newRow("huge delay") << "/delay/99999999999999999999999"
                                    << "between 0 and 30000 ms";
        QTest::newRow("delay not a number") << "/delay/soon"
                                            << "whole number";
        QTest::newRow("fractional delay") << "/delay/1.5"
                                          << "whole number";
        QTest::newRow("delay with a parameter") << "/delay/10?fast=1"
                                                << "unknown query parameter \"fast\"";
        QTest::newRow("status too small") << "/status/99"
                                          << "between 200 and 599";
        QTest::newRow("informational status") << "/status/101"
                                              << "between 200 and 599";
        QTest::newRow("status too big") << "/status/600"
                                        << "between 200 and 599";
        QTest::newRow("status nobody knows") << "/status/299"
                                             << "not a status code";
        QTest::newRow("status not a number") << "/status/teapot"
                                             << "whole number";
        QTest::newRow("fail rate over 1") << "/flaky?fail=2"
                                          << "between 0 and 1";
        QTest::newRow("fail rate not a number") << "/flaky?fail=often"
                                                << "between 0 and 1";
        QTest::newRow("empty fail rate") << "/flaky?fail="
                                         << "between 0 and 1";
        QTest::newRow("negative seed") << "/flaky?seed=-3"
                                       << "seed must be between 0";
        QTest::newRow("attempt without seed") << "/flaky?attempt=2"
                                              << "with a seed";
        QTest::newRow("unknown flaky parameter") << "/flaky?fial=0.5"
                                                 << "allowed: fail, seed, attempt";
        QTest::newRow("parameter twice") << "/flaky?fail=0.1&fail=0.9"
                                         << "given twice";
        QTest::newRow("too many bytes") << "/bytes/10485761"
                                        << "between 0 and 10485760";
        QTest::newRow("negative bytes") << "/bytes/-5"
                                        << "between 0 and 10485760";
        QTest::newRow("too many lines") << "/stream/1001"
                                        << "between 0 and 1000";
        QTest::newRow("negative interval") << "/stream/10?interval_ms=-1"
                                           << "interval_ms must be between 0";
        QTest::newRow("stream too long") << "/stream/1000?interval_ms=1000"
                                         << "the cap is 30000 ms";
        QTest::newRow("drip bytes not a number") << "/drip?bytes=lots"
                                                 << "whole number";
        QTest::newRow("drip too long") << "/drip?duration_ms=40000"
                                       << "between 0 and 30000 ms";
        QTest::newRow("user id not a number") << "/users/abc"
                                              << "user id must be a whole number";
        QTest::newRow("user id zero") << "/users/0"
                                      << "between 1 and";
        QTest::newRow("orders without user") << "/orders"
                                             << "needs the query parameter \"user\"";
        QTest::newRow("orders of a word") << "/orders?user=me"
                                          << "whole number";
        QTest::newRow("notifications with junk") << "/notifications?user=1&x"
                                                 << "unknown query parameter \"x\"";
        QTest::newRow("product id fraction") << "/products/1.5"
                                             << "whole number";
        QTest::newRow("stats with a parameter") << "/stats?reset=1"
                                                << "it takes none";
    }

    void badInput()
    {
        QFETCH(QString, path);
        QFETCH(QString, mentions);
        const auto reply = fetch(m_manager, at(path));
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.contentType, QByteArray("application/json"));
        const auto message = reply.object().value(QStringLiteral("error")).toString();
        QVERIFY2(message.contains(mentions), qPrintable(message));
        // And the server is still there.
        QCOMPARE(fetch(m_manager, at(QStringLiteral("/status/200"))).status, 200);
    }

    void malformedRequestDoesNotHurtTheServer()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.url().port()));
        QVERIFY(socket.waitForConnected(2000));
        socket.write("THIS IS NOT HTTP\r\n\r\n\x01\x02\x03");
        socket.waitForBytesWritten(1000);
        socket.waitForReadyRead(300);
        socket.close();
        QCOMPARE(fetch(m_manager, at(QStringLiteral("/users/1"))).status, 200);
    }

    void keepsConnectionsOpenUnlessAskedToClose()
    {
        for (const bool close : {false, true}) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(m_server.url().port()));
            QVERIFY(socket.waitForConnected(2000));
            socket.write(QByteArray("GET /users/1 HTTP/1.1\r\nHost: x\r\n") + (close ? "Connection: close\r\n" : "")
                         + "\r\n");
            HttpResponseParser response;
            while (!response.isDone() && socket.waitForReadyRead(2000))
                response.feed(socket.readAll());
            QCOMPARE(response.status(), 200);
            const bool closed = testing::eventually(
                [&] {
                    socket.waitForReadyRead(10);
                    return socket.state() == QAbstractSocket::UnconnectedState;
                },
                300);
            QCOMPARE(closed, close);
        }
    }

    void listensOnLoopbackOnly()
    {
        const auto port = quint16(m_server.url().port());
        QTcpSocket loopback;
        loopback.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(loopback.waitForConnected(2000));
        loopback.close();

        QHostAddress outside;
        for (const auto &address : QNetworkInterface::allAddresses()) {
            if (!address.isLoopback() && address.protocol() == QAbstractSocket::IPv4Protocol) {
                outside = address;
                break;
            }
        }
        if (outside.isNull())
            QSKIP("this host has no non-loopback IPv4 address to try");
        QTcpSocket external;
        external.connectToHost(outside, port);
        QVERIFY2(!external.waitForConnected(2000),
                 qPrintable(QStringLiteral("reached the lab server via %1").arg(outside.toString())));
        QCOMPARE(external.error(), QAbstractSocket::ConnectionRefusedError);
    }

    void concurrentDelaysFinishTogether()
    {
        QStringList paths;
        for (int i = 0; i < 200; ++i)
            paths.append(QStringLiteral("/delay/200"));
        QElapsedTimer clock;
        clock.start();
        const auto gets = rawGetAll(m_server.url(), paths);
        const auto wall = clock.elapsed();
        qint64 earliest = std::numeric_limits<qint64>::max();
        for (const auto &get : gets) {
            QVERIFY2(get.response.isDone(), qPrintable(get.response.errorString()));
            QCOMPARE(get.response.status(), 200);
            earliest = std::min(earliest, get.doneMs);
        }
        // Nobody answered before the delay, and all of them together took about one delay,
        // not 200 of them (a server sleeping per request would need 40 s).
        QVERIFY2(earliest >= 195, qPrintable(QString::number(earliest)));
        QVERIFY2(wall < 1500, qPrintable(QStringLiteral("200 concurrent /delay/200 took %1 ms").arg(wall)));
    }

    void streamSendsOneLinePerInterval()
    {
        const auto reply = fetch(m_manager, at(QStringLiteral("/stream/5?interval_ms=100")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.transferEncoding, QByteArray("chunked"));
        const auto lines = reply.body.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        for (int i = 0; i < lines.size(); ++i) {
            const auto line = QJsonDocument::fromJson(lines.at(i)).object();
            QCOMPARE(line.value(QStringLiteral("line")).toInt(), i + 1);
            QCOMPARE(line.value(QStringLiteral("of")).toInt(), 5);
        }
        // The lines came over time: the first early, the last after four intervals.
        QVERIFY(reply.arrivalsMs.size() >= 3);
        QVERIFY2(reply.arrivalsMs.first() < 150, qPrintable(QString::number(reply.arrivalsMs.first())));
        QVERIFY2(reply.elapsedMs >= 390, qPrintable(QString::number(reply.elapsedMs)));
    }

    void emptyStream()
    {
        const auto reply = fetch(m_manager, at(QStringLiteral("/stream/0")));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.body.isEmpty());
    }

    void dripTrickles()
    {
        const auto reply = fetch(m_manager, at(QStringLiteral("/drip?bytes=100&duration_ms=500")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray(100, '*'));
        QVERIFY2(reply.elapsedMs >= 450, qPrintable(QString::number(reply.elapsedMs)));
        QVERIFY2(reply.arrivalsMs.size() >= 5, qPrintable(QString::number(reply.arrivalsMs.size())));
    }

    void flakyIsDeterministic()
    {
        // A server of its own: every server starts each seed's sequence from the beginning.
        LabServer other;
        QVERIFY(other.start());
        QNetworkAccessManager manager;
        const auto here = flakySequence(m_manager, m_server.url(), 7, 40);
        const auto there = flakySequence(manager, other.url(), 7, 40);
        QCOMPARE(here, there);
        const auto failures = here.count(true);
        QVERIFY2(failures >= 4 && failures <= 24, qPrintable(QString::number(failures))); // about 30 %
        QVERIFY(flakySequence(manager, other.url(), 8, 40) != here);

        // attempt=N names one entry of the sequence without moving along it.
        for (int n = 1; n <= 10; ++n) {
            const auto reply = fetch(m_manager, at(QStringLiteral("/flaky?fail=0.3&seed=7&attempt=%1").arg(n)));
            QCOMPARE(reply.status == 503, here.at(n - 1));
            QCOMPARE(reply.object().value(QStringLiteral("attempt")).toInt(), n);
            if (reply.status == 503)
                QVERIFY(reply.object().value(QStringLiteral("error")).toString().contains(QStringLiteral("flaky")));
        }
    }

    void faultsApplyWhileRunning()
    {
        LabFaults failing;
        failing.errorRate = 1.0;
        m_server.setFaults(failing);
        QCOMPARE(m_server.faults().errorRate, 1.0);
        for (int i = 0; i < 5; ++i) {
            const auto reply = fetch(m_manager, at(QStringLiteral("/users/1")));
            QCOMPARE(reply.status, 503);
            QVERIFY(reply.object().value(QStringLiteral("error")).toString().contains(QStringLiteral("injected")));
        }
        QCOMPARE(fetch(m_manager, at(QStringLiteral("/stats"))).status, 200); // the observer is spared

        LabFaults jittery;
        jittery.jitterMs = 150;
        m_server.setFaults(jittery);
        qint64 slowest = 0;
        for (int i = 0; i < 12; ++i) {
            const auto reply = fetch(m_manager, at(QStringLiteral("/delay/0")));
            QCOMPARE(reply.status, 200);
            QVERIFY2(reply.elapsedMs < 1000, qPrintable(QString::number(reply.elapsedMs)));
            slowest = std::max(slowest, reply.elapsedMs);
        }
        // Up to 150 ms each, uniformly: twelve all under 40 ms would happen once in ~10^7.
        QVERIFY2(slowest >= 40, qPrintable(QString::number(slowest)));

        m_server.setFaults({});
        const auto reply = fetch(m_manager, at(QStringLiteral("/delay/0")));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.elapsedMs < 100);

        LabFaults nonsense;
        nonsense.jitterMs = -5;
        nonsense.errorRate = 7.0;
        m_server.setFaults(nonsense); // nonsense is clamped, not stored
        QCOMPARE(m_server.faults().jitterMs, 0);
        QCOMPARE(m_server.faults().errorRate, 1.0);
    }

    void statsFollowRequestsAndConnections()
    {
        LabServer server;
        QVERIFY(server.start());
        QCOMPARE(server.stats().served, 0);
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < 3; ++i) {
            sockets.push_back(std::make_unique<QTcpSocket>());
            sockets.back()->connectToHost(QHostAddress::LocalHost, quint16(server.url().port()));
            QVERIFY(sockets.back()->waitForConnected(2000));
        }
        QVERIFY(testing::eventually([&] { return server.stats().connections == 3; }));

        sockets[0]->write("GET /delay/1000 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(testing::eventually([&] { return server.stats().inFlight == 1; }));
        QNetworkAccessManager manager;
        const auto stats = fetch(manager, server.url().resolved(QUrl(QStringLiteral("/stats")))).object();
        QCOMPARE(stats.value(QStringLiteral("in_flight")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("connections")).toInt(), 4); // three raw ones and ours
        QVERIFY(testing::eventually([&] { return server.stats().served == 1; }, 3000));
        QCOMPARE(server.stats().inFlight, 0);

        sockets.clear();
        QVERIFY(testing::eventually([&] { return server.stats().connections <= 1; }));
    }

    void clientLeavingMidDelayIsNoLongerInFlight()
    {
        LabServer server;
        QVERIFY(server.start());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(server.url().port()));
        QVERIFY(socket.waitForConnected(2000));
        socket.write("GET /delay/2000 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(testing::eventually([&] { return server.stats().inFlight == 1; }));
        socket.abort();
        QElapsedTimer clock;
        clock.start();
        QVERIFY(
            testing::eventually([&] { return server.stats().inFlight == 0 && server.stats().connections == 0; }, 1000));
        QVERIFY(clock.elapsed() < 500);
        QTest::qWait(50);
        QCOMPARE(server.stats().served, 0); // abandoned, not served
    }

    void stopsWithRequestsPending()
    {
        auto server = std::make_unique<LabServer>();
        QVERIFY(server->start());
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(server->url().port()));
        QVERIFY(socket.waitForConnected(2000));
        socket.write("GET /stream/100?interval_ms=100 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(testing::eventually([&] { return server->stats().inFlight == 1; }));
        QElapsedTimer clock;
        clock.start();
        server.reset(); // must not wait for the stream to end
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(testing::eventually([&] { return socket.state() == QAbstractSocket::UnconnectedState; }));
    }

    void startFailsOnATakenPortAndRestarts()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        LabServer server;
        QVERIFY(!server.start(squatter.serverPort()));
        QVERIFY2(server.errorString().contains(QString::number(squatter.serverPort())), qPrintable(server.errorString()));
        QVERIFY(!server.isRunning());
        QVERIFY(server.url().isEmpty());

        QVERIFY(server.start());
        QVERIFY(!server.start()); // already running
        QVERIFY(server.errorString().contains(QStringLiteral("already running")));
        const auto port = quint16(server.url().port());
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY(server.start(port)); // the port is free again
        QCOMPARE(fetch(m_manager, server.url().resolved(QUrl(QStringLiteral("/users/2")))).status, 200);
    }

    void servesWhileTheCallersThreadIsBlocked()
    {
        // A blocking GET freezes this thread; only a server on a thread of its own can answer.
        QElapsedTimer clock;
        clock.start();
        const auto body = blockingGet(at(QStringLiteral("/delay/100")));
        QVERIFY(clock.elapsed() >= 95);
        QCOMPARE(QJsonDocument::fromJson(body).object().value(QStringLiteral("delay_ms")).toInt(), 100);
    }

    void serveForegroundRunsUntilSignalled()
    {
        const auto port = testing::freeLocalPort();
        QByteArray answer;
        QTimer::singleShot(200, [&] {
            // serveForeground's loop is running: the server must be reachable now.
            try {
                answer = blockingGet(QUrl(QStringLiteral("http://127.0.0.1:%1/users/3").arg(port)),
                                     std::chrono::seconds(5));
            } catch (...) {
            }
            std::raise(SIGTERM);
        });
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(serveForeground(port), 0);
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(QJsonDocument::fromJson(answer).object(), demo::toJson(demo::user(3)));
        // The handlers are put back: the port is free for the next one.
        LabServer again;
        QVERIFY(again.start(port));
    }

    void serveForegroundFailsOnATakenPort()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        QCOMPARE(serveForeground(squatter.serverPort()), 1);
    }
};

QTEST_GUILESS_MAIN(TestLabServer)
#include "tst_labserver.moc"
