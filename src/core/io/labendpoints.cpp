// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labendpoints.h"

#include "io/demodata.h"
#include "io/labexchange.h"
#include "io/labserverstate.h"

#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStringList>

#include <limits>
#include <optional>

namespace coroscope::io::lab {
namespace {

using namespace std::chrono_literals;

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// A whole number in [min, max]; `what` and `unit` only shape the message.
qint64 toInteger(const QString &text, const QString &what, qint64 min, qint64 max, const QString &unit = {})
{
    static const QRegularExpression wholeNumber(QStringLiteral("^[+-]?[0-9]+$"));
    const auto range = QStringLiteral("%1 must be between %2 and %3%4")
                           .arg(what)
                           .arg(min)
                           .arg(max)
                           .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit);
    if (!wholeNumber.match(text).hasMatch())
        throw BadRequest{QStringLiteral("%1 must be a whole number%2, got %3")
                             .arg(what, unit.isEmpty() ? QString() : QStringLiteral(" of ") + unit, quoted(text))};
    bool ok = false;
    const auto value = text.toLongLong(&ok);
    if (!ok) // all digits, but too many of them
        throw BadRequest{range + QStringLiteral(", got %1").arg(text)};
    if (value < min || value > max)
        throw BadRequest{range + QStringLiteral(", got %1").arg(value)};
    return value;
}

double toFraction(const QString &text, const QString &what)
{
    bool ok = false;
    const auto value = text.toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0))
        throw BadRequest{QStringLiteral("%1 must be a number between 0 and 1, got %2").arg(what, quoted(text))};
    return value;
}

// Refuses parameters the endpoint does not know (a typo should not silently do nothing) and
// parameters given twice.
void allowOnly(const Exchange &exchange, const QStringList &allowed)
{
    QStringList seen;
    for (const auto &[key, value] : exchange.query().queryItems(QUrl::FullyDecoded)) {
        Q_UNUSED(value)
        if (!allowed.contains(key)) {
            const auto hint = allowed.isEmpty() ? QStringLiteral("it takes none")
                                                : QStringLiteral("allowed: %1").arg(allowed.join(QStringLiteral(", ")));
            throw BadRequest{
                QStringLiteral("%1: unknown query parameter %2 (%3)").arg(exchange.path(), quoted(key), hint)};
        }
        if (seen.contains(key))
            throw BadRequest{QStringLiteral("%1: query parameter %2 given twice").arg(exchange.path(), quoted(key))};
        seen.append(key);
    }
}

std::optional<QString> parameter(const Exchange &exchange, const QString &key)
{
    if (!exchange.query().hasQueryItem(key))
        return std::nullopt;
    return exchange.query().queryItemValue(key, QUrl::FullyDecoded);
}

QString required(const Exchange &exchange, const QString &key, const QString &example)
{
    if (const auto value = parameter(exchange, key))
        return *value;
    throw BadRequest{
        QStringLiteral("%1 needs the query parameter %2, e.g. %3").arg(exchange.path(), quoted(key), example)};
}

int userIdFrom(const QString &text)
{
    const auto id = int(toInteger(text, QStringLiteral("user id"), 1, std::numeric_limits<int>::max()));
    return id;
}

bool isKnownStatus(int code)
{
    return QMetaEnum::fromType<QHttpServerResponder::StatusCode>().valueToKey(code) != nullptr;
}

// "ServiceUnavailable" -> "Service Unavailable": the enum keys are the reason phrases.
QString reasonPhrase(int code)
{
    const auto key = QString::fromLatin1(QMetaEnum::fromType<QHttpServerResponder::StatusCode>().valueToKey(code));
    QString phrase;
    for (qsizetype i = 0; i < key.size(); ++i) {
        const auto c = key.at(i);
        const bool afterLower = i > 0 && key.at(i - 1).isLower();
        const bool acronymEnds = i > 0 && key.at(i - 1).isUpper() && i + 1 < key.size() && key.at(i + 1).isLower();
        if (c.isUpper() && (afterLower || acronymEnds))
            phrase += QLatin1Char(' ');
        phrase += c;
    }
    return phrase;
}

quint64 splitMix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

