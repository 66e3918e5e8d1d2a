// SPDX-License-Identifier: GPL-3.0-or-later
// The lab server against clients that misbehave: each limit answered with its HTTP status, and
// the server answering well-behaved clients throughout.
#include "io/httpresponseparser.h"
#include "io/labrequestguard.h"
#include "io/labserver.h"
#include "iotesting.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace coroscope;
using namespace coroscope::io;

namespace {

struct Answer {
    int status = 0; // 0: no answer
    QByteArray body;
    QByteArray retryAfter;
    bool closed = false; // the server closed the connection after answering
};

// Sends `request` (in pieces of `piece` bytes, as a slow or large client would) and reads the
// answer. A server that refuses midway may close before everything is sent: that is fine.
Answer send(quint16 port, const QByteArray &request, qsizetype piece = 64 * 1024, int waitMs = 10'000)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    Answer answer;
    if (!socket.waitForConnected(5000))
        return answer;
    HttpResponseParser response;
    QElapsedTimer clock;
    clock.start();
    for (qsizetype at = 0; at < request.size() && socket.state() == QAbstractSocket::ConnectedState; at += piece) {
        socket.write(request.mid(at, piece));
        socket.waitForBytesWritten(1000);
        if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(0))
            response.feed(socket.readAll());
        if (response.isDone())
            break;
    }
    while (!response.isDone() && !response.hasError() && clock.elapsed() < waitMs) {
        socket.waitForReadyRead(200);
        // Read what arrived even when the wait ends with the server closing.
        response.feed(socket.readAll());
        if (!response.isDone() && socket.state() != QAbstractSocket::ConnectedState)
            response.finishAtEof();
    }
    if (!response.isDone())
        return answer;
    answer.status = response.status();
    answer.body = response.body();
    answer.retryAfter = response.header("Retry-After");
    answer.closed = testing::eventually(
        [&] {
            socket.waitForReadyRead(10);
            return socket.state() == QAbstractSocket::UnconnectedState;
        },
        2000);
    return answer;
}

QByteArray get(const QByteArray &target, const QByteArray &headers = {})
{
    return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "\r\n";
}

} // namespace

class TestLabServerLimits : public QObject
{
    Q_OBJECT

    LabServer m_server;
    lab::RequestLimits m_limits;

    quint16 port() const { return quint16(m_server.url().port()); }

