// SPDX-License-Identifier: GPL-3.0-or-later
// coroscope list, coroscope describe
#include "cli/commands.h"
#include "patterns/catalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace coroscope::cli {
namespace {

QJsonObject toJson(const patterns::PatternInfo &info)
{
    QJsonArray parameters;
    for (const auto &spec : info.parameters) {
        parameters.append(QJsonObject{{QStringLiteral("name"), spec.name},
                                      {QStringLiteral("label"), spec.label},
                                      {QStringLiteral("type"), patterns::typeName(spec.type)},
                                      {QStringLiteral("default"), QJsonValue::fromVariant(spec.defaultValue)},
                                      {QStringLiteral("minimum"), spec.minimum},
                                      {QStringLiteral("maximum"), spec.maximum},
                                      {QStringLiteral("unit"), spec.unit},
                                      {QStringLiteral("help"), spec.help}});
    }
    return {{QStringLiteral("id"), info.id},
            {QStringLiteral("title"), info.title},
            {QStringLiteral("category"), info.category},
            {QStringLiteral("summary"), info.summary},
            {QStringLiteral("explanation"), info.explanation},
            {QStringLiteral("what_to_look_for"), info.whatToLookFor},
            {QStringLiteral("seed_section"), info.seedSection},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("questions"), patterns::toJson(info.questions)}};
}

} // namespace

int listPatterns(const QStringList &arguments)
{
    const auto &catalog = patterns::Catalog::instance();
    if (arguments.contains(QLatin1String("--json"))) {
        QJsonArray list;
        for (const auto &pattern : catalog.patterns())
            list.append(toJson(pattern->info()));
        out() << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return Success;
    }
    if (!arguments.isEmpty()) {
        err() << "usage: coroscope list [--json]\n";
        return BadUsage;
    }
    for (const auto &category : catalog.categories()) {
        out() << category << '\n';
        for (const auto &pattern : catalog.patterns()) {
            const auto &info = pattern->info();
            if (info.category == category)
                out() << "  " << info.id.leftJustified(20) << info.title << '\n';
        }
    }
    return Success;
}

int describePattern(const QStringList &arguments)
{
    QStringList ids = arguments;
    const bool json = ids.removeAll(QStringLiteral("--json")) > 0;
    if (ids.size() != 1) {
        err() << "usage: coroscope describe ID [--json]\n";
        return BadUsage;
    }
    const auto *pattern = patterns::Catalog::instance().find(ids.front());
    if (!pattern) {
        err() << "coroscope: no pattern \"" << ids.front() << "\" (see coroscope list)\n";
        return BadUsage;
    }
    const auto &info = pattern->info();
    if (json) {
        out() << QJsonDocument(toJson(info)).toJson(QJsonDocument::Indented);
        return Success;
    }
    out() << info.title << "  [" << info.id << ", " << info.category << "]\n\n"
          << info.summary << "\n\n"
          << info.explanation << "\n\nWhat to look for:\n"
          << info.whatToLookFor << "\n\nMirrors: " << info.seedSection << "\n\nParameters (--set name=value):\n";
    for (const auto &spec : info.parameters) {
        out() << "  " << spec.name.leftJustified(16) << patterns::typeName(spec.type).leftJustified(10) << "default "
              << spec.defaultValue.toString();
        if (spec.maximum > spec.minimum)
            out() << ", " << spec.minimum << " to " << spec.maximum;
        if (!spec.unit.isEmpty())
            out() << ' ' << spec.unit;
        out() << "\n      " << spec.help << '\n';
    }
    if (!info.questions.empty())
        out() << "\nQuestions (coroscope run " << info.id << " --answers):\n";
    for (const auto &question : info.questions) {
        out() << "  " << question.text << '\n';
        for (const auto &choice : question.choices)
            out() << "    - " << choice.text << '\n';
    }
    return Success;
}

} // namespace coroscope::cli
