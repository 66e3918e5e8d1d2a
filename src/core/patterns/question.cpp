// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/question.h"

#include <QJsonObject>

#include <cmath>

namespace coroscope::patterns {
namespace {

struct KindName {
    QuestionKind kind;
    const char *name;
};
constexpr KindName kindNameTable[] = {
    {QuestionKind::FirstToFinish, "first_to_finish"},
    {QuestionKind::FinishOrder, "finish_order"},
    {QuestionKind::TotalDuration, "total_duration"},
    {QuestionKind::PeakInFlight, "peak_in_flight"},
    {QuestionKind::TickerKeepsTicking, "ticker_keeps_ticking"},
    {QuestionKind::TaskStatus, "task_status"},
};

std::optional<double> valueOf(const QString &term, const QVariantMap &values, QString *error)
{
    bool isNumber = false;
    const double number = term.toDouble(&isNumber);
    if (isNumber && std::isfinite(number))
        return number;
    const auto value = values.value(term);
    bool ok = false;
    const double parameter = value.toDouble(&ok);
    if (!value.isValid() || !ok) {
        if (error)
            *error = QStringLiteral("\"%1\" is neither a number nor a numeric parameter").arg(term);
        return std::nullopt;
    }
    return parameter;
}

} // namespace

QString kindName(QuestionKind kind)
{
    for (const auto &entry : kindNameTable) {
        if (entry.kind == kind)
            return QLatin1String(entry.name);
    }
    return {};
}

std::optional<QuestionKind> kindFromName(const QString &name)
{
    for (const auto &entry : kindNameTable) {
        if (name == QLatin1String(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

QStringList kindNames()
{
    QStringList names;
    for (const auto &entry : kindNameTable)
        names.append(QLatin1String(entry.name));
    return names;
}

std::optional<double> evaluateFactors(const QStringList &factors, const QVariantMap &values, QString *error)
{
    double product = 1;
    for (const auto &factor : factors) {
        const auto ratio = factor.split(QLatin1Char('/'));
        if (ratio.size() > 2) {
            if (error)
                *error = QStringLiteral("\"%1\" has more than one /").arg(factor);
            return std::nullopt;
        }
        const auto numerator = valueOf(ratio.front().trimmed(), values, error);
        if (!numerator)
            return std::nullopt;
        if (ratio.size() == 1) {
            product *= *numerator;
            continue;
        }
        const auto denominator = valueOf(ratio.back().trimmed(), values, error);
        if (!denominator)
            return std::nullopt;
        if (*denominator <= 0) {
            if (error)
                *error = QStringLiteral("\"%1\" divides by %2").arg(factor).arg(*denominator);
            return std::nullopt;
        }
        product *= std::ceil(*numerator / *denominator);
    }
    return product;
}

QJsonArray toJson(const Questions &questions)
{
    QJsonArray array;
    for (const auto &question : questions) {
        QJsonArray choices;
        for (const auto &choice : question.choices) {
            QJsonValue claim;
            switch (question.kind) {
            case QuestionKind::FirstToFinish: claim = choice.tasks.value(0); break;
            case QuestionKind::FinishOrder: claim = QJsonArray::fromStringList(choice.tasks); break;
            case QuestionKind::TotalDuration:
            case QuestionKind::PeakInFlight: {
                QJsonArray factors;
                for (const auto &factor : choice.factors) {
                    bool isNumber = false;
                    const double number = factor.toDouble(&isNumber);
                    factors.append(isNumber ? QJsonValue(number) : QJsonValue(factor));
                }
                claim = factors;
                break;
            }
            case QuestionKind::TickerKeepsTicking: claim = choice.yes; break;
            case QuestionKind::TaskStatus: claim = QLatin1String(trace::toString(choice.status)); break;
            }
            choices.append(QJsonObject{{QStringLiteral("id"), choice.id},
                                       {QStringLiteral("text"), choice.text},
                                       {QStringLiteral("claim"), claim}});
        }
        QJsonObject object{{QStringLiteral("id"), question.id},
                           {QStringLiteral("text"), question.text},
                           {QStringLiteral("kind"), kindName(question.kind)},
                           {QStringLiteral("choices"), choices}};
        for (const auto &[key, value] :
             {std::pair{QStringLiteral("counter"), question.counter}, std::pair{QStringLiteral("task"), question.task},
              std::pair{QStringLiteral("during"), question.during}}) {
            if (!value.isEmpty())
                object.insert(key, value);
        }
        array.append(object);
    }
    return array;
}

} // namespace coroscope::patterns
