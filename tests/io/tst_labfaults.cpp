// SPDX-License-Identifier: GPL-3.0-or-later
// The lab server's faults: the settings and their parser, each fault through real HTTP, and the
// control API at /_lab/faults.
#include "io/labfaults.h"
#include "io/labserver.h"
#include "iotesting.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace coroscope;
using namespace coroscope::io;

namespace {

// A refused setting changes nothing and says why.
template<typename Parsed>
void verifyRefused(const Parsed &result, const QString &message)
{
    QVERIFY(!result.faults);
    const QString errors = result.errors.join(QLatin1Char('\n'));
    QVERIFY2(errors.contains(message), qPrintable(errors));
}

struct Fetched {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray faultNote; // X-Lab-Fault
    QByteArray retryAfter;
    int bodyPieces = 0; // readyRead signals with bytes in them
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

Fetched fetch(QNetworkAccessManager &manager, const QUrl &url, const QByteArray &method = "GET",
              const QByteArray &body = {})
{
    Fetched result;
    QNetworkRequest request(url);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(manager.sendCustomRequest(request, method, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::readyRead, &loop, [&] {
        const auto bytes = reply->readAll();
        result.bodyPieces += bytes.isEmpty() ? 0 : 1;
        result.body += bytes;
    });
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(20'000, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    result.body += reply->readAll();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.faultNote = reply->rawHeader(labFaultHeader);
    result.retryAfter = reply->rawHeader("Retry-After");
    return result;
}

LabFaults parsed(const QStringList &assignments)
{
    const auto result = parseLabFaultAssignments(assignments);
    if (!result.faults)
        qWarning() << result.errors;
    return result.faults.value_or(LabFaults{});
}

} // namespace

class TestLabFaults : public QObject
{
    Q_OBJECT

    LabServer m_server;
    QNetworkAccessManager m_manager;

    QUrl at(const QString &path) const { return m_server.url().resolved(QUrl(path)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.errorString())); }
    void init() { m_server.setFaults({}); }

    void assignmentsBuildFaults()
    {
        const auto result = parseLabFaultAssignments({QStringLiteral("error_rate=0.3"), QStringLiteral("latency_ms=200"),
                                                      QStringLiteral("seed=7"), QStringLiteral("path=/users")});
        QVERIFY2(result.faults, qPrintable(result.errors.join(QLatin1Char('\n'))));
        QCOMPARE(result.faults->errorRate, 0.3);
        QCOMPARE(result.faults->latencyMs, 200);
        QCOMPARE(result.faults->seed, 7u);
        QCOMPARE(result.faults->pathPrefix, QStringLiteral("/users"));
        QCOMPARE(result.faults->describe(), QStringLiteral("latency 200 ms, error rate 30% (503) on /users"));
    }

    void presetsComeFirstWhateverTheirPlace()
    {
        const auto faults = parsed({QStringLiteral("error_rate=0.9"), QStringLiteral("preset=flaky")});
        QCOMPARE(faults.preset, QStringLiteral("flaky"));
        QCOMPARE(faults.errorRate, 0.9); // the preset is the start, the rest goes on top
        QCOMPARE(faults.jitterMs, labFaultPreset(QStringLiteral("flaky"))->jitterMs);
        for (const auto &preset : labFaultPresets()) {
            QVERIFY(!preset.title.isEmpty());
            QCOMPARE(parsed({QStringLiteral("preset=") + preset.id}), preset.faults);
        }
        QVERIFY(labFaultPreset(QStringLiteral("healthy"))->isHealthy());
        QVERIFY(!labFaultPreset(QStringLiteral("outage"))->isHealthy());
    }

    void badAssignmentsSayWhatIsWrong_data()
    {
        QTest::addColumn<QStringList>("assignments");
        QTest::addColumn<QString>("message");
        QTest::newRow("no equals") << QStringList{QStringLiteral("error_rate")} << "a fault is name=value";
        QTest::newRow("unknown") << QStringList{QStringLiteral("eror_rate=0.3")} << "unknown fault \"eror_rate\"";
        QTest::newRow("rate above 1") << QStringList{QStringLiteral("error_rate=1.5")}
                                      << "error_rate must be a number between 0 and 1, got \"1.5\"";
        QTest::newRow("rate not a number")
            << QStringList{QStringLiteral("reset_rate=lots")} << "reset_rate must be a number between 0 and 1";
        QTest::newRow("negative latency") << QStringList{QStringLiteral("latency_ms=-1")}
                                          << "latency_ms must be a whole number from 0 to 30000 ms, got \"-1\"";
        QTest::newRow("fractional capacity")
            << QStringList{QStringLiteral("capacity=2.5")} << "capacity must be a whole number";
        QTest::newRow("huge number") << QStringList{QStringLiteral("outage_ms=99999999999999999999")}
                                     << "outage_ms must be a whole number";
        QTest::newRow("status out of range")
            << QStringList{QStringLiteral("error_status=200")} << "error_status must be a whole number from 400 to 599";
        QTest::newRow("seed out of range") << QStringList{QStringLiteral("seed=4294967296")} << "seed must be";
        QTest::newRow("path without slash") << QStringList{QStringLiteral("path=users")} << "path must be empty or";
        QTest::newRow("path with space") << QStringList{QStringLiteral("path=/a b")} << "path must be empty or";
        QTest::newRow("unknown preset") << QStringList{QStringLiteral("preset=chaos")}
                                        << "preset must be one of healthy, flaky, overloaded, rate-limited, outage";
        QTest::newRow("twice") << QStringList{QStringLiteral("seed=1"), QStringLiteral("seed=2")}
                               << "\"seed\" is given twice";
    }
    void badAssignmentsSayWhatIsWrong()
    {
        QFETCH(QStringList, assignments);
        QFETCH(QString, message);
        verifyRefused(parseLabFaultAssignments(assignments), message);
    }

    void jsonRoundTrips()
    {
        auto faults = parsed({QStringLiteral("preset=overloaded"), QStringLiteral("error_rate=0.25"),
                              QStringLiteral("path=/products"), QStringLiteral("seed=42")});
        const auto json = QJsonDocument(toJson(faults)).toJson();
        const auto back = parseLabFaultsJson(json);
        QVERIFY2(back.faults, qPrintable(back.errors.join(QLatin1Char('\n'))));
        QCOMPARE(*back.faults, faults);
    }

    void badJsonSaysWhatIsWrong_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{error_rate: 1}") << "the body is not JSON";
        QTest::newRow("array") << QByteArray("[1, 2]") << "the body must be a JSON object";
        QTest::newRow("bool") << QByteArray(R"({"error_rate": true})") << "\"error_rate\" must be a number or a string";
        QTest::newRow("nested") << QByteArray(R"({"latency_ms": {"ms": 1}})") << "must be a number or a string";
        QTest::newRow("out of range") << QByteArray(R"({"capacity": 1e9})") << "capacity must be a whole number";
        QTest::newRow("oversized") << QByteArray(R"({"path": ")" + QByteArray(5000, 'a') + R"("})")
                                   << "at most 4096 are read";
    }
    void badJsonSaysWhatIsWrong()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        verifyRefused(parseLabFaultsJson(body), message);
    }