QByteArray demoBytes(qint64 count)
{
    // Not random, but not a run of one byte either: compression and caches can't cheat.
    QByteArray data(count, Qt::Uninitialized);
    for (qint64 i = 0; i < count; ++i)
        data[i] = char((i * 131 + 7) & 0xff);
    return data;
}

// The demo-data endpoints take an optional ?latency_ms=N, so a pattern can make a service slow
// (the dashboard's three calls, a product API) and the waits show on the timeline.
void replyWithLatency(Exchange &exchange, const QJsonValue &json)
{
    const auto text = exchange.query().queryItemValue(QStringLiteral("latency_ms"));
    const auto latencyMs = text.isEmpty() ? 0
                                          : toInteger(text, QStringLiteral("latency_ms"), 0, limits::maxDelayMs,
                                                      QStringLiteral("ms"));
    if (latencyMs == 0) {
        exchange.reply(json);
        return;
    }
    auto *e = &exchange;
    exchange.after(std::chrono::milliseconds(latencyMs), [e, json] { e->reply(json); });
}

} // namespace

void Endpoints::delay(Exchange &exchange, const QString &ms)
{
    allowOnly(exchange, {});
    const auto delayMs = toInteger(ms, QStringLiteral("delay"), 0, limits::maxDelayMs, QStringLiteral("ms"));
    auto *e = &exchange;
    auto answer = [e, delayMs] {
        e->reply(QJsonObject{{QStringLiteral("delay_ms"), delayMs}, {QStringLiteral("request"), e->label()}});
    };
    if (delayMs == 0)
        answer();
    else
        exchange.after(std::chrono::milliseconds(delayMs), answer);
}

void Endpoints::status(Exchange &exchange, const QString &code)
{
    allowOnly(exchange, {});
    const auto status = int(toInteger(code, QStringLiteral("status"), 200, 599));
    if (!isKnownStatus(status))
        throw BadRequest{QStringLiteral("status %1 is not a status code this server knows").arg(status)};
    if (status == 204 || status == 304) { // these must not have a body
        exchange.replyStatus(status);
        return;
    }
    exchange.reply(QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("reason"), reasonPhrase(status)}},
                   status);
}

bool Endpoints::flakyFails(quint64 seed, quint64 n, double fail)
{
    const auto unit = double(splitMix(splitMix(seed) ^ n) >> 11) * 0x1.0p-53;
    return unit < fail;
}

