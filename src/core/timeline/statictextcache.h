// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFont>
#include <QHash>
#include <QStaticText>

namespace coroscope::timeline {

// Laid-out text for strings painted over and over (lane names, event-log cells): shaping text is
// most of what a frame of a busy view costs, and the same few hundred strings come back every
// frame. Bounded; starts over when the font changes.
class StaticTextCache
{
public:
    explicit StaticTextCache(int capacity = 4096)
        : m_capacity(capacity)
    {
    }

    const QStaticText &get(const QString &text, const QFont &font);
    // `text`, elided on the right to fit `width`, laid out.
    const QStaticText &elided(const QString &text, const QFont &font, double width);

private:
    QHash<QString, QStaticText> m_texts;
    QFont m_font;
    int m_capacity;
};

} // namespace coroscope::timeline
