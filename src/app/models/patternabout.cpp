// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/patternabout.h"

#include <QCoreApplication>

namespace coroscope::app {
namespace {

// Blank lines split paragraphs; single line breaks are only the data file's wrapping.
QString paragraphs(const QString &text)
{
    QString html;
    for (const auto &paragraph : text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>") + paragraph.trimmed().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1Char(' '))
                + QStringLiteral("</p>");
    return html;
}

} // namespace

QString patternAboutHtml(const patterns::PatternInfo &info)
{
    QString html
        = QStringLiteral("<h3>%1</h3><p><i>%2</i></p>").arg(info.title.toHtmlEscaped(), info.summary.toHtmlEscaped());
    html += paragraphs(info.explanation);
    if (!info.whatToLookFor.isEmpty())
        html += QCoreApplication::translate("PatternAbout", "<h4>What to look for</h4>") + paragraphs(info.whatToLookFor);
    if (!info.seedSection.isEmpty())
        html += QCoreApplication::translate("PatternAbout", "<p style='color:gray'>Python guide: %1</p>")
                    .arg(info.seedSection.toHtmlEscaped());
    html += QCoreApplication::translate("PatternAbout",
                                        "<p style='color:gray'>Command line: <code>coroscope run %1</code></p>")
                .arg(info.id.toHtmlEscaped());
    return html;
}

} // namespace coroscope::app