    // A well-behaved client gets its answer, and quickly, whatever the others are doing.
    void verifyServesOthers()
    {
        QElapsedTimer clock;
        clock.start();
        const auto answer = send(port(), get("/users/1"));
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.body.contains("\"id\""));
        QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_limits.connections = 40;
        m_limits.headerTimeoutMs = 600;
        m_server.setLimits(m_limits);
        QVERIFY2(m_server.start(), qPrintable(m_server.errorString()));
    }

    void normalRequestsPass()
    {
        verifyServesOthers();
        // Just under every limit is still served.
        QByteArray headers;
        for (int i = 0; i < m_limits.headerCount - 2; ++i)
            headers += "X-Fill-" + QByteArray::number(i) + ": " + QByteArray(100, 'a') + "\r\n";
        QCOMPARE(send(port(), get("/users/1", headers)).status, 200);
        const QByteArray body(1024 * 1024, 'x');
        const auto echoed = send(port(), "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                                             + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QCOMPARE(echoed.status, 200);
    }

    void longRequestLineIs414()
    {
        const auto answer = send(port(), get("/users/" + QByteArray(20 * 1024, '1')));
        QCOMPARE(answer.status, 414);
        QVERIFY(answer.closed);
        QVERIFY(answer.body.contains("request line is longer than 8192 bytes"));
        verifyServesOthers();
    }

    void hugeHeaderIs431BeforeItIsReadToTheEnd()
    {
        // 32 MiB in one header: refused once the header section passes 32 KiB.
        const auto before = m_server.stats().refused;
        const auto answer = send(port(), get("/users/1", "X-Huge: " + QByteArray(32 * 1024 * 1024, 'h') + "\r\n"));
        QCOMPARE(answer.status, 431);
        QVERIFY(answer.closed);
        QVERIFY(answer.body.contains("header section is larger than"));
        QCOMPARE(m_server.stats().refused, before + 1);
        verifyServesOthers();
    }

    void tooManyHeadersIs431()
    {
        QByteArray headers;
        for (int i = 0; i < 150; ++i)
            headers += "X-" + QByteArray::number(i) + ": 1\r\n";
        const auto answer = send(port(), get("/users/1", headers));
        QCOMPARE(answer.status, 431);
        QVERIFY(answer.body.contains("more than 100 headers"));
        verifyServesOthers();
    }

    void largeBodyIs413WithoutReadingIt()
    {
        // Announced as 100 MiB; only the headers are sent: refused from the Content-Length.
        const auto answer = send(port(), "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 104857600\r\n\r\n");
        QCOMPARE(answer.status, 413);
        QVERIFY(answer.body.contains("Content-Length 104857600"));
        // And a chunked body that grows past the limit.
        QByteArray chunked = "POST /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 9; ++i)
            chunked += "100000\r\n" + QByteArray(0x100000, 'c') + "\r\n";
        chunked += "0\r\n\r\n";
        const auto grown = send(port(), chunked);
        QCOMPARE(grown.status, 413);
        verifyServesOthers();
    }

    void garbageIs400AndTheServerCarriesOn()
    {
        for (const QByteArray &garbage :
             {QByteArray("THIS IS NOT HTTP\r\n\r\n"), QByteArray("\x01\x02\x03\xff\r\n\r\n", 8),
              QByteArray("GET /users/1 HTTP/1.1\r\nno colon here\r\n\r\n")}) {
            const auto answer = send(port(), garbage);
            QCOMPARE(answer.status, 400);
            QVERIFY(answer.closed);
        }
        verifyServesOthers();
    }

    void slowClientGets408WhileOthersAreServed()
    {
        // Half a request line, then silence (slowloris).
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(slow.waitForConnected(2000));
        slow.write("GET /users/1 HT");
        QVERIFY(slow.waitForBytesWritten(1000));
        verifyServesOthers(); // during the wait
        HttpResponseParser response;
        QVERIFY(testing::eventually(
            [&] {
                slow.waitForReadyRead(20);
                response.feed(slow.readAll());
                return response.isDone();
            },
            10'000));
        QCOMPARE(response.status(), 408);
        QVERIFY(testing::eventually([&] {
            slow.waitForReadyRead(10);
            return slow.state() == QAbstractSocket::UnconnectedState;
        }));
    }

    void keptAliveConnectionsBetweenRequestsAreNotTimedOut()
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port());
        QVERIFY(socket.waitForConnected(2000));
        for (int round = 0; round < 2; ++round) {
            socket.write(get("/users/1"));
            HttpResponseParser response;
            while (!response.isDone() && socket.waitForReadyRead(2000))
                response.feed(socket.readAll());
            QCOMPARE(response.status(), 200);
            QTest::qWait(m_limits.headerTimeoutMs * 2); // idle between requests: allowed
            QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        }
        // A request slower than the timeout to answer is not a slow client either.
        socket.write(get("/delay/" + QByteArray::number(m_limits.headerTimeoutMs * 2)));
        HttpResponseParser response;
        while (!response.isDone() && socket.waitForReadyRead(5000))
            response.feed(socket.readAll());
        QCOMPARE(response.status(), 200);
    }

    void hundredsOfIdleSocketsAre503ThenReleased()
    {
        std::vector<std::unique_ptr<QTcpSocket>> idle;
        for (int i = 0; i < 200; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(QHostAddress::LocalHost, port());
            QVERIFY(socket->waitForConnected(2000));
            idle.push_back(std::move(socket));
        }
        // Past the limit the server answers 503 with Retry-After instead of holding them.
        QVERIFY(testing::eventually([&] { return m_server.stats().connections == m_limits.connections; }));
        const auto refused = send(port(), get("/users/1"));
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.retryAfter, QByteArray("1"));
        // Connections that never send a request are closed after the timeout; service resumes.
        QVERIFY(testing::eventually([&] { return m_server.stats().connections == 0; }, 10'000));
        verifyServesOthers();
    }

    void guardFollowsPipelinedRequests()
    {
        lab::RequestGuard guard;
        const QByteArray twoRequests = "POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello" + get("/users/1");
        // Byte by byte, as the network may deliver it.
        for (const char c : twoRequests)
            QCOMPARE(guard.feed(QByteArrayView(&c, 1)), lab::RequestGuard::Verdict::Fine);
        QCOMPARE(guard.requestsSeen(), 2);
        QVERIFY(guard.isBetweenRequests());
    }
};

QTEST_GUILESS_MAIN(TestLabServerLimits)
#include "tst_labserverlimits.moc"
