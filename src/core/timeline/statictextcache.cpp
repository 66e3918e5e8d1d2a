// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/statictextcache.h"

#include <QFontMetricsF>

namespace coroscope::timeline {

const QStaticText &StaticTextCache::get(const QString &text, const QFont &font)
{
    if (font != m_font || m_texts.size() >= m_capacity) {
        m_texts.clear();
        m_font = font;
    }
    auto it = m_texts.find(text);
    if (it == m_texts.end()) {
        QStaticText laidOut(text);
        laidOut.setTextFormat(Qt::PlainText);
        laidOut.setPerformanceHint(QStaticText::AggressiveCaching);
        laidOut.prepare(QTransform(), font);
        it = m_texts.insert(text, laidOut);
    }
    return *it;
}

const QStaticText &StaticTextCache::elided(const QString &text, const QFont &font, double width)
{
    const auto &whole = get(text, font);
    if (whole.size().width() <= width)
        return whole;
    return get(QFontMetricsF(font).elidedText(text, Qt::ElideRight, width), font);
}

} // namespace coroscope::timeline
