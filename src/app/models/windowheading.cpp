// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/windowheading.h"

#include "app/models/openedtrace.h"
#include "patterns/patterninfo.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace coroscope::app {

namespace {

QString openedBanner(const OpenedTrace &opened)
{
    const QString name = opened.name.isEmpty() ? QString() : QStringLiteral(" “%1”").arg(opened.name);
    if (opened.historyId > 0)
        return QCoreApplication::translate("WindowHeading",
                                           "Stored run #%1%2 from %3, not a live run. Run (Ctrl+R) starts a new one.")
            .arg(opened.historyId)
            .arg(name, opened.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return QCoreApplication::translate("WindowHeading", "Imported trace %1%2, not a live run.")
        .arg(QFileInfo(opened.filePath).fileName(), name);
}

} // namespace

WindowHeading windowHeading(const patterns::PatternInfo *selected, const OpenedTrace *opened, bool running)
{
    WindowHeading heading;
    const QString title = selected ? selected->title : QString();
    const bool showsOpened = opened && !running;
    if (showsOpened)
        heading.banner = openedBanner(*opened);
    // Another tool's trace is no pattern of ours: the heading must not name the selected one.
    if (showsOpened && opened->patternId.isEmpty()) {
        heading.title = opened->name.isEmpty() ? opened->caption() : opened->name;
        heading.summary = QStringLiteral(
            "A trace from another tool: the code beside it is the selected pattern's, not this trace's.");
        heading.windowTitle = QCoreApplication::translate("WindowHeading", "%1 — Coroscope").arg(opened->caption());
        return heading;
    }
    heading.title = title;
    heading.summary = selected ? selected->summary : QString();
    if (showsOpened)
        heading.windowTitle
            = QCoreApplication::translate("WindowHeading", "%1 — %2 — Coroscope").arg(opened->caption(), title);
    else
        heading.windowTitle = title.isEmpty()
                                  ? QCoreApplication::translate("WindowHeading", "Coroscope")
                                  : QCoreApplication::translate("WindowHeading", "%1 — Coroscope").arg(title);
    return heading;
}

} // namespace coroscope::app