void Endpoints::flaky(Exchange &exchange)
{
    allowOnly(exchange, {QStringLiteral("fail"), QStringLiteral("seed"), QStringLiteral("attempt")});
    const auto failText = parameter(exchange, QStringLiteral("fail"));
    const double fail = failText ? toFraction(*failText, QStringLiteral("fail")) : 0.5;
    const auto seedText = parameter(exchange, QStringLiteral("seed"));
    const auto attemptText = parameter(exchange, QStringLiteral("attempt"));
    if (attemptText && !seedText)
        throw BadRequest{QStringLiteral("attempt only makes sense with a seed")};

    QJsonObject body;
    bool fails = false;
    if (seedText) {
        // The n-th request with a seed fails or not as a pure function of (seed, n): the same
        // seed gives the same sequence on every run. `attempt` asks for one entry directly.
        const auto seed = quint64(toInteger(*seedText, QStringLiteral("seed"), 0, std::numeric_limits<qint64>::max()));
        const auto n = attemptText ? quint64(toInteger(*attemptText, QStringLiteral("attempt"), 1, 1'000'000'000))
                                   : ++m_flakyRequests[seed];
        fails = flakyFails(seed, n, fail);
        body.insert(QStringLiteral("seed"), qint64(seed));
        body.insert(QStringLiteral("attempt"), qint64(n));
    } else {
        fails = QRandomGenerator::global()->generateDouble() < fail;
    }
    body.insert(QStringLiteral("fail"), fail);
    if (fails) {
        body.insert(QStringLiteral("error"), QStringLiteral("flaky failure (fail rate %1)").arg(fail));
        body.insert(QStringLiteral("status"), 503);
        exchange.reply(body, 503);
    } else {
        body.insert(QStringLiteral("ok"), true);
        exchange.reply(body);
    }
}

void Endpoints::bytes(Exchange &exchange, const QString &count)
{
    allowOnly(exchange, {});
    const auto n = toInteger(count, QStringLiteral("byte count"), 0, limits::maxBytes);
    exchange.replyBytes(demoBytes(n), QByteArrayLiteral("application/octet-stream"));
}

void Endpoints::stream(Exchange &exchange, const QString &lines)
{
    allowOnly(exchange, {QStringLiteral("interval_ms")});
    const auto n = toInteger(lines, QStringLiteral("line count"), 0, limits::maxStreamLines);
    const auto intervalText = parameter(exchange, QStringLiteral("interval_ms"));
    const auto interval = intervalText ? toInteger(*intervalText, QStringLiteral("interval_ms"), 0,
                                                   limits::maxIntervalMs, QStringLiteral("ms"))
                                       : 100;
    const auto total = std::max<qint64>(n - 1, 0) * interval;
    if (total > limits::maxDelayMs)
        throw BadRequest{QStringLiteral("%1 lines every %2 ms would take %3 ms; the cap is %4 ms")
                             .arg(n)
                             .arg(interval)
                             .arg(total)
                             .arg(limits::maxDelayMs)};
    exchange.beginBody(QByteArrayLiteral("application/x-ndjson"), -1);
    streamLine(&exchange, 1, n, std::chrono::milliseconds(interval));
}

void Endpoints::streamLine(Exchange *exchange, qint64 line, qint64 lines, std::chrono::milliseconds interval)
{
    if (line > lines) {
        exchange->endBody();
        return;
    }
    const QJsonObject object{{QStringLiteral("line"), line}, {QStringLiteral("of"), lines}};
    exchange->writeBodyPart(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
    if (line == lines) {
        exchange->endBody();
        return;
    }
    exchange->after(interval,
                    [this, exchange, line, lines, interval] { streamLine(exchange, line + 1, lines, interval); });
}

void Endpoints::drip(Exchange &exchange)
{
    allowOnly(exchange, {QStringLiteral("bytes"), QStringLiteral("duration_ms")});
    const auto bytesText = parameter(exchange, QStringLiteral("bytes"));
    const auto durationText = parameter(exchange, QStringLiteral("duration_ms"));
    const auto bytes = bytesText ? toInteger(*bytesText, QStringLiteral("bytes"), 0, limits::maxBytes) : 10;
    const auto duration = durationText ? toInteger(*durationText, QStringLiteral("duration_ms"), 0, limits::maxDelayMs,
                                                   QStringLiteral("ms"))
                                       : 2000;
    // At most one write every 10 ms: a trickle, not a timer storm.
    const auto pieces = bytes == 0 ? 0 : std::clamp<qint64>(duration / 10, 1, bytes);
    exchange.beginBody(QByteArrayLiteral("application/octet-stream"), bytes);
    if (pieces == 0) {
        exchange.endBody();
        return;
    }
    const auto step = std::chrono::milliseconds(duration / pieces);
    auto *e = &exchange;
    exchange.after(step, [this, e, pieces, bytes, step] { dripPiece(e, 0, pieces, bytes, step); });
}

void Endpoints::dripPiece(Exchange *exchange, qint64 piece, qint64 pieces, qint64 bytes, std::chrono::milliseconds step)
{
    const auto size = bytes * (piece + 1) / pieces - bytes * piece / pieces;
    exchange->writeBodyPart(QByteArray(size, '*'));
    if (piece + 1 == pieces) {
        exchange->endBody();
        return;
    }
    exchange->after(
        step, [this, exchange, piece, pieces, bytes, step] { dripPiece(exchange, piece + 1, pieces, bytes, step); });
}

void Endpoints::user(Exchange &exchange, const QString &id)
{
    allowOnly(exchange, {QStringLiteral("latency_ms")});
    const int userId = userIdFrom(id);
    if (!demo::isUser(userId)) {
        exchange.replyError(404, QStringLiteral("no user %1 (users are 1 to %2)").arg(userId).arg(demo::userCount));
        return;
    }
    replyWithLatency(exchange, demo::toJson(demo::user(userId)));
}

void Endpoints::orders(Exchange &exchange)
{
    allowOnly(exchange, {QStringLiteral("user"), QStringLiteral("latency_ms")});
    const int userId = userIdFrom(required(exchange, QStringLiteral("user"), QStringLiteral("/orders?user=1")));
    if (!demo::isUser(userId)) {
        exchange.replyError(404, QStringLiteral("no user %1 (users are 1 to %2)").arg(userId).arg(demo::userCount));
        return;
    }
    QJsonArray orders;
    for (const auto &order : demo::ordersOf(userId))
        orders.append(demo::toJson(order));
    replyWithLatency(exchange, orders);
}

void Endpoints::notifications(Exchange &exchange)
{
    allowOnly(exchange, {QStringLiteral("user"), QStringLiteral("latency_ms")});
    const int userId = userIdFrom(required(exchange, QStringLiteral("user"), QStringLiteral("/notifications?user=1")));
    if (!demo::isUser(userId)) {
        exchange.replyError(404, QStringLiteral("no user %1 (users are 1 to %2)").arg(userId).arg(demo::userCount));
        return;
    }
    QJsonArray notifications;
    for (const auto &notification : demo::notificationsOf(userId))
        notifications.append(demo::toJson(notification));
    replyWithLatency(exchange, notifications);
}

void Endpoints::product(Exchange &exchange, const QString &id)
{
    allowOnly(exchange, {QStringLiteral("latency_ms")});
    const auto productId = int(toInteger(id, QStringLiteral("product id"), 1, std::numeric_limits<int>::max()));
    if (!demo::isProduct(productId)) {
        exchange.replyError(
            404, QStringLiteral("no product %1 (products are 1 to %2)").arg(productId).arg(demo::productCount));
        return;
    }
    replyWithLatency(exchange, demo::toJson(demo::product(productId)));
}

void Endpoints::echo(Exchange &exchange)
{
    QJsonObject query;
    for (const auto &[key, value] : exchange.query().queryItems(QUrl::FullyDecoded))
        query.insert(key, value);
    QJsonParseError error{};
    const auto json = QJsonDocument::fromJson(exchange.body(), &error);
    const auto label = exchange.label();
    exchange.reply(QJsonObject{
        {QStringLiteral("method"), label.left(label.indexOf(QLatin1Char(' ')))},
        {QStringLiteral("path"), exchange.path()},
        {QStringLiteral("query"), query},
        {QStringLiteral("body"), QString::fromUtf8(exchange.body())},
        {QStringLiteral("json"), error.error == QJsonParseError::NoError
                                     ? (json.isArray() ? QJsonValue(json.array()) : QJsonValue(json.object()))
                                     : QJsonValue()},
    });
}

void Endpoints::stats(Exchange &exchange, const ServerState &state)
{
    allowOnly(exchange, {});
    exchange.reply(QJsonObject{
        {QStringLiteral("served"), state.served.load()},
        {QStringLiteral("in_flight"), state.inFlight.load()},
        {QStringLiteral("connections"), state.connections.load()},
        {QStringLiteral("queued"), state.queued.load()},
        {QStringLiteral("refused"), state.refused.load()},
        {QStringLiteral("outage_remaining_ms"), state.outageRemainingMs()},
    });
}

void Endpoints::faults(Exchange &exchange, ServerState &state)
{
    allowOnly(exchange, {});
    if (exchange.method() == QHttpServerRequest::Method::Put) {
        const auto parsed = parseLabFaultsJson(exchange.body());
        if (!parsed.faults)
            throw BadRequest{QStringLiteral("%1: %2").arg(exchange.label(), parsed.errors.join(QStringLiteral("; ")))};
        state.setFaults(*parsed.faults);
    } else if (exchange.method() != QHttpServerRequest::Method::Get) {
        exchange.replyError(405, QStringLiteral("%1: the control API takes GET and PUT").arg(exchange.label()));
        return;
    }
    auto json = toJson(state.faults());
    json.insert(QStringLiteral("description"), state.faults().describe());
    exchange.reply(json);
}

void Endpoints::notFound(Exchange &exchange)
{
    exchange.replyError(404, QStringLiteral("no endpoint %1; try /delay/{ms}, /status/{code}, /flaky, /bytes/{n}, "
                                            "/stream/{n}, /drip, /users/{id}, /orders?user=, /notifications?user=, "
                                            "/products/{id}, /echo, /stats or /_lab/faults")
                                 .arg(exchange.label()));
}

} // namespace coroscope::io::lab
