// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/labfaults.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>
#include <vector>

namespace coroscope::io {
namespace {

quint64 splitMix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// A number in [0, 1) for one (seed, request, question): each fault asks its own question, so
// turning one on does not change the dice of another.
double unitRandom(quint32 seed, quint64 request, quint64 question)
{
    return double(splitMix(splitMix(splitMix(seed) ^ request) ^ question) >> 11) * 0x1.0p-53;
}

QString percent(double fraction)
{
    return QString::number(fraction * 100.0, 'g', 3) + QLatin1Char('%');
}

enum class Kind { Integer, Fraction, Path };

struct Setting {
    const char *name;
    Kind kind;
    qint64 minimum;
    qint64 maximum;
    const char *unit;
    std::function<void(LabFaults &, const QString &, double)> store;
    std::function<QJsonValue(const LabFaults &)> load;
};

template<typename Member>
Setting integer(const char *name, Member member, qint64 minimum, qint64 maximum, const char *unit)
{
    return {name,
            Kind::Integer,
            minimum,
            maximum,
            unit,
            [member](LabFaults &f, const QString &, double value) {
                f.*member = std::remove_reference_t<decltype(f.*member)>(value);
            },
            [member](const LabFaults &f) { return QJsonValue(qint64(f.*member)); }};
}

Setting fraction(const char *name, double LabFaults::*member)
{
    return {name,
            Kind::Fraction,
            0,
            1,
            "",
            [member](LabFaults &f, const QString &, double value) { f.*member = value; },
            [member](const LabFaults &f) { return QJsonValue(f.*member); }};
}

const std::vector<Setting> &settings()
{
    static const std::vector<Setting> table{
        {"path", Kind::Path, 0, 200, "", [](LabFaults &f, const QString &text, double) { f.pathPrefix = text; },
         [](const LabFaults &f) { return QJsonValue(f.pathPrefix); }},
        integer("latency_ms", &LabFaults::latencyMs, 0, 30'000, "ms"),
        integer("jitter_ms", &LabFaults::jitterMs, 0, 30'000, "ms"),
        fraction("error_rate", &LabFaults::errorRate),
        integer("error_status", &LabFaults::errorStatus, 400, 599, ""),
        fraction("reset_rate", &LabFaults::resetRate),
        integer("slow_body_bps", &LabFaults::slowBodyBytesPerSecond, 0, 100'000'000, "bytes per second"),
        integer("capacity", &LabFaults::capacity, 0, 10'000, "requests"),
        integer("rate_limit", &LabFaults::rateLimitPerSecond, 0, 1'000'000, "requests per second"),
        integer("outage_ms", &LabFaults::outageMs, 0, 600'000, "ms"),
        integer("seed", &LabFaults::seed, 0, 4'294'967'295, ""),
    };
    return table;
}

const Setting *findSetting(const QString &name)
{
    for (const auto &setting : settings()) {
        if (name == QLatin1String(setting.name))
            return &setting;
    }
    return nullptr;
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text.left(60) + (text.size() > 60 ? QStringLiteral("...\"") : QStringLiteral("\""));
}

// Stores `text` into `faults`, or says why it cannot.
std::optional<QString> store(LabFaults &faults, const Setting &setting, const QString &text)
{
    const auto name = QLatin1String(setting.name);
    const auto unit = QLatin1String(setting.unit);
    const QString unitSuffix = unit.isEmpty() ? QString() : QLatin1Char(' ') + unit;
    switch (setting.kind) {
    case Kind::Path: {
        static const QRegularExpression pathShape(QStringLiteral("^(/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?$"));
        if (text.size() > setting.maximum || !pathShape.match(text).hasMatch())
            return QStringLiteral("path must be empty or a URL path starting with / of at most %1 characters, got %2")
                .arg(setting.maximum)
                .arg(quoted(text));
        setting.store(faults, text, 0);
        return std::nullopt;
    }
    case Kind::Fraction: {
        bool ok = false;
        const double value = text.toDouble(&ok);
        if (!ok || !(value >= 0.0 && value <= 1.0))
            return QStringLiteral("%1 must be a number between 0 and 1, got %2").arg(name, quoted(text));
        setting.store(faults, text, value);
        return std::nullopt;
    }
    case Kind::Integer: {
        static const QRegularExpression wholeNumber(QStringLiteral("^[+-]?[0-9]{1,12}$"));
        bool ok = wholeNumber.match(text).hasMatch();
        const qint64 value = ok ? text.toLongLong(&ok) : 0;
        if (!ok || value < setting.minimum || value > setting.maximum)
            return QStringLiteral("%1 must be a whole number from %2 to %3%4, got %5")
                .arg(name)
                .arg(setting.minimum)
                .arg(setting.maximum)
                .arg(unitSuffix, quoted(text));
        setting.store(faults, text, double(value));
        return std::nullopt;
    }
    }
    return std::nullopt;
}

LabFaults preset(std::function<void(LabFaults &)> adjust, const char *id)
{
    LabFaults faults;
    faults.preset = QLatin1String(id);
    adjust(faults);
    return faults;
}

} // namespace

bool LabFaults::isHealthy() const
{
    LabFaults healthy;
    healthy.seed = seed;
    healthy.preset = preset;
    healthy.pathPrefix = pathPrefix;
    return *this == healthy;
}

bool LabFaults::appliesTo(const QString &path) const
{
    return pathPrefix.isEmpty() || path.startsWith(pathPrefix);
}

QString LabFaults::describe() const
{
    QStringList parts;
    if (latencyMs > 0 || jitterMs > 0)
        parts << QStringLiteral("latency %1 ms%2")
                     .arg(latencyMs)
                     .arg(jitterMs > 0 ? QStringLiteral(" + up to %1 ms").arg(jitterMs) : QString());
    if (errorRate > 0)
        parts << QStringLiteral("error rate %1 (%2)").arg(percent(errorRate)).arg(errorStatus);
    if (resetRate > 0)
        parts << QStringLiteral("reset rate %1").arg(percent(resetRate));
    if (slowBodyBytesPerSecond > 0)
        parts << QStringLiteral("slow body %1 bytes/s").arg(slowBodyBytesPerSecond);
    if (capacity > 0)
        parts << QStringLiteral("capacity %1").arg(capacity);
    if (rateLimitPerSecond > 0)
        parts << QStringLiteral("rate limit %1/s").arg(rateLimitPerSecond);
    if (outageMs > 0)
        parts << QStringLiteral("outage for %1 ms").arg(outageMs);
    if (parts.isEmpty())
        return QStringLiteral("healthy");
    QString text = parts.join(QStringLiteral(", "));
    if (!pathPrefix.isEmpty())
        text += QStringLiteral(" on %1").arg(pathPrefix);
    return text;
}

LabFaults LabFaults::clamped() const
{
    auto f = *this;
    auto fraction = [](double x) { return std::isnan(x) ? 0.0 : std::clamp(x, 0.0, 1.0); };
    f.latencyMs = std::clamp(f.latencyMs, 0, 30'000);
    f.jitterMs = std::clamp(f.jitterMs, 0, 30'000);
    f.errorRate = fraction(f.errorRate);
    f.errorStatus = std::clamp(f.errorStatus, 400, 599);
    f.resetRate = fraction(f.resetRate);
    f.slowBodyBytesPerSecond = std::clamp(f.slowBodyBytesPerSecond, 0, 100'000'000);
    f.capacity = std::clamp(f.capacity, 0, 10'000);
    f.rateLimitPerSecond = std::clamp(f.rateLimitPerSecond, 0, 1'000'000);
    f.outageMs = std::clamp(f.outageMs, 0, 600'000);
    return f;
}

const QList<LabFaultPreset> &labFaultPresets()
{
    static const QList<LabFaultPreset> presets{
        {QStringLiteral("healthy"), QStringLiteral("Healthy"), preset([](LabFaults &) {}, "healthy")},
        {QStringLiteral("flaky"), QStringLiteral("Flaky network"),
         preset(
             [](LabFaults &f) {
                 f.latencyMs = 20;
                 f.jitterMs = 80;
                 f.errorRate = 0.3;
                 f.seed = 7;
             },
             "flaky")},
        {QStringLiteral("overloaded"), QStringLiteral("Overloaded service"),
         preset(
             [](LabFaults &f) {
                 f.latencyMs = 150;
                 f.capacity = 2;
             },
             "overloaded")},
        {QStringLiteral("rate-limited"), QStringLiteral("Rate-limited API"),
         preset([](LabFaults &f) { f.rateLimitPerSecond = 5; }, "rate-limited")},
        {QStringLiteral("outage"), QStringLiteral("Outage for 2 s"),
         preset([](LabFaults &f) { f.outageMs = 2000; }, "outage")},
    };
    return presets;
}

std::optional<LabFaults> labFaultPreset(const QString &id)
{
    for (const auto &p : labFaultPresets()) {
        if (p.id == id)
            return p.faults;
    }
    return std::nullopt;
}

LabFaultDecision decideLabFault(const LabFaults &faults, quint64 request)
{
    LabFaultDecision decision;
    decision.delayMs = faults.latencyMs;
    if (faults.jitterMs > 0)
        decision.delayMs += int(unitRandom(faults.seed, request, 1) * (faults.jitterMs + 1));
    decision.error = faults.errorRate > 0 && unitRandom(faults.seed, request, 2) < faults.errorRate;
    decision.reset = !decision.error && faults.resetRate > 0 && unitRandom(faults.seed, request, 3) < faults.resetRate;
    return decision;
}

QStringList labFaultSettingNames()
{
    QStringList names{QStringLiteral("preset")};
    for (const auto &setting : settings())
        names << QLatin1String(setting.name);
    return names;
}

LabFaultsParse parseLabFaults(const QList<QPair<QString, QString>> &pairs)
{
    LabFaultsParse result;
    LabFaults faults;
    QStringList seen;
    for (const auto &[name, value] : pairs) {
        if (seen.contains(name))
            result.errors << QStringLiteral("%1 is given twice").arg(quoted(name));
        seen << name;
        if (name == QLatin1String("preset")) {
            const auto chosen = labFaultPreset(value);
            if (!chosen) {
                QStringList ids;
                for (const auto &p : labFaultPresets())
                    ids << p.id;
                result.errors << QStringLiteral("preset must be one of %1, got %2")
                                     .arg(ids.join(QStringLiteral(", ")), quoted(value));
            } else {
                faults = *chosen;
            }
        }
    }
    for (const auto &[name, value] : pairs) {
        if (name == QLatin1String("preset"))
            continue;
        if (const auto *setting = findSetting(name)) {
            if (const auto problem = store(faults, *setting, value))
                result.errors << *problem;
        } else {
            result.errors << QStringLiteral("unknown fault %1 (known: %2)")
                                 .arg(quoted(name), labFaultSettingNames().join(QStringLiteral(", ")));
        }
    }
    if (result.errors.isEmpty())
        result.faults = faults;
    return result;
}

LabFaultsParse parseLabFaultAssignments(const QStringList &assignments)
{
    QList<QPair<QString, QString>> pairs;
    QStringList errors;
    for (const auto &assignment : assignments) {
        const auto equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            errors << QStringLiteral("a fault is name=value (e.g. error_rate=0.3), got %1").arg(quoted(assignment));
            continue;
        }
        pairs.append({assignment.left(equals).trimmed(), assignment.mid(equals + 1).trimmed()});
    }
    auto result = parseLabFaults(pairs);
    if (!errors.isEmpty()) {
        result.errors = errors + result.errors;
        result.faults.reset();
    }
    return result;
}

LabFaultsParse parseLabFaultsJson(const QByteArray &json)
{
    if (json.size() > maxLabFaultsJsonBytes)
        return {std::nullopt,
                {QStringLiteral("the body is %1 bytes; at most %2 are read").arg(json.size()).arg(maxLabFaultsJsonBytes)}};
    QJsonParseError error{};
    const auto document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return {std::nullopt,
                {QStringLiteral("the body is not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset)}};
    if (!document.isObject())
        return {std::nullopt, {QStringLiteral("the body must be a JSON object, e.g. {\"error_rate\": 0.3}")}};
    QList<QPair<QString, QString>> pairs;
    QStringList errors;
    const auto object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("description"))
            continue; // what GET adds for people: a GET body can be PUT back unchanged
        const auto value = it.value();
        if (value.isString())
            pairs.append({it.key(), value.toString()});
        else if (value.isDouble())
            pairs.append({it.key(), QString::number(value.toDouble(), 'g', 17)});
        else
            errors << QStringLiteral("%1 must be a number or a string").arg(quoted(it.key()));
    }
    auto result = parseLabFaults(pairs);
    if (!errors.isEmpty()) {
        result.errors = errors + result.errors;
        result.faults.reset();
    }
    return result;
}

QJsonObject toJson(const LabFaults &faults)
{
    QJsonObject object;
    if (!faults.preset.isEmpty())
        object.insert(QStringLiteral("preset"), faults.preset);
    for (const auto &setting : settings())
        object.insert(QLatin1String(setting.name), setting.load(faults));
    return object;
}

} // namespace coroscope::io
