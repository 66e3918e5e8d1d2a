// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/patterndata.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace coroscope::patterns {
namespace {

// Larger than any description needs; a runaway file is refused before it is parsed.
constexpr qint64 maximumDocumentBytes = 1 << 20;

QString describeJsonType(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("true or false");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// Reads the members of one document, collecting every problem with where it is: "title",
// "parameters[1].default". A missing or mistyped member reads as empty, so reading goes on.
class DocumentReader
{
public:
    QStringList errors;

    void fail(const QString &where, const QString &problem) { errors.append(where + QLatin1String(": ") + problem); }

    // Members that are not in `known` are typing mistakes ("sumary") more often than not.
    void rejectUnknownMembers(const QJsonObject &object, const QString &where, const QStringList &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                fail(path(where, it.key()),
                     QStringLiteral("unknown member (known: %1)").arg(known.join(QStringLiteral(", "))));
        }
    }

    std::optional<QJsonValue> member(const QJsonObject &object, const QString &where, const QString &key,
                                     QJsonValue::Type type, bool required)
    {
        const auto value = object.value(key);
        if (value.isUndefined()) {
            if (required)
                fail(path(where, key), QStringLiteral("missing"));
            return std::nullopt;
        }
        if (value.type() != type) {
            fail(path(where, key),
                 QStringLiteral("must be %1, not %2").arg(describeJsonType(QJsonValue(type)), describeJsonType(value)));
            return std::nullopt;
        }
        return value;
    }

    // A string that must be there and say something.
    QString text(const QJsonObject &object, const QString &where, const QString &key)
    {
        const auto value = member(object, where, key, QJsonValue::String, true);
        if (value && value->toString().trimmed().isEmpty())
            fail(path(where, key), QStringLiteral("must not be empty"));
        return value ? value->toString() : QString();
    }

    QString optionalText(const QJsonObject &object, const QString &where, const QString &key)
    {
        const auto value = member(object, where, key, QJsonValue::String, false);
        return value ? value->toString() : QString();
    }

    std::optional<double> number(const QJsonObject &object, const QString &where, const QString &key)
    {
        const auto value = member(object, where, key, QJsonValue::Double, true);
        return value ? std::optional(value->toDouble()) : std::nullopt;
    }

    static QString path(const QString &where, const QString &key)
    {
        return where.isEmpty() ? key : where + QLatin1Char('.') + key;
    }
};

bool isWholeInt(double number)
{
    return std::trunc(number) == number && number >= std::numeric_limits<int>::min()
           && number <= std::numeric_limits<int>::max();
}

// A parameter; nullopt when it is too broken to offer (its problems are in `reader`).
std::optional<ParameterSpec> readParameter(DocumentReader &reader, const QJsonObject &object, const QString &where)
{
    const int errorsBefore = reader.errors.size();
    reader.rejectUnknownMembers(object, where,
                                {QStringLiteral("name"), QStringLiteral("label"), QStringLiteral("type"),
                                 QStringLiteral("default"), QStringLiteral("minimum"), QStringLiteral("maximum"),
                                 QStringLiteral("unit"), QStringLiteral("help")});
    ParameterSpec spec;
    spec.name = reader.text(object, where, QStringLiteral("name"));
    // The name is typed on the command line as `--set name=value`.
    static const QRegularExpression machineName(QStringLiteral("^[a-z][a-z0-9_]*$"));
    if (!spec.name.isEmpty() && !machineName.match(spec.name).hasMatch())
        reader.fail(DocumentReader::path(where, QStringLiteral("name")),
                    QStringLiteral("%1 must be lower-case letters, digits and _").arg(quoted(spec.name)));
    spec.label = reader.text(object, where, QStringLiteral("label"));
    spec.unit = reader.optionalText(object, where, QStringLiteral("unit"));
    spec.help = reader.text(object, where, QStringLiteral("help"));

    const auto typeText = reader.text(object, where, QStringLiteral("type"));
    const auto type = typeFromName(typeText);
    if (!typeText.isEmpty() && !type)
        reader.fail(
            DocumentReader::path(where, QStringLiteral("type")),
            QStringLiteral("unknown type %1 (known: %2)").arg(quoted(typeText), typeNames().join(QStringLiteral(", "))));
    if (!type)
        return std::nullopt;
    spec.type = *type;

    const auto defaultPath = DocumentReader::path(where, QStringLiteral("default"));
    if (isNumeric(spec.type)) {
        const auto minimum = reader.number(object, where, QStringLiteral("minimum"));
        const auto maximum = reader.number(object, where, QStringLiteral("maximum"));
        const auto initial = reader.number(object, where, QStringLiteral("default"));
        if (!minimum || !maximum || !initial)
            return std::nullopt;
        spec.minimum = *minimum;
        spec.maximum = *maximum;
        if (spec.minimum > spec.maximum)
            reader.fail(where, QStringLiteral("minimum %1 is above maximum %2").arg(spec.minimum).arg(spec.maximum));
        // Patterns read whole-number parameters with toInt().
        if (spec.type != ParameterSpec::Type::Real && !(isWholeInt(spec.minimum) && isWholeInt(spec.maximum)))
            reader.fail(where, QStringLiteral("minimum and maximum of %1 must be whole numbers of at most 32 bits")
                                   .arg(quoted(typeText)));
        else if (const auto error = spec.validate(*initial); !error.isEmpty())
            reader.fail(defaultPath, error);
        else // whole and within bounds that fit an int: the conversion cannot overflow
            spec.defaultValue = spec.type == ParameterSpec::Type::Real ? QVariant(*initial) : QVariant(int(*initial));
    } else {
        for (const auto &bound : {QStringLiteral("minimum"), QStringLiteral("maximum")}) {
            if (object.contains(bound))
                reader.fail(DocumentReader::path(where, bound),
                            QStringLiteral("only numeric types have one, not %1").arg(quoted(typeText)));
        }
        const auto initial = reader.member(object, where, QStringLiteral("default"), QJsonValue::String, true);
        if (!initial)
            return std::nullopt;
        spec.defaultValue = initial->toString();
        if (const auto error = spec.validate(spec.defaultValue); !error.isEmpty())
            reader.fail(defaultPath, error);
    }
    if (reader.errors.size() != errorsBefore)
        return std::nullopt;
    return spec;
}

ParameterSpecs readParameters(DocumentReader &reader, const QJsonArray &array)
{
    ParameterSpecs specs;
    for (qsizetype index = 0; index < array.size(); ++index) {
        const auto where = QStringLiteral("parameters[%1]").arg(index);
        if (!array[index].isObject()) {
            reader.fail(where, QStringLiteral("must be an object, not %1").arg(describeJsonType(array[index])));
            continue;
        }
        auto spec = readParameter(reader, array[index].toObject(), where);
        if (!spec)
            continue;
        const bool taken = std::any_of(specs.begin(), specs.end(),
                                       [&](const auto &other) { return other.name == spec->name; });
        if (taken)
            reader.fail(where, QStringLiteral("a second parameter named %1").arg(quoted(spec->name)));
        else
            specs.push_back(std::move(*spec));
    }
    return specs;
}

} // namespace

