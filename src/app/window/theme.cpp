// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/theme.h"

#include "timeline/timelinepalette.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

#include <memory>

namespace coroscope::app {
namespace {

struct Startup {
    QPalette palette;
    QString style;
};

const Startup &startup()
{
    // Taken before the first switch, so System can go back to it.
    static const Startup s{QApplication::palette(), QApplication::style() ? QApplication::style()->name() : QString()};
    return s;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x28, 0x2c);
    const QColor base(0x1c, 0x1e, 0x21);
    const QColor text(0xe4, 0xe6, 0xea);
    const QColor disabled(0x7a, 0x7e, 0x85);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x25, 0x29));
    p.setColor(QPalette::ToolTipBase, QColor(0x30, 0x33, 0x38));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x95, 0x9a, 0xa3));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x31, 0x34, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(0xff, 0x6a, 0x6a));
    p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x45));
    p.setColor(QPalette::Midlight, QColor(0x34, 0x37, 0x3c));
    p.setColor(QPalette::Mid, QColor(0x1f, 0x21, 0x24));
    p.setColor(QPalette::Dark, QColor(0x16, 0x17, 0x19));
    p.setColor(QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x7b, 0xd6));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb2, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x48, 0x4f));
    return p;
}

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    auto p = fusion ? fusion->standardPalette() : QPalette();
    p.setColor(QPalette::Window, QColor(0xf3, 0xf4, 0xf6));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf6, 0xf7, 0xf9));
    p.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xc9));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x7c));
    return p;
}

// Black on white, nothing in between that a projector could wash out.
QPalette projectorPalette()
{
    auto p = lightPalette();
    p.setColor(QPalette::Window, Qt::white);
    p.setColor(QPalette::WindowText, Qt::black);
    p.setColor(QPalette::Text, Qt::black);
    p.setColor(QPalette::ButtonText, Qt::black);
    p.setColor(QPalette::PlaceholderText, QColor(0x30, 0x30, 0x30));
    p.setColor(QPalette::AlternateBase, QColor(0xf0, 0xf0, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x00, 0x4f, 0xa8));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xf4, 0xc0));
    p.setColor(QPalette::ToolTipText, Qt::black);
    return p;
}

} // namespace

void applyProjectorLook(bool on, Theme otherwise)
{
    // The timeline's colours first: the palette change below makes every view re-read them.
    timeline::TimelinePalette::useProjector(on);
    if (!on) {
        applyTheme(otherwise);
        return;
    }
    QApplication::setStyle(QStringLiteral("Fusion"));
    QApplication::setPalette(projectorPalette());
}

QString toString(Theme theme)
{
    switch (theme) {
    case Theme::System: return QStringLiteral("system");
    case Theme::Light: return QStringLiteral("light");
    case Theme::Dark: return QStringLiteral("dark");
    }
    return QStringLiteral("system");
}

Theme themeFromString(const QString &text)
{
    if (text == QLatin1String("light"))
        return Theme::Light;
    if (text == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void applyTheme(Theme theme)
{
    const auto &initial = startup();
    switch (theme) {
    case Theme::System:
        if (!initial.style.isEmpty() && QApplication::style()->name() != initial.style)
            QApplication::setStyle(initial.style);
        QApplication::setPalette(initial.palette);
        break;
    case Theme::Light:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        QApplication::setStyle(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
}

} // namespace coroscope::app
