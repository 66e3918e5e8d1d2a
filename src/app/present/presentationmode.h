// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QKeySequence>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace coroscope::app {

// The window in front of a class: every pane's text scaled by one factor, the projector look,
// full screen, only the panes a class needs, and the keys of a presentation clicker (its own
// actions take their keys from the window's other actions while it lasts). Leaving puts back
// exactly what was there.
class PresentationMode : public QObject
{
    Q_OBJECT
public:
    static constexpr int smallestScale = 150; // percent
    static constexpr int largestScale = 300;
    static constexpr int defaultScale = 200;

    struct Setup {
        QWidget *window = nullptr;
        QList<QWidget *> hiddenWhilePresenting; // panels a teacher does not need in front of a class
        QList<QAction *> ownActions; // enabled only while presenting; their keys win
        std::function<void(bool on)> applyLook; // the projector look, or the user's theme back
    };

    explicit PresentationMode(Setup setup);
    ~PresentationMode() override;

    bool isOn() const { return m_on; }
    void setOn(bool on);
    // Clamped to smallestScale..largestScale; applied at once while presenting.
    void setScale(int percent);
    int scale() const { return m_scale; }

    // Black over everything, for a moment the class should look at the teacher.
    void setBlank(bool blank);
    bool isBlank() const;

Q_SIGNALS:
    void toggled(bool on);
    void blankChanged(bool blank);

private:
    void enter();
    void leave();
    void applyScale();
    bool eventFilter(QObject *watched, QEvent *event) override;

    Setup m_setup;
    bool m_on = false;
    int m_scale = defaultScale;
    double m_fontPointsBefore = 0;
    bool m_wasFullScreen = false;
    QList<QPointer<QWidget>> m_hidden; // what this mode hid, to show again
    QHash<QAction *, QList<QKeySequence>> m_keysTaken;
    QWidget *m_blank = nullptr;
};

} // namespace coroscope::app