PatternData readPatternData(const QByteArray &document, const QString &expectedId)
{
    PatternData data;
    if (document.size() > maximumDocumentBytes) {
        data.errors.append(QStringLiteral("larger than %1 bytes: not a pattern description").arg(maximumDocumentBytes));
        return data;
    }
    QJsonParseError parseError;
    const auto json = QJsonDocument::fromJson(document, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        data.errors.append(QStringLiteral("not JSON: %1 at byte %2").arg(parseError.errorString()).arg(parseError.offset));
        return data;
    }
    if (!json.isObject()) {
        data.errors.append(QStringLiteral("must be a JSON object"));
        return data;
    }
    const auto root = json.object();
    DocumentReader reader;
    const QString top;
    reader.rejectUnknownMembers(root, top,
                                {QStringLiteral("format"), QStringLiteral("id"), QStringLiteral("title"),
                                 QStringLiteral("category"), QStringLiteral("seed_section"), QStringLiteral("summary"),
                                 QStringLiteral("explanation"), QStringLiteral("what_to_look_for"),
                                 QStringLiteral("parameters"), QStringLiteral("questions")});
    if (const auto format = reader.number(root, top, QStringLiteral("format")); format && *format != patternDataFormat)
        reader.fail(QStringLiteral("format"),
                    QStringLiteral("%1 is not a format this Coroscope reads (%2)").arg(*format).arg(patternDataFormat));

    auto &info = data.info;
    info.id = reader.text(root, top, QStringLiteral("id"));
    if (!info.id.isEmpty() && info.id != expectedId)
        reader.fail(
            QStringLiteral("id"),
            QStringLiteral("%1 does not match the file name, which says %2").arg(quoted(info.id), quoted(expectedId)));
    info.title = reader.text(root, top, QStringLiteral("title"));
    info.category = reader.text(root, top, QStringLiteral("category"));
    info.seedSection = reader.text(root, top, QStringLiteral("seed_section"));
    info.summary = reader.text(root, top, QStringLiteral("summary"));
    info.explanation = reader.text(root, top, QStringLiteral("explanation"));
    info.whatToLookFor = reader.text(root, top, QStringLiteral("what_to_look_for"));
    if (const auto parameters = reader.member(root, top, QStringLiteral("parameters"), QJsonValue::Array, true))
        info.parameters = readParameters(reader, parameters->toArray());
    reader.member(root, top, QStringLiteral("questions"), QJsonValue::Array, false);
    data.errors = reader.errors;
    return data;
}

PatternData readPatternData(QIODevice &device, const QString &expectedId)
{
    if (!device.isReadable())
        return {{}, {QStringLiteral("could not be read: %1").arg(device.errorString())}};
    // One byte over the limit is enough for the document overload to refuse it.
    return readPatternData(device.read(maximumDocumentBytes + 1), expectedId);
}

} // namespace coroscope::patterns