    void theSameSeedDecidesTheSame()
    {
        auto faults = parsed({QStringLiteral("error_rate=0.5"), QStringLiteral("jitter_ms=100"),
                              QStringLiteral("reset_rate=0.2"), QStringLiteral("seed=3")});
        QList<int> first;
        QList<int> again;
        QList<int> other;
        for (quint64 n = 1; n <= 50; ++n) {
            auto code = [](const LabFaultDecision &d) { return d.delayMs * 4 + (d.error ? 2 : 0) + (d.reset ? 1 : 0); };
            first << code(decideLabFault(faults, n));
            again << code(decideLabFault(faults, n));
            auto reseeded = faults;
            reseeded.seed = 4;
            other << code(decideLabFault(reseeded, n));
        }
        QCOMPARE(first, again);
        QVERIFY(first != other);
        const auto errors = std::count_if(first.begin(), first.end(), [](int c) { return c & 2; });
        QVERIFY2(errors > 10 && errors < 40, qPrintable(QString::number(errors)));
    }

    void injectedErrorsSayWhatHappened()
    {
        m_server.setFaults(parsed({QStringLiteral("error_rate=1"), QStringLiteral("error_status=500")}));
        const auto reply = fetch(m_manager, at(QStringLiteral("/users/1")));
        QCOMPARE(reply.status, 500);
        QCOMPARE(reply.faultNote, QByteArray("server injected 500 (error rate 100%)"));
        QCOMPARE(fetch(m_manager, at(QStringLiteral("/stats"))).status, 200); // the observer is spared
    }

