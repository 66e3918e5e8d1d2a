// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/timeline/replaycontrols.h"

#include "app/models/replaycontroller.h"
#include "app/models/timelinestate.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"

#include <QFontDatabase>

namespace coroscope::app {

SpeedBox::SpeedBox(ReplayController *replay, QWidget *parent)
    : QComboBox(parent)
{
    setObjectName(QStringLiteral("replaySpeed"));
    setToolTip(tr("Replay speed ([ and ] change it)"));
    setFocusPolicy(Qt::NoFocus);
    for (const double speed : ReplayController::presetSpeeds)
        addItem(tr("%1×").arg(speed), speed);
    showSpeed(replay->speed());
    connect(this, &QComboBox::currentIndexChanged, replay,
            [this, replay](int index) { replay->setSpeed(itemData(index).toDouble()); });
    connect(replay, &ReplayController::speedChanged, this, &SpeedBox::showSpeed);
}

void SpeedBox::showSpeed(double speed)
{
    for (int i = 0; i < count(); ++i) {
        if (qFuzzyCompare(itemData(i).toDouble(), speed))
            setCurrentIndex(i);
    }
}

PlayheadLabel::PlayheadLabel(const timeline::TimelineModel *model, const TimelineState *state, QWidget *parent)
    : QLabel(parent)
    , m_model(model)
    , m_state(state)
{
    setObjectName(QStringLiteral("playheadLabel"));
    setContentsMargins(12, 0, 6, 0);
    QFont digits; // fixed width, the size of the rest of the text
    digits.setFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    setFont(digits);
    connect(state, &TimelineState::playheadChanged, this, &PlayheadLabel::refresh);
}

void PlayheadLabel::refresh()
{
    if (!m_model->trace()) {
        clear();
        return;
    }
    const QString length = timeline::formatDuration(m_model->endNs() - m_model->startNs());
    if (m_state->playheadNs() >= 0)
        setText(tr("%1 ms / %2").arg(timeline::formatMilliseconds(m_state->playheadNs()), length));
    else
        setText(length);
}

} // namespace coroscope::app
