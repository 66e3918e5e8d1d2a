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

constexpr int maximumQuestions = 3;
constexpr int minimumChoices = 2;
constexpr int maximumChoices = 6;

// Question and choice ids name them in `describe --json` and in the app's tally.
bool isMachineId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9][a-z0-9-]*$"));
    return pattern.match(id).hasMatch();
}

// The defaults stand in for a run's values: a factor that cannot be evaluated with them is broken.
QVariantMap defaultValues(const ParameterSpecs &specs)
{
    QVariantMap values;
    for (const auto &spec : specs)
        values.insert(spec.name, spec.defaultValue);
    return values;
}

QStringList readTaskNames(DocumentReader &reader, const QJsonArray &array, const QString &where)
{
    QStringList names;
    for (qsizetype index = 0; index < array.size(); ++index) {
        const auto at = QStringLiteral("%1[%2]").arg(where).arg(index);
        const auto name = array[index].toString();
        if (!array[index].isString() || name.trimmed().isEmpty())
            reader.fail(at, QStringLiteral("must be a task name, not %1").arg(describeJsonType(array[index])));
        else if (names.contains(name))
            reader.fail(at, QStringLiteral("%1 is named twice").arg(quoted(name)));
        else
            names.append(name);
    }
    return names;
}

QStringList readFactors(DocumentReader &reader, const QJsonArray &array, const QString &where, const QVariantMap &values)
{
    QStringList factors;
    for (qsizetype index = 0; index < array.size(); ++index) {
        const auto &factor = array[index];
        if (factor.isDouble() && std::isfinite(factor.toDouble()))
            factors.append(QString::number(factor.toDouble(), 'g', 17));
        else if (factor.isString())
            factors.append(factor.toString());
        else
            reader.fail(QStringLiteral("%1[%2]").arg(where).arg(index),
                        QStringLiteral("must be a number or a parameter name, not %1").arg(describeJsonType(factor)));
    }
    if (array.isEmpty())
        reader.fail(where, QStringLiteral("must name at least one factor"));
    else if (QString error; factors.size() == array.size() && !evaluateFactors(factors, values, &error))
        reader.fail(where, error);
    return factors;
}

// The claim of one choice, in the terms of its question's kind.
void readClaim(DocumentReader &reader, const QJsonObject &object, const QString &where, QuestionKind kind,
               const QVariantMap &values, QuestionChoice &choice)
{
    const auto claimPath = DocumentReader::path(where, QStringLiteral("claim"));
    const auto key = QStringLiteral("claim");
    switch (kind) {
    case QuestionKind::FirstToFinish: choice.tasks = QStringList{reader.text(object, where, key)}; break;
    case QuestionKind::FinishOrder:
        if (const auto order = reader.member(object, where, key, QJsonValue::Array, true)) {
            choice.tasks = readTaskNames(reader, order->toArray(), claimPath);
            if (order->toArray().size() < 2)
                reader.fail(claimPath, QStringLiteral("an order needs at least two tasks"));
        }
        break;
    case QuestionKind::TotalDuration:
    case QuestionKind::PeakInFlight:
        if (const auto factors = reader.member(object, where, key, QJsonValue::Array, true))
            choice.factors = readFactors(reader, factors->toArray(), claimPath, values);
        break;
    case QuestionKind::TickerKeepsTicking:
        if (const auto yes = reader.member(object, where, key, QJsonValue::Bool, true))
            choice.yes = yes->toBool();
        break;
    case QuestionKind::TaskStatus: {
        const auto status = reader.text(object, where, key);
        if (!status.isEmpty() && !trace::fromString(status, choice.status))
            reader.fail(claimPath, QStringLiteral("unknown status %1 (known: ok, error, cancelled)").arg(quoted(status)));
        break;
    }
    }
}

