// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/present/presentationmode.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QWidget>

#include <algorithm>

namespace coroscope::app {

PresentationMode::PresentationMode(Setup setup)
    : QObject(setup.window)
    , m_setup(std::move(setup))
{
    for (auto *action : m_setup.ownActions)
        action->setEnabled(false);
}

PresentationMode::~PresentationMode() = default;

void PresentationMode::setOn(bool on)
{
    if (on == m_on)
        return;
    on ? enter() : leave();
    Q_EMIT toggled(m_on);
}

void PresentationMode::enter()
{
    m_on = true;
    auto *window = m_setup.window;
    m_fontPointsBefore = QApplication::font().pointSizeF();
    if (m_setup.applyLook)
        m_setup.applyLook(true);
    applyScale();
    m_hidden.clear();
    for (auto *widget : m_setup.hiddenWhilePresenting) {
        if (widget->isVisible()) {
            widget->hide();
            m_hidden.append(widget);
        }
    }
    // While presenting, Esc leaves and Page Down steps: no other command may answer those keys.
    QList<QKeySequence> ownKeys;
    for (auto *action : m_setup.ownActions) {
        ownKeys += action->shortcuts();
        action->setEnabled(true);
    }
    m_keysTaken.clear();
    for (auto *action : window->actions()) {
        if (m_setup.ownActions.contains(action))
            continue;
        auto keys = action->shortcuts();
        const auto before = keys;
        keys.removeIf([&](const QKeySequence &key) { return ownKeys.contains(key); });
        if (keys.size() != before.size()) {
            m_keysTaken.insert(action, before);
            action->setShortcuts(keys);
        }
    }
    m_wasFullScreen = window->isFullScreen();
    if (!m_wasFullScreen)
        window->showFullScreen();
}

void PresentationMode::leave()
{
    m_on = false;
    setBlank(false);
    auto *window = m_setup.window;
    for (auto *action : m_setup.ownActions)
        action->setEnabled(false);
    for (auto it = m_keysTaken.cbegin(); it != m_keysTaken.cend(); ++it)
        it.key()->setShortcuts(it.value());
    m_keysTaken.clear();
    for (const auto &widget : std::as_const(m_hidden)) {
        if (widget)
            widget->show();
    }
    m_hidden.clear();
    auto font = QApplication::font();
    font.setPointSizeF(m_fontPointsBefore);
    QApplication::setFont(font);
    if (m_setup.applyLook)
        m_setup.applyLook(false);
    if (!m_wasFullScreen)
        window->showNormal();
}

void PresentationMode::setScale(int percent)
{
    m_scale = std::clamp(percent, smallestScale, largestScale);
    if (m_on)
        applyScale();
}

void PresentationMode::applyScale()
{
    auto font = QApplication::font();
    font.setPointSizeF(m_fontPointsBefore * m_scale / 100.0);
    QApplication::setFont(font);
}

void PresentationMode::setBlank(bool blank)
{
    if (blank == isBlank())
        return;
    if (blank && !m_on)
        return;
    auto *window = m_setup.window;
    if (blank) {
        m_blank = new QWidget(window);
        m_blank->setObjectName(QStringLiteral("blankScreen"));
        m_blank->setAutoFillBackground(true);
        QPalette black = m_blank->palette();
        black.setColor(QPalette::Window, Qt::black);
        m_blank->setPalette(black);
        m_blank->setGeometry(window->rect());
        m_blank->raise();
        m_blank->show();
        window->installEventFilter(this);
    } else {
        window->removeEventFilter(this);
        delete m_blank;
        m_blank = nullptr;
    }
    Q_EMIT blankChanged(blank);
}

bool PresentationMode::isBlank() const
{
    return m_blank != nullptr;
}

bool PresentationMode::eventFilter(QObject *watched, QEvent *event)
{
    if (m_blank && watched == m_setup.window && event->type() == QEvent::Resize)
        m_blank->setGeometry(m_setup.window->rect());
    return QObject::eventFilter(watched, event);
}

} // namespace coroscope::app
