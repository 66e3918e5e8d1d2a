// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace coroscope::io {

// What the lab server does wrong on purpose, so that a class sees retries, timeouts and limits
// meet a real failure. A value: the app's sliders, `--fault name=value` and the control API
// (PUT /_lab/faults) all build one and hand it to LabServer::setFaults().
struct LabFaults {
    QString preset; // the preset the settings started from ("flaky"), or empty
    QString pathPrefix; // faults hit only paths starting with it; empty: every endpoint
    int latencyMs = 0; // added before the answer
    int jitterMs = 0; // plus a random 0..jitterMs
    double errorRate = 0; // the share of requests answered with errorStatus instead
    int errorStatus = 503;
    double resetRate = 0; // the share of connections reset halfway through the answer's body
    int slowBodyBytesPerSecond = 0; // 0: the body goes at full speed
    int capacity = 0; // at most this many requests served at once, the rest queue; 0: no limit
    int rateLimitPerSecond = 0; // more requests than this in one second get 429; 0: no limit
    int outageMs = 0; // for this long after the change, every connection is closed unanswered
    quint32 seed = 1; // the random faults of request n are a function of (seed, n)

    bool isHealthy() const;
    bool appliesTo(const QString &path) const;
    // "error rate 30% (503), latency 200 ms + up to 50 ms", or "healthy".
    QString describe() const;
    // Every setting in range (what the sliders of the app rely on); NaN becomes 0.
    LabFaults clamped() const;

    friend bool operator==(const LabFaults &, const LabFaults &) = default;
};

// The named starting points a teacher picks from.
struct LabFaultPreset {
    QString id; // "flaky"
    QString title; // "Flaky network"
    LabFaults faults;
};
const QList<LabFaultPreset> &labFaultPresets();
std::optional<LabFaults> labFaultPreset(const QString &id);

// What the seeded random source decides for the n-th request (from 1) under `faults`.
struct LabFaultDecision {
    int delayMs = 0;
    bool error = false;
    bool reset = false;
};
LabFaultDecision decideLabFault(const LabFaults &faults, quint64 request);

// Reading settings from outside: `name=value` pairs (the CLI's --fault) and a JSON object (the
// control API). Settings start from healthy; `preset` first, whatever its place, then the rest
// on top of it. On any problem, nothing is returned and `errors` says each one.
struct LabFaultsParse {
    std::optional<LabFaults> faults;
    QStringList errors;
};
LabFaultsParse parseLabFaults(const QList<QPair<QString, QString>> &settings);
LabFaultsParse parseLabFaultAssignments(const QStringList &assignments); // "error_rate=0.3"
LabFaultsParse parseLabFaultsJson(const QByteArray &json);
// The JSON the control API answers GET with; parseLabFaultsJson() reads it back unchanged.
QJsonObject toJson(const LabFaults &faults);
// The names parseLabFaults() knows, for help texts and messages.
QStringList labFaultSettingNames();

inline constexpr qsizetype maxLabFaultsJsonBytes = 4096;
// The response header in which the lab server says what its faults did to a request.
inline constexpr const char *labFaultHeader = "X-Lab-Fault";

} // namespace coroscope::io
