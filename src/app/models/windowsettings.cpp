// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/windowsettings.h"

#include <QSettings>

#include <algorithm>
#include <cmath>

namespace coroscope::app {

namespace {

const QString parametersGroup = QStringLiteral("parameters");
const QString splitterPrefix = QStringLiteral("splitters/");

} // namespace

WindowSettings WindowSettings::read(const QSettings &settings)
{
    WindowSettings read;
    read.geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    read.dockState = settings.value(QStringLiteral("window/state")).toByteArray();
    for (const auto &key : settings.allKeys()) {
        if (key.startsWith(splitterPrefix))
            read.splitterStates.insert(key.mid(splitterPrefix.size()), settings.value(key).toByteArray());
        else if (key.startsWith(parametersGroup + QLatin1Char('/')))
            read.parameters.insert(key.mid(parametersGroup.size() + 1), settings.value(key).toMap());
    }
    read.nameColumnWidth = std::max(0, settings.value(QStringLiteral("timeline/nameColumnWidth")).toInt());
    read.fontSteps = std::clamp(settings.value(QStringLiteral("view/fontSteps")).toInt(), smallestFontStep,
                                largestFontStep);
    read.theme = settings.value(QStringLiteral("view/theme")).toString();
    bool isNumber = false;
    const double speed = settings.value(QStringLiteral("replay/speed")).toDouble(&isNumber);
    if (isNumber && std::isfinite(speed) && speed > 0)
        read.replaySpeed = speed;
    read.lastPattern = settings.value(QStringLiteral("run/lastPattern")).toString();
    const int scale = settings.value(QStringLiteral("present/scale")).toInt(&isNumber);
    if (isNumber && scale >= 150 && scale <= 300)
        read.presentationScale = scale;
    return read;
}

void WindowSettings::write(QSettings &settings) const
{
    settings.setValue(QStringLiteral("window/geometry"), geometry);
    settings.setValue(QStringLiteral("window/state"), dockState);
    for (auto it = splitterStates.cbegin(); it != splitterStates.cend(); ++it)
        settings.setValue(splitterPrefix + it.key(), it.value());
    settings.setValue(QStringLiteral("timeline/nameColumnWidth"), nameColumnWidth);
    settings.setValue(QStringLiteral("view/fontSteps"), fontSteps);
    settings.setValue(QStringLiteral("view/theme"), theme);
    settings.setValue(QStringLiteral("replay/speed"), replaySpeed);
    settings.setValue(QStringLiteral("run/lastPattern"), lastPattern);
    settings.setValue(QStringLiteral("present/scale"), presentationScale);
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        settings.setValue(parametersGroup + QLatin1Char('/') + it.key(), it.value());
}

} // namespace coroscope::app
