// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <optional>
#include <vector>

namespace coroscope::patterns {

// A pattern's knob: what the parameter panel shows and what `--set name=value` accepts.
struct ParameterSpec {
    enum class Type { Integer, Real, DurationMs, Url, Text };

    QString name; // machine name, used on the command line: "tasks", "latency_ms"
    QString label; // for people: "Tasks", "Latency"
    Type type = Type::Integer;
    QVariant defaultValue;
    double minimum = 0;
    double maximum = 0; // Integer, Real and DurationMs only
    QString unit; // "ms", "tasks", "%"
    QString help;

    // The value `text` stands for, or an explanation of why it is not acceptable.
    struct Parsed {
        QVariant value;
        QString error;
        bool ok() const { return error.isEmpty(); }
    };
    Parsed parse(const QString &text) const;
    // Checks an already typed value (from the parameter panel or QSettings).
    QString validate(const QVariant &value) const;
};

using ParameterSpecs = std::vector<ParameterSpec>;

// The type's name in data files and in `coroscope list --json`: "integer", "number", "duration", "url", "text".
QString typeName(ParameterSpec::Type type);
std::optional<ParameterSpec::Type> typeFromName(const QString &name);
QStringList typeNames();
// Integer, Real and DurationMs: the types with a minimum and a maximum.
bool isNumeric(ParameterSpec::Type type);

// Defaults overlaid with `overrides`; unknown names and invalid values are reported, not ignored.
struct ParameterValues {
    QVariantMap values;
    QStringList errors;
};
ParameterValues resolveParameters(const ParameterSpecs &specs, const QVariantMap &overrides);
// Parses `name=value` pairs from the command line against the specs.
ParameterValues parseAssignments(const ParameterSpecs &specs, const QStringList &assignments);

} // namespace coroscope::patterns