    void aPathPrefixSparesTheRest()
    {
        m_server.setFaults(parsed({QStringLiteral("error_rate=1"), QStringLiteral("path=/products")}));
        QCOMPARE(fetch(m_manager, at(QStringLiteral("/products/1"))).status, 503);
        const auto spared = fetch(m_manager, at(QStringLiteral("/users/1")));
        QCOMPARE(spared.status, 200);
        QVERIFY(spared.faultNote.isEmpty());
    }

    void latencyIsNoted()
    {
        m_server.setFaults(parsed({QStringLiteral("latency_ms=30"), QStringLiteral("jitter_ms=20")}));
        const auto reply = fetch(m_manager, at(QStringLiteral("/delay/0")));
        QCOMPARE(reply.status, 200);
        QVERIFY2(reply.faultNote.startsWith("server added ")
                     && reply.faultNote.endsWith(" ms of latency (latency 30 ms + up to 20 ms)"),
                 reply.faultNote.constData());
    }

    void theRateLimitAnswers429WithRetryAfter()
    {
        m_server.setFaults(parsed({QStringLiteral("rate_limit=2")}));
        const auto refusedBefore = m_server.stats().refused;
        QList<int> statuses;
        Fetched last;
        for (int i = 0; i < 4; ++i) {
            last = fetch(m_manager, at(QStringLiteral("/delay/0")));
            statuses << last.status;
        }
        // A one-second window: on a slow machine the window may turn over once in the four.
        QVERIFY2(statuses.count(429) >= 1, qPrintable(QString::number(statuses.count(429))));
        QCOMPARE(statuses.first(), 200);
        const auto limited = statuses.lastIndexOf(429);
        QVERIFY(limited >= 2);
        QVERIFY(m_server.stats().refused > refusedBefore);
        if (last.status == 429) {
            QCOMPARE(last.retryAfter, QByteArray("1"));
            QVERIFY(last.faultNote.contains("server refused with 429, Retry-After 1 s (rate limit 2/s)"));
        }
    }

