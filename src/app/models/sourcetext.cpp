// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/sourcetext.h"

#include <QFileInfo>

namespace coroscope::app {

QString fileAndLine(const trace::Location &location)
{
    if (!location.isValid())
        return {};
    return QStringLiteral("%1:%2").arg(QFileInfo(location.file).fileName()).arg(location.line);
}

} // namespace coroscope::app
