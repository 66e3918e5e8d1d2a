// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/models/captiontrack.h"

#include <QLabel>

namespace coroscope::timeline {
class TimelineModel;
}

namespace coroscope::app {

class TimelineState;

// One sentence under the timeline saying what just happened and why, at the playhead (or at the
// newest event while a run streams in).
class CaptionBar : public QLabel
{
    Q_OBJECT
public:
    CaptionBar(const timeline::TimelineModel *model, const TimelineState *state, QWidget *parent);

    // After the shown trace changed or grew.
    void refresh();
    const CaptionTrack &track() const { return m_track; }

private:
    const timeline::TimelineModel *m_model;
    const TimelineState *m_state;
    CaptionTrack m_track;
};

} // namespace coroscope::app
