// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QComboBox>
#include <QLabel>

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

class ReplayController;
class TimelineState;

// The replay speed, kept in step with the controller both ways.
class SpeedBox : public QComboBox
{
    Q_OBJECT
public:
    SpeedBox(ReplayController *replay, QWidget *parent);

private:
    void showSpeed(double speed);
};

// "212.4 ms / 1.20 s": where the playhead is in the shown run, and how long the run is.
class PlayheadLabel : public QLabel
{
    Q_OBJECT
public:
    PlayheadLabel(const timeline::TimelineModel *model, const TimelineState *state, QWidget *parent);

    // After the shown trace changed or grew.
    void refresh();

private:
    const timeline::TimelineModel *m_model;
    const TimelineState *m_state;
};

} // namespace coroscope::app
