// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/catalog.h"

#include "patterns/patterndata.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace coroscope::patterns {
namespace {

const QString dataDirectory = QStringLiteral(":/patterns/data");
const QString dataSuffix = QStringLiteral(".json");

class DefinedPattern final : public Pattern
{
public:
    DefinedPattern(PatternInfo info, PatternBody body)
        : m_info(std::move(info))
        , m_body(body)
    {
    }
    const PatternInfo &info() const override { return m_info; }
    QCoro::Task<RunOutcome> run(const PatternContext &context) const override { return m_body(context); }

private:
    PatternInfo m_info;
    PatternBody m_body;
};

// Where a maintainer finds the file in the source tree.
QString dataFilePath(const QString &fileName)
{
    return QStringLiteral("resources/patterns/") + fileName;
}

// The code of pattern "db-query" is library/db_query.cpp and python/db_query.py.
QString codeFileName(const QString &id)
{
    return QString(id).replace(QLatin1Char('-'), QLatin1Char('_'));
}

} // namespace

const Catalog &Catalog::instance()
{
    static const Catalog catalog(embeddedDataFiles(), libraryBindings());
    return catalog;
}

Catalog::Catalog(const std::vector<PatternDataFile> &dataFiles, std::span<const PatternBinding> bindings)
{
    QHash<QString, PatternInfo> described;
    QSet<QString> broken; // explained already: their bodies are not reported again as lacking a file
    for (const auto &file : dataFiles) {
        if (!file.name.endsWith(dataSuffix)) {
            m_errors.append(dataFilePath(file.name) + QLatin1String(": not a pattern data file (<id>.json)"));
            continue;
        }
        const auto id = file.name.chopped(dataSuffix.size());
        if (described.contains(id) || broken.contains(id)) {
            m_errors.append(dataFilePath(file.name) + QLatin1String(": a second data file for pattern \"") + id
                            + QLatin1Char('"'));
            continue;
        }
        auto data = readPatternData(file.contents, id);
        if (!data.ok()) {
            for (const auto &error : std::as_const(data.errors))
                m_errors.append(dataFilePath(file.name) + QLatin1String(": ") + error);
            broken.insert(id);
            continue;
        }
        described.insert(id, std::move(data.info));
    }

    QSet<QString> bound;
    for (const auto &binding : bindings) {
        const auto id = QString::fromLatin1(binding.id);
        if (bound.contains(id)) {
            m_errors.append(QStringLiteral("pattern \"%1\" is registered twice (patterns/library.cpp)").arg(id));
            continue;
        }
        bound.insert(id);
        if (broken.contains(id))
            continue;
        if (!described.contains(id)) {
            m_errors.append(
                QStringLiteral("pattern \"%1\" has code but no data file (%2)").arg(id, dataFilePath(id + dataSuffix)));
            continue;
        }
        auto info = described.take(id);
        info.sourceFile = QStringLiteral(":/patterns/library/%1.cpp").arg(codeFileName(id));
        if (!QFile::exists(info.sourceFile)) {
            m_errors.append(QStringLiteral("pattern \"%1\": its code is not in src/core/patterns/library/%2.cpp")
                                .arg(id, codeFileName(id)));
            continue;
        }
        // A Python reference is welcome but not required.
        info.pythonFile = QStringLiteral(":/patterns/python/%1.py").arg(codeFileName(id));
        if (!QFile::exists(info.pythonFile))
            info.pythonFile.clear();
        m_patterns.push_back(std::make_unique<DefinedPattern>(std::move(info), binding.body));
    }

    auto unbound = described.keys();
    std::sort(unbound.begin(), unbound.end());
    for (const auto &id : std::as_const(unbound))
        m_errors.append(dataFilePath(id + dataSuffix)
                        + QLatin1String(": describes a pattern with no code (no entry in patterns/library.cpp)"));
}

std::vector<PatternDataFile> Catalog::embeddedDataFiles()
{
    std::vector<PatternDataFile> files;
    const QDir directory(dataDirectory);
    for (const auto &name : directory.entryList(QDir::Files, QDir::Name)) {
        QFile file(directory.filePath(name));
        // Unreadable, it reads as empty, which the check reports as not JSON.
        files.push_back({name, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray()});
    }
    return files;
}

const Pattern *Catalog::find(const QString &id) const
{
    const auto it = std::find_if(m_patterns.begin(), m_patterns.end(),
                                 [&](const auto &pattern) { return pattern->info().id == id; });
    return it == m_patterns.end() ? nullptr : it->get();
}

QStringList Catalog::categories() const
{
    QStringList names;
    for (const auto &pattern : m_patterns) {
        if (!names.contains(pattern->info().category))
            names.append(pattern->info().category);
    }
    return names;
}

QStringList Catalog::ids() const
{
    QStringList names;
    for (const auto &pattern : m_patterns)
        names.append(pattern->info().id);
    return names;
}

QString Catalog::readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

} // namespace coroscope::patterns
