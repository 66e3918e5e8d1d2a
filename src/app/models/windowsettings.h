// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QVariantMap>

class QSettings;

namespace coroscope::app {

// What the window keeps from one session to the next, as a value: read whole from QSettings at
// start-up and written whole. Values that do not make sense (hand-edited or from an older
// version) are read as the defaults, so a bad settings file never stops the window.
struct WindowSettings {
    static constexpr int smallestFontStep = -4;
    static constexpr int largestFontStep = 14;

    QByteArray geometry;
    QByteArray dockState;
    QHash<QString, QByteArray> splitterStates; // by the splitter's objectName
    int nameColumnWidth = 0; // 0: the default width
    int fontSteps = 0; // each step is 10% larger text
    QString theme; // "system", "light" or "dark"; empty: system
    double replaySpeed = 1.0;
    int presentationScale = 200; // percent, 150..300
    QString lastPattern;
    QHash<QString, QVariantMap> parameters; // the last values, by pattern id

    static WindowSettings read(const QSettings &settings);
    void write(QSettings &settings) const;
};

} // namespace coroscope::app
