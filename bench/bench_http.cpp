// SPDX-License-Identifier: GPL-3.0-or-later
// The lab server under load: how many requests a second it answers, and whether a thousand
// concurrent delays really overlap. The clients run on this thread's event loop, the server
// on its own thread; both share the machine, so the figures are for the pair.
#include "io/httpresponseparser.h"
#include "io/labserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <memory>
#include <vector>

using coroscope::io::HttpResponseParser;
using coroscope::io::LabServer;

namespace {

struct LoadResult {
    int answered = 0;
    int failed = 0;
    qint64 wallNs = 0;
};

// `clients` raw keep-alive connections, each sending its next GET as soon as the previous
// answer is in, until `total` requests are answered: the server's capacity without
// QNetworkAccessManager's own costs in the way.
LoadResult rawLoad(const QUrl &server, int clients, int total, const QByteArray &path)
{
    struct Client {
        std::unique_ptr<QTcpSocket> socket;
        HttpResponseParser response;
    };
    std::vector<Client> pool(static_cast<std::size_t>(clients));
    const QByteArray request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    LoadResult result;
    int sent = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    auto sendNext = [&](Client &client) {
        if (sent >= total)
            return;
        ++sent;
        client.response = HttpResponseParser();
        client.socket->write(request);
    };
    auto settle = [&](Client &client, bool ok) {
        ++result.answered;
        if (!ok)
            ++result.failed;
        if (result.answered == total)
            loop.quit();
        else
            sendNext(client);
    };
    for (auto &client : pool) {
        client.socket = std::make_unique<QTcpSocket>();
        auto *socket = client.socket.get();
        QObject::connect(socket, &QTcpSocket::connected, socket, [&] { sendNext(client); });
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
            client.response.feed(socket->readAll());
            if (client.response.isDone() || client.response.hasError())
                settle(client, client.response.isDone() && client.response.status() == 200);
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [&] {
            // The rest of this client's share can't be sent: count it as failed.
            while (sent < total && result.answered < total) {
                ++sent;
                settle(client, false);
            }
        });
        socket->connectToHost(QHostAddress::LocalHost, quint16(server.port()));
    }
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    result.wallNs = clock.nsecsElapsed();
    return result;
}

// The same through QNetworkAccessManager, which allows six connections per host: enough
// managers for `clients` requests in flight at once.
LoadResult managerLoad(const QUrl &server, int clients, int total, const QString &path)
{
    std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
    for (int i = 0; i < (clients + 5) / 6; ++i)
        managers.push_back(std::make_unique<QNetworkAccessManager>());
    const QNetworkRequest request(server.resolved(QUrl(path)));
    LoadResult result;
    int sent = 0;
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    std::function<void(QNetworkAccessManager &)> sendNext = [&](QNetworkAccessManager &manager) {
        if (sent >= total)
            return;
        ++sent;
        auto *reply = manager.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            ++result.answered;
            if (reply->error() != QNetworkReply::NoError)
                ++result.failed;
            if (result.answered == total)
                loop.quit();
            else
                sendNext(manager);
        });
    };
    for (int i = 0; i < clients; ++i)
        sendNext(*managers[std::size_t(i / 6)]);
    QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
    loop.exec();
    result.wallNs = clock.nsecsElapsed();
    return result;
}

void report(benchmark::State &state, const LoadResult &result, int expected)
{
    if (result.answered != expected || result.failed > 0)
        state.SkipWithError("requests failed or went unanswered");
    state.SetIterationTime(double(result.wallNs) / 1e9);
}

// Requests per second for /delay/0 with 64 clients on raw keep-alive connections.
void BM_LabServer_Delay0_RawKeepAlive64(benchmark::State &state)
{
    LabServer server;
    if (!server.start()) {
        state.SkipWithError("cannot start the lab server");
        return;
    }
    constexpr int total = 20'000;
    for (auto _ : state)
        report(state, rawLoad(server.url(), 64, total, "/delay/0"), total);
    state.SetItemsProcessed(state.iterations() * total);
}
BENCHMARK(BM_LabServer_Delay0_RawKeepAlive64)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

// The same load through QNetworkAccessManagers (11 of them, 6 connections each).
void BM_LabServer_Delay0_Managers64(benchmark::State &state)
{
    LabServer server;
    if (!server.start()) {
        state.SkipWithError("cannot start the lab server");
        return;
    }
    constexpr int total = 10'000;
    for (auto _ : state)
        report(state, managerLoad(server.url(), 64, total, QStringLiteral("/delay/0")), total);
    state.SetItemsProcessed(state.iterations() * total);
}
BENCHMARK(BM_LabServer_Delay0_Managers64)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(3);

// Wall time of 1,000 concurrent /delay/200, each on its own connection: ~200 ms if the
// delays overlap, 200 s if the server slept through them one by one.
void BM_LabServer_1000ConcurrentDelay200(benchmark::State &state)
{
    LabServer server;
    if (!server.start()) {
        state.SkipWithError("cannot start the lab server");
        return;
    }
    constexpr int total = 1000;
    for (auto _ : state)
        report(state, rawLoad(server.url(), total, total, "/delay/200"), total);
}
BENCHMARK(BM_LabServer_1000ConcurrentDelay200)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(5);

} // namespace
