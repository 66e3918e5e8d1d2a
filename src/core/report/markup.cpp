// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/markup.h"

namespace coroscope::report {

void appendEscapedMarkup(QString &out, QStringView text)
{
    out.reserve(out.size() + text.size() + 16);
    const auto size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text[i];
        const char16_t u = c.unicode();
        switch (u) {
        case u'&': out += QLatin1String("&amp;"); continue;
        case u'<': out += QLatin1String("&lt;"); continue;
        case u'>': out += QLatin1String("&gt;"); continue;
        case u'"': out += QLatin1String("&quot;"); continue;
        case u'\'': out += QLatin1String("&#39;"); continue;
        default: break;
        }
        if (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') {
            out += QChar(QChar::ReplacementCharacter);
        } else if (c.isHighSurrogate() && i + 1 < size && text[i + 1].isLowSurrogate()) {
            out += c;
            out += text[++i];
        } else if (c.isSurrogate() || u == 0xFFFE || u == 0xFFFF) {
            out += QChar(QChar::ReplacementCharacter);
        } else {
            out += c;
        }
    }
}

QString escapeMarkup(QStringView text)
{
    QString out;
    appendEscapedMarkup(out, text);
    return out;
}

} // namespace coroscope::report
