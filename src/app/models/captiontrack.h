// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "classroom/narration.h"

#include <memory>

namespace coroscope::app {

// The captions of the shown trace, kept up as it grows, and the one that belongs under the
// timeline at a moment: the last event's at or before it.
class CaptionTrack
{
public:
    CaptionTrack();
    ~CaptionTrack();

    // Catches up with `trace` (nullptr: none shown); a different or shorter trace starts over.
    void sync(const trace::Trace *trace);
    // The caption of the last event at or before `timeNs`; nullptr before the first.
    const classroom::Caption *at(qint64 timeNs) const;
    const classroom::Transcript &transcript() const { return m_transcript; }

private:
    const trace::Trace *m_trace = nullptr;
    qsizetype m_narrated = 0;
    std::unique_ptr<classroom::Narrator> m_narrator;
    classroom::Transcript m_transcript;
};

} // namespace coroscope::app
