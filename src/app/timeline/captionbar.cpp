// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/timeline/captionbar.h"

#include "app/models/timelinestate.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"

namespace coroscope::app {

CaptionBar::CaptionBar(const timeline::TimelineModel *model, const TimelineState *state, QWidget *parent)
    : QLabel(parent)
    , m_model(model)
    , m_state(state)
{
    setObjectName(QStringLiteral("caption"));
    setWordWrap(true);
    setContentsMargins(6, 2, 6, 2);
    setTextFormat(Qt::PlainText);
    connect(state, &TimelineState::playheadChanged, this, &CaptionBar::refresh);
}

void CaptionBar::refresh()
{
    m_track.sync(m_model->trace());
    const qint64 at = m_state->playheadNs() >= 0 ? m_state->playheadNs() : m_model->endNs();
    const auto *caption = m_track.at(at);
    if (!caption) {
        clear();
        return;
    }
    setText(QStringLiteral("%1 ms  %2").arg(timeline::formatMilliseconds(caption->timeNs), caption->text));
}

} // namespace coroscope::app
