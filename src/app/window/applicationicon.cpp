// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/applicationicon.h"

#include "buildinfo.h"

#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace coroscope::app {

QIcon applicationIcon()
{
    // Rendered here rather than through Qt's SVG icon engine plugin, which a plain install of
    // the Qt libraries may lack.
    QIcon embedded;
    QSvgRenderer renderer(QStringLiteral(":/icons/%1.svg").arg(QLatin1String(buildinfo::applicationId)));
    for (const int size : {16, 22, 32, 48, 64, 128, 256}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        renderer.render(&painter);
        painter.end();
        embedded.addPixmap(pixmap);
    }
    return QIcon::fromTheme(QLatin1String(buildinfo::applicationId), embedded);
}

} // namespace coroscope::app
