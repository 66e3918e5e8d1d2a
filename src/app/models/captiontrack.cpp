// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/captiontrack.h"

#include <algorithm>

namespace coroscope::app {

CaptionTrack::CaptionTrack() = default;
CaptionTrack::~CaptionTrack() = default;

void CaptionTrack::sync(const trace::Trace *trace)
{
    const qsizetype count = trace ? qsizetype(trace->events().size()) : 0;
    if (trace != m_trace || count < m_narrated) {
        m_trace = trace;
        m_narrated = 0;
        m_transcript.clear();
        m_narrator = trace ? std::make_unique<classroom::Narrator>(*trace) : nullptr;
    }
    if (!m_narrator)
        return;
    for (; m_narrated < count; ++m_narrated) {
        if (auto caption = m_narrator->next(m_narrated))
            m_transcript.push_back(std::move(*caption));
    }
}

const classroom::Caption *CaptionTrack::at(qint64 timeNs) const
{
    const auto after = std::upper_bound(m_transcript.begin(), m_transcript.end(), timeNs,
                                        [](qint64 t, const classroom::Caption &caption) { return t < caption.timeNs; });
    return after == m_transcript.begin() ? nullptr : &*(after - 1);
}

} // namespace coroscope::app
