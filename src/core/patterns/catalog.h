// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/library.h"

#include <QByteArray>
#include <QStringList>

#include <memory>
#include <span>
#include <vector>

namespace coroscope::patterns {

// A pattern's data file as read from the resources (or made up by a test): "semaphore.json".
struct PatternDataFile {
    QString name;
    QByteArray contents;
};

// Every pattern Coroscope can run, in teaching order: each body of the library joined with the
// data file named after its id.
class Catalog
{
public:
    // The library with the data files embedded in the binary, read once.
    static const Catalog &instance();
    // A pattern whose data file is missing or broken, or a data file with no body, is left out
    // and explained in errors().
    Catalog(const std::vector<PatternDataFile> &dataFiles, std::span<const PatternBinding> bindings);

    const std::vector<std::unique_ptr<Pattern>> &patterns() const { return m_patterns; }
    // nullptr for an unknown id.
    const Pattern *find(const QString &id) const;
    QStringList categories() const;
    QStringList ids() const;
    // One line per problem, naming the file: empty when every pattern loaded.
    const QStringList &errors() const { return m_errors; }

    // The embedded data files (":/patterns/data").
    static std::vector<PatternDataFile> embeddedDataFiles();
    // The text of a pattern's C++ source or Python reference file (from resources).
    static QString readResource(const QString &path);

private:
    std::vector<std::unique_ptr<Pattern>> m_patterns;
    QStringList m_errors;
};

} // namespace coroscope::patterns
