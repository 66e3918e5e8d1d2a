// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

#include <chrono>

namespace coroscope::io::lab {

class Exchange;
class ServerState;

// Thrown by an endpoint for nonsense input; the server answers 400 {"error": message}.
struct BadRequest {
    QString message;
};

// The caps that keep a request from tying the server up: over a cap is a 400, not a clamp.
namespace limits {
inline constexpr qint64 maxDelayMs = 30'000;
inline constexpr qint64 maxBytes = 10 * 1024 * 1024;
inline constexpr qint64 maxStreamLines = 1000;
inline constexpr qint64 maxIntervalMs = 10'000;
} // namespace limits

// What each endpoint does with its request. Runs on the server thread only; anything that
// takes time is a timer owned by the exchange, never a wait.
class Endpoints
{
public:
    void delay(Exchange &exchange, const QString &ms);
    void status(Exchange &exchange, const QString &code);
    void flaky(Exchange &exchange);
    void bytes(Exchange &exchange, const QString &count);
    void stream(Exchange &exchange, const QString &lines);
    void drip(Exchange &exchange);
    void user(Exchange &exchange, const QString &id);
    void orders(Exchange &exchange);
    void notifications(Exchange &exchange);
    void product(Exchange &exchange, const QString &id);
    void echo(Exchange &exchange);
    void stats(Exchange &exchange, const ServerState &state);
    // The control API: GET answers the faults in force, PUT replaces them (400 and no change on
    // a bad body).
    void faults(Exchange &exchange, ServerState &state);
    void notFound(Exchange &exchange);

    // Whether the n-th request (from 1) of the /flaky sequence `seed` fails at rate `fail`.
    static bool flakyFails(quint64 seed, quint64 n, double fail);

private:
    void streamLine(Exchange *exchange, qint64 line, qint64 lines, std::chrono::milliseconds interval);
    void dripPiece(Exchange *exchange, qint64 piece, qint64 pieces, qint64 bytes, std::chrono::milliseconds step);

    QHash<quint64, quint64> m_flakyRequests; // seed -> requests seen
};

} // namespace coroscope::io::lab