    void theCapacityLimitQueuesAtTheServer()
    {
        m_server.setFaults(parsed({QStringLiteral("capacity=1"), QStringLiteral("latency_ms=150")}));
        // Three requests at once, over three connections of their own.
        std::vector<std::unique_ptr<QNetworkAccessManager>> managers;
        std::vector<std::unique_ptr<QNetworkReply>> replies;
        for (int i = 0; i < 3; ++i) {
            managers.push_back(std::make_unique<QNetworkAccessManager>());
            replies.emplace_back(managers.back()->get(QNetworkRequest(at(QStringLiteral("/delay/0")))));
        }
        QVERIFY(testing::eventually([&] { return m_server.stats().queued == 2; }, 5000));
        QVERIFY(testing::eventually(
            [&] { return std::all_of(replies.begin(), replies.end(), [](const auto &r) { return r->isFinished(); }); },
            10'000));
        int queuedNotes = 0;
        for (const auto &reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            const auto note = reply->rawHeader(labFaultHeader);
            if (note.startsWith("queued "))
                ++queuedNotes;
            QVERIFY2(!note.startsWith("queued ") || note.contains(" ms at the server: capacity 1; server added 150 ms"),
                     note.constData());
        }
        QCOMPARE(queuedNotes, 2);
        QCOMPARE(m_server.stats().queued, 0);
    }

    void aClientThatLeavesLeavesTheQueue()
    {
        m_server.setFaults(parsed({QStringLiteral("capacity=1"), QStringLiteral("latency_ms=2000")}));
        QNetworkAccessManager first;
        QNetworkAccessManager second;
        std::unique_ptr<QNetworkReply> served(first.get(QNetworkRequest(at(QStringLiteral("/delay/0")))));
        QVERIFY(testing::eventually([&] { return m_server.stats().inFlight == 1; }, 5000));
        std::unique_ptr<QNetworkReply> waiting(second.get(QNetworkRequest(at(QStringLiteral("/delay/0")))));
        QVERIFY(testing::eventually([&] { return m_server.stats().queued == 1; }, 5000));
        waiting->abort(); // what a client's timeout does
        QVERIFY(testing::eventually([&] { return m_server.stats().queued == 0; }, 5000));
        served->abort();
        QVERIFY(testing::eventually([&] { return m_server.stats().inFlight == 0; }, 5000));
    }

    void aRaisedCapacityLetsTheQueueIn()
    {
        m_server.setFaults(parsed({QStringLiteral("capacity=1"), QStringLiteral("latency_ms=3000")}));
        QNetworkAccessManager first;
        QNetworkAccessManager second;
        std::unique_ptr<QNetworkReply> served(first.get(QNetworkRequest(at(QStringLiteral("/delay/0")))));
        QVERIFY(testing::eventually([&] { return m_server.stats().inFlight == 1; }, 5000));
        std::unique_ptr<QNetworkReply> waiting(second.get(QNetworkRequest(at(QStringLiteral("/delay/0")))));
        QVERIFY(testing::eventually([&] { return m_server.stats().queued == 1; }, 5000));
        m_server.setFaults({}); // healthy: no capacity limit, no latency for what starts now
        QVERIFY(testing::eventually([&] { return waiting->isFinished(); }, 2500));
        QCOMPARE(waiting->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        served->abort();
    }

    void aResetBreaksTheAnswerMidway()
    {
        m_server.setFaults(parsed({QStringLiteral("reset_rate=1")}));
        const auto reply = fetch(m_manager, at(QStringLiteral("/bytes/20000")));
        QVERIFY2(reply.error != QNetworkReply::NoError, qPrintable(QString::number(reply.error)));
        QVERIFY(reply.body.size() < 20000);
        m_server.setFaults({});
        QCOMPARE(fetch(m_manager, at(QStringLiteral("/bytes/100"))).status, 200); // a new connection works
    }

    void aSlowBodyTrickles()
    {
        m_server.setFaults(parsed({QStringLiteral("slow_body_bps=4000")}));
        const auto reply = fetch(m_manager, at(QStringLiteral("/bytes/1000")));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body.size(), 1000);
        QVERIFY2(reply.bodyPieces >= 3, qPrintable(QString::number(reply.bodyPieces))); // 200 bytes every 50 ms
        QCOMPARE(reply.faultNote, QByteArray("server sent the body at 4000 bytes/s"));
    }

    void anOutageRefusesUntilItEnds()
    {
        const auto refusedBefore = m_server.stats().refused;
        m_server.setFaults(parsed({QStringLiteral("outage_ms=60000")}));
        QVERIFY(m_server.stats().outageRemainingMs > 50'000);
        QNetworkAccessManager fresh;
        const auto refused = fetch(fresh, at(QStringLiteral("/delay/0")));
        QVERIFY2(refused.error != QNetworkReply::NoError, qPrintable(QString::number(refused.error)));
        QCOMPARE(refused.status, 0);
        QVERIFY(m_server.stats().refused > refusedBefore);
        m_server.setFaults({}); // the teacher ends it early
        QCOMPARE(fetch(fresh, at(QStringLiteral("/delay/0"))).status, 200);
    }

    void changesAreAnnouncedToWatchers()
    {
        QList<QString> seen;
        std::mutex mutex;
        auto token = m_server.watchFaults([&](const LabFaults &faults) {
            std::lock_guard lock(mutex);
            seen << faults.describe();
        });
        m_server.setFaults(parsed({QStringLiteral("capacity=3")}));
        const auto put = fetch(m_manager, at(QString::fromLatin1(labFaultsPath)), "PUT", R"({"error_rate": 0.5})");
        QCOMPARE(put.status, 200);
        token.reset();
        m_server.setFaults({});
        std::lock_guard lock(mutex);
        QCOMPARE(seen, (QList<QString>{QStringLiteral("capacity 3"), QStringLiteral("error rate 50% (503)")}));
    }

    void theControlApiGetsAndPuts()
    {
        const auto path = at(QString::fromLatin1(labFaultsPath));
        const auto healthy = fetch(m_manager, path);
        QCOMPARE(healthy.status, 200);
        QCOMPARE(healthy.object().value(QStringLiteral("description")).toString(), QStringLiteral("healthy"));
        QCOMPARE(healthy.object().value(QStringLiteral("error_rate")).toDouble(), 0.0);

        const auto put = fetch(m_manager, path, "PUT", R"({"preset": "flaky", "error_rate": 0.4, "path": "/users"})");
        QCOMPARE(put.status, 200);
        QCOMPARE(m_server.faults().preset, QStringLiteral("flaky"));
        QCOMPARE(m_server.faults().errorRate, 0.4);
        QCOMPARE(m_server.faults().pathPrefix, QStringLiteral("/users"));
        const auto got = fetch(m_manager, path);
        QCOMPARE(got.object(), put.object());
        // What GET says can be PUT back as it is.
        QCOMPARE(fetch(m_manager, path, "PUT", got.body).status, 200);
        QCOMPARE(m_server.faults().errorRate, 0.4);
        // The faults never touch the control API itself, nor is it counted.
        m_server.setFaults(parsed({QStringLiteral("error_rate=1"), QStringLiteral("rate_limit=1")}));
        const auto served = m_server.stats().served;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(fetch(m_manager, path).status, 200);
        QCOMPARE(m_server.stats().served, served);
    }

    void theControlApiRefusesBadBodiesAndChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QByteArray() << "the body is not JSON";
        QTest::newRow("malformed") << QByteArray(R"({"error_rate": )") << "the body is not JSON";
        QTest::newRow("not an object") << QByteArray("0.5") << "not JSON"; // Qt reads a bare number as no document
        QTest::newRow("unknown field") << QByteArray(R"({"error_rate": 0.1, "chaos": 1})") << "unknown fault \"chaos\"";
        QTest::newRow("latency_ms") << QByteArray(R"({"latency_ms": 30001})") << "latency_ms must be";
        QTest::newRow("jitter_ms") << QByteArray(R"({"jitter_ms": -1})") << "jitter_ms must be";
        QTest::newRow("error_rate") << QByteArray(R"({"error_rate": 2})") << "error_rate must be";
        QTest::newRow("error_status") << QByteArray(R"({"error_status": 302})") << "error_status must be";
        QTest::newRow("reset_rate") << QByteArray(R"({"reset_rate": "x"})") << "reset_rate must be";
        QTest::newRow("slow_body_bps") << QByteArray(R"({"slow_body_bps": 0.5})") << "slow_body_bps must be";
        QTest::newRow("capacity") << QByteArray(R"({"capacity": 10001})") << "capacity must be";
        QTest::newRow("rate_limit") << QByteArray(R"({"rate_limit": null})") << "\"rate_limit\" must be a number";
        QTest::newRow("outage_ms") << QByteArray(R"({"outage_ms": 600001})") << "outage_ms must be";
        QTest::newRow("seed") << QByteArray(R"({"seed": -3})") << "seed must be";
        QTest::newRow("path") << QByteArray(R"({"path": "no-slash"})") << "path must be";
        QTest::newRow("preset") << QByteArray(R"({"preset": "chaos"})") << "preset must be one of";
        QTest::newRow("oversized") << QByteArray(R"({"path": "/)" + QByteArray(8000, 'a') + R"("})")
                                   << "at most 4096 are read";
    }
    void theControlApiRefusesBadBodiesAndChangesNothing()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto before = parsed({QStringLiteral("capacity=7"), QStringLiteral("seed=9")});
        m_server.setFaults(before);
        const auto reply = fetch(m_manager, at(QString::fromLatin1(labFaultsPath)), "PUT", body);
        QCOMPARE(reply.status, 400);
        const auto error = reply.object().value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(m_server.faults(), before);
    }

    void theControlApiTakesOnlyGetAndPut()
    {
        const auto reply = fetch(m_manager, at(QString::fromLatin1(labFaultsPath)), "DELETE");
        QCOMPARE(reply.status, 405);
        QCOMPARE(m_server.url().host(), QStringLiteral("127.0.0.1")); // loopback only, faults or not
    }
};

QTEST_GUILESS_MAIN(TestLabFaults)
#include "tst_labfaults.moc"
