// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/parameter.h"

#include <QUrl>

#include <algorithm>
#include <array>
#include <cmath>

namespace coroscope::patterns {
namespace {

const ParameterSpec *findSpec(const ParameterSpecs &specs, const QString &name)
{
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const auto &spec) { return spec.name == name; });
    return it == specs.end() ? nullptr : &*it;
}

QString known(const ParameterSpecs &specs)
{
    QStringList names;
    for (const auto &spec : specs)
        names.append(spec.name);
    return names.isEmpty() ? QStringLiteral("this pattern has no parameters")
                           : QStringLiteral("known: ") + names.join(QStringLiteral(", "));
}

constexpr std::array allTypes{ParameterSpec::Type::Integer, ParameterSpec::Type::Real, ParameterSpec::Type::DurationMs,
                              ParameterSpec::Type::Url, ParameterSpec::Type::Text};

} // namespace

bool isNumeric(ParameterSpec::Type type)
{
    return type == ParameterSpec::Type::Integer || type == ParameterSpec::Type::Real
           || type == ParameterSpec::Type::DurationMs;
}

QString typeName(ParameterSpec::Type type)
{
    switch (type) {
    case ParameterSpec::Type::Integer: return QStringLiteral("integer");
    case ParameterSpec::Type::Real: return QStringLiteral("number");
    case ParameterSpec::Type::DurationMs: return QStringLiteral("duration");
    case ParameterSpec::Type::Url: return QStringLiteral("url");
    case ParameterSpec::Type::Text: return QStringLiteral("text");
    }
    return QStringLiteral("text");
}

std::optional<ParameterSpec::Type> typeFromName(const QString &name)
{
    const auto it = std::find_if(allTypes.begin(), allTypes.end(), [&](auto type) { return typeName(type) == name; });
    return it == allTypes.end() ? std::nullopt : std::optional(*it);
}

QStringList typeNames()
{
    QStringList names;
    for (const auto type : allTypes)
        names.append(typeName(type));
    return names;
}

QString ParameterSpec::validate(const QVariant &value) const
{
    if (isNumeric(type)) {
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok)
            return QStringLiteral("%1 must be a number").arg(name);
        // std::trunc rather than a cast to an integer: a huge number from a data file must not overflow.
        if (type != Type::Real && std::trunc(number) != number)
            return QStringLiteral("%1 must be a whole number").arg(name);
        if (number < minimum || number > maximum)
            return QStringLiteral("%1 must be between %2 and %3%4 (got %5)")
                .arg(name)
                .arg(minimum)
                .arg(maximum)
                .arg(unit.isEmpty() ? QString() : QLatin1Char(' ') + unit)
                .arg(number);
        return {};
    }
    if (type == Type::Url) {
        const QUrl url(value.toString(), QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
            || url.host().isEmpty())
            return QStringLiteral("%1 must be an http:// or https:// URL (got \"%2\")").arg(name, value.toString());
        return {};
    }
    return {};
}

ParameterSpec::Parsed ParameterSpec::parse(const QString &text) const
{
    QVariant value;
    switch (type) {
    case Type::Integer:
    case Type::DurationMs: {
        bool ok = false;
        const qlonglong number = text.trimmed().toLongLong(&ok);
        if (!ok)
            return {{}, QStringLiteral("%1 must be a whole number (got \"%2\")").arg(name, text)};
        value = number;
        break;
    }
    case Type::Real: {
        bool ok = false;
        const double number = text.trimmed().toDouble(&ok);
        if (!ok)
            return {{}, QStringLiteral("%1 must be a number (got \"%2\")").arg(name, text)};
        value = number;
        break;
    }
    case Type::Url:
    case Type::Text: value = text.trimmed(); break;
    }
    const auto error = validate(value);
    return {error.isEmpty() ? value : QVariant(), error};
}

ParameterValues resolveParameters(const ParameterSpecs &specs, const QVariantMap &overrides)
{
    ParameterValues result;
    for (const auto &spec : specs)
        result.values.insert(spec.name, spec.defaultValue);
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it) {
        const auto *spec = findSpec(specs, it.key());
        if (!spec) {
            result.errors.append(QStringLiteral("unknown parameter \"%1\" (%2)").arg(it.key(), known(specs)));
            continue;
        }
        if (const auto error = spec->validate(it.value()); !error.isEmpty())
            result.errors.append(error);
        else
            result.values.insert(spec->name, it.value());
    }
    return result;
}

ParameterValues parseAssignments(const ParameterSpecs &specs, const QStringList &assignments)
{
    ParameterValues result;
    QVariantMap overrides;
    for (const auto &assignment : assignments) {
        const auto equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            result.errors.append(QStringLiteral("expected name=value, got \"%1\"").arg(assignment));
            continue;
        }
        const auto name = assignment.left(equals).trimmed();
        const auto *spec = findSpec(specs, name);
        if (!spec) {
            result.errors.append(QStringLiteral("unknown parameter \"%1\" (%2)").arg(name, known(specs)));
            continue;
        }
        const auto parsed = spec->parse(assignment.mid(equals + 1));
        if (!parsed.ok())
            result.errors.append(parsed.error);
        else
            overrides.insert(name, parsed.value);
    }
    auto resolved = resolveParameters(specs, overrides);
    resolved.errors = result.errors + resolved.errors;
    return resolved;
}

} // namespace coroscope::patterns
