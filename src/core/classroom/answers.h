// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/question.h"
#include "trace/trace.h"

#include <QString>
#include <QVariantMap>

#include <vector>

namespace coroscope::classroom {

// The lab's latency wobbles by a few milliseconds (more on a loaded machine): figures closer than
// this, or than a tenth of what is measured, cannot tell two choices apart.
inline constexpr qint64 labJitterNs = 15'000'000;

enum class Verdict {
    Decided, // `right` is the choice the run bears out
    TooCloseToCall, // the run cannot tell the `candidates` apart
    NoChoiceFits, // what happened is none of the choices (the measured figure says what it was)
    NotInTrace, // the run holds nothing to measure (a task or counter the question names is missing)
};
const char *toString(Verdict verdict);

// A task's span in a "ghost" timeline: times from the start of the run.
struct GhostSpan {
    QString task;
    qint64 startNs = 0;
    qint64 endNs = 0;
};

// A question's answer, computed from a run's trace, never written down: change a parameter and
// it follows.
struct Answer {
    QString questionId;
    Verdict verdict = Verdict::NotInTrace;
    int right = -1; // the choice's index when Decided
    std::vector<int> candidates; // TooCloseToCall: the choices the run cannot tell apart
    QString measured; // "get_orders finished first, at 12.3 ms"
    // What each choice predicts, in the unit measured (ns for durations, the counter's unit for a
    // peak); NaN where a choice predicts no figure.
    std::vector<double> predicted;
    // TotalDuration: the run's direct children laid end to end, each as long as it worked (its
    // life less any time queued at a semaphore): the shape the run would have had one after
    // another, whose end is the sequential total. Empty when the root has no children.
    std::vector<GhostSpan> sequentialGhost;
};

Answer answerFor(const trace::Trace &trace, const patterns::Question &question, const QVariantMap &values);
std::vector<Answer> answersFor(const trace::Trace &trace, const patterns::Questions &questions,
                               const QVariantMap &values);
// One line for a terminal or a reveal: "how-long: About one latency (the run took 203 ms)".
QString answerText(const patterns::Question &question, const Answer &answer);

} // namespace coroscope::classroom
