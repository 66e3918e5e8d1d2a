// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace coroscope::patterns {

// Every pattern Coroscope can run, in teaching order.
class Catalog
{
public:
    static const Catalog &instance();

    const std::vector<std::unique_ptr<Pattern>> &patterns() const { return m_patterns; }
    // nullptr for an unknown id.
    const Pattern *find(const QString &id) const;
    QStringList categories() const;
    QStringList ids() const;

    // The text of a pattern's C++ source or Python reference file (from resources).
    static QString readResource(const QString &path);

private:
    Catalog();
    std::vector<std::unique_ptr<Pattern>> m_patterns;
};

} // namespace coroscope::patterns