std::optional<Question> readQuestion(DocumentReader &reader, const QJsonObject &object, const QString &where,
                                     const QVariantMap &values)
{
    const int errorsBefore = reader.errors.size();
    reader.rejectUnknownMembers(object, where,
                                {QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("kind"),
                                 QStringLiteral("counter"), QStringLiteral("task"), QStringLiteral("during"),
                                 QStringLiteral("choices")});
    Question question;
    question.id = reader.text(object, where, QStringLiteral("id"));
    if (!question.id.isEmpty() && !isMachineId(question.id))
        reader.fail(DocumentReader::path(where, QStringLiteral("id")),
                    QStringLiteral("%1 must be lower-case letters, digits and -").arg(quoted(question.id)));
    question.text = reader.text(object, where, QStringLiteral("text"));
    const auto kindText = reader.text(object, where, QStringLiteral("kind"));
    const auto kind = kindFromName(kindText);
    if (!kindText.isEmpty() && !kind)
        reader.fail(
            DocumentReader::path(where, QStringLiteral("kind")),
            QStringLiteral("unknown kind %1 (known: %2)").arg(quoted(kindText), kindNames().join(QStringLiteral(", "))));
    if (!kind)
        return std::nullopt;
    question.kind = *kind;

    // Each kind names what it looks at, and only that.
    QStringList needed;
    if (question.kind == QuestionKind::PeakInFlight)
        needed = {QStringLiteral("counter")};
    else if (question.kind == QuestionKind::TaskStatus)
        needed = {QStringLiteral("task")};
    else if (question.kind == QuestionKind::TickerKeepsTicking)
        needed = {QStringLiteral("task"), QStringLiteral("during")};
    for (const auto &member : {QStringLiteral("counter"), QStringLiteral("task"), QStringLiteral("during")}) {
        if (needed.contains(member))
            continue;
        if (object.contains(member))
            reader.fail(DocumentReader::path(where, member),
                        QStringLiteral("a %1 question has none").arg(quoted(kindText)));
    }
    if (needed.contains(QStringLiteral("counter")))
        question.counter = reader.text(object, where, QStringLiteral("counter"));
    if (needed.contains(QStringLiteral("task")))
        question.task = reader.text(object, where, QStringLiteral("task"));
    if (needed.contains(QStringLiteral("during")))
        question.during = reader.text(object, where, QStringLiteral("during"));

    const auto choices = reader.member(object, where, QStringLiteral("choices"), QJsonValue::Array, true);
    const auto array = choices ? choices->toArray() : QJsonArray();
    const auto choicesPath = DocumentReader::path(where, QStringLiteral("choices"));
    if (choices && (array.size() < minimumChoices || array.size() > maximumChoices))
        reader.fail(
            choicesPath,
            QStringLiteral("must hold %1 to %2 choices (got %3)").arg(minimumChoices).arg(maximumChoices).arg(array.size()));
    for (qsizetype index = 0; index < array.size(); ++index) {
        const auto at = QStringLiteral("%1[%2]").arg(choicesPath).arg(index);
        if (!array[index].isObject()) {
            reader.fail(at, QStringLiteral("must be an object, not %1").arg(describeJsonType(array[index])));
            continue;
        }
        const auto choiceObject = array[index].toObject();
        reader.rejectUnknownMembers(choiceObject, at,
                                    {QStringLiteral("id"), QStringLiteral("text"), QStringLiteral("claim")});
        QuestionChoice choice;
        choice.id = reader.text(choiceObject, at, QStringLiteral("id"));
        if (!choice.id.isEmpty() && !isMachineId(choice.id))
            reader.fail(DocumentReader::path(at, QStringLiteral("id")),
                        QStringLiteral("%1 must be lower-case letters, digits and -").arg(quoted(choice.id)));
        const bool taken = std::any_of(question.choices.begin(), question.choices.end(),
                                       [&](const auto &other) { return other.id == choice.id; });
        if (taken && !choice.id.isEmpty())
            reader.fail(at, QStringLiteral("a second choice with the id %1").arg(quoted(choice.id)));
        choice.text = reader.text(choiceObject, at, QStringLiteral("text"));
        readClaim(reader, choiceObject, at, question.kind, values, choice);
        question.choices.push_back(std::move(choice));
    }
    if (reader.errors.size() != errorsBefore)
        return std::nullopt;
    return question;
}

Questions readQuestions(DocumentReader &reader, const QJsonArray &array, const ParameterSpecs &parameters)
{
    Questions questions;
    if (array.isEmpty() || array.size() > maximumQuestions)
        reader.fail(QStringLiteral("questions"),
                    QStringLiteral("must hold 1 to %1 questions (got %2)").arg(maximumQuestions).arg(array.size()));
    const auto values = defaultValues(parameters);
    for (qsizetype index = 0; index < array.size(); ++index) {
        const auto where = QStringLiteral("questions[%1]").arg(index);
        if (!array[index].isObject()) {
            reader.fail(where, QStringLiteral("must be an object, not %1").arg(describeJsonType(array[index])));
            continue;
        }
        auto question = readQuestion(reader, array[index].toObject(), where, values);
        if (!question)
            continue;
        const bool taken = std::any_of(questions.begin(), questions.end(),
                                       [&](const auto &other) { return other.id == question->id; });
        if (taken)
            reader.fail(where, QStringLiteral("a second question with the id %1").arg(quoted(question->id)));
        else
            questions.push_back(std::move(*question));
    }
    return questions;
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
    if (const auto questions = reader.member(root, top, QStringLiteral("questions"), QJsonValue::Array, false))
        info.questions = readQuestions(reader, questions->toArray(), info.parameters);
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
