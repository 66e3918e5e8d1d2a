// SPDX-License-Identifier: GPL-3.0-or-later
#include "patterns/catalog.h"

#include "patterns/library.h"

#include <QFile>

#include <algorithm>

namespace coroscope::patterns {
namespace {

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

} // namespace

std::unique_ptr<Pattern> definePattern(PatternInfo info, PatternBody body)
{
    return std::make_unique<DefinedPattern>(std::move(info), body);
}

const Catalog &Catalog::instance()
{
    static const Catalog catalog;
    return catalog;
}

Catalog::Catalog()
{
    m_patterns.push_back(makeSequential());
    m_patterns.push_back(makeGather());
    m_patterns.push_back(makeGatherErrors());
    m_patterns.push_back(makeTaskGroup());
    m_patterns.push_back(makeSemaphore());
    m_patterns.push_back(makeDbQuery());
    m_patterns.push_back(makeDbStream());
    m_patterns.push_back(makeDbBulk());
    m_patterns.push_back(makeHttpReuse());
    m_patterns.push_back(makeRetry());
    m_patterns.push_back(makeTimedOperation());
    m_patterns.push_back(makeResourceCleanup());
    m_patterns.push_back(makeBackgroundTask());
    m_patterns.push_back(makeExecutor());
    m_patterns.push_back(makeTimeout());
    m_patterns.push_back(makeWaitFor());
    m_patterns.push_back(makePitfallNoAwait());
    m_patterns.push_back(makePitfallBlocking());
    m_patterns.push_back(makePitfallUnbounded());
    m_patterns.push_back(makePitfallLeak());
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
