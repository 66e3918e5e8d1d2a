// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace coroscope::report {

// The one escaping function for everything a run puts into HTML, SVG or XML: element text and
// attribute values (single- or double-quoted) alike. Characters XML 1.0 forbids (most C0
// controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD so the output always parses.
QString escapeMarkup(QStringView text);
void appendEscapedMarkup(QString &out, QStringView text);

} // namespace coroscope::report
