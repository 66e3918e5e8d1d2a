// SPDX-License-Identifier: GPL-3.0-or-later
#include "classroom/answers.h"

#include "timeline/timeformat.h"

#include <QHash>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace coroscope::classroom {

using patterns::Question;
using patterns::QuestionKind;
using timeline::formatDuration;
using namespace coroscope::trace;

namespace {

constexpr double notAFigure = std::numeric_limits<double>::quiet_NaN();

const TaskInfo *taskNamed(const Trace &trace, const QString &name)
{
    for (const auto &task : trace.tasks()) {
        if (trace.string(task.name) == name)
            return &task;
    }
    return nullptr;
}

// The task a pattern runs as: the first one without a parent.
const TaskInfo *rootTask(const Trace &trace)
{
    for (const auto &task : trace.tasks()) {
        if (task.parent == 0)
            return &task;
    }
    return nullptr;
}

qint64 toleranceNs(qint64 scaleNs)
{
    return std::max(labJitterNs, std::abs(scaleNs) / 10);
}

QString sinceStart(const Trace &trace, qint64 timeNs)
{
    return formatDuration(timeNs - trace.startNs());
}

// Decides between choices by how far each one's prediction is from the measured figure: the
// nearest wins unless the next one is within `tolerance` of it.
void decideByNearest(Answer &answer, double measured, double tolerance)
{
    std::vector<int> ranked;
    for (int index = 0; index < int(answer.predicted.size()); ++index) {
        if (!std::isnan(answer.predicted[size_t(index)]))
            ranked.push_back(index);
    }
    const auto distance = [&](int index) { return std::abs(answer.predicted[size_t(index)] - measured); };
    std::stable_sort(ranked.begin(), ranked.end(), [&](int a, int b) { return distance(a) < distance(b); });
    if (ranked.empty()) {
        answer.verdict = Verdict::NoChoiceFits;
        return;
    }
    for (const int index : ranked) {
        if (distance(index) - distance(ranked.front()) <= tolerance)
            answer.candidates.push_back(index);
    }
    if (answer.candidates.size() == 1) {
        answer.verdict = Verdict::Decided;
        answer.right = answer.candidates.front();
        answer.candidates.clear();
    } else {
        answer.verdict = Verdict::TooCloseToCall;
    }
}

// Chooses among the choices the run is consistent with: one is the answer, more are too close.
void decideByConsistency(Answer &answer, const std::vector<int> &consistent)
{
    if (consistent.empty()) {
        answer.verdict = Verdict::NoChoiceFits;
    } else if (consistent.size() == 1) {
        answer.verdict = Verdict::Decided;
        answer.right = consistent.front();
    } else {
        answer.verdict = Verdict::TooCloseToCall;
        answer.candidates = consistent;
    }
}

qint64 finishOf(const Trace &trace, const QString &name)
{
    const auto *task = taskNamed(trace, name);
    return task && task->finishedNs >= 0 ? task->finishedNs : -1;
}

void answerFirstToFinish(const Trace &trace, const Question &question, Answer &answer)
{
    qint64 earliest = -1;
    QString first;
    for (const auto &choice : question.choices) {
        const auto finished = finishOf(trace, choice.tasks.value(0));
        if (finished >= 0 && (earliest < 0 || finished < earliest)) {
            earliest = finished;
            first = choice.tasks.value(0);
        }
    }
    if (earliest < 0) {
        answer.measured = QStringLiteral("none of these tasks finished");
        return;
    }
    const auto tolerance = toleranceNs(earliest - trace.startNs());
    std::vector<int> consistent;
    for (int index = 0; index < int(question.choices.size()); ++index) {
        const auto finished = finishOf(trace, question.choices[size_t(index)].tasks.value(0));
        answer.predicted.push_back(finished >= 0 ? double(finished - trace.startNs()) : notAFigure);
        if (finished >= 0 && finished - earliest <= tolerance)
            consistent.push_back(index);
    }
    answer.measured = QStringLiteral("%1 finished first, at %2").arg(first, sinceStart(trace, earliest));
    if (consistent.size() > 1)
        answer.measured += QStringLiteral("; others within %1 of it").arg(formatDuration(tolerance));
    decideByConsistency(answer, consistent);
}

void answerFinishOrder(const Trace &trace, const Question &question, Answer &answer)
{
    struct Finish {
        QString task;
        qint64 timeNs;
    };
    std::vector<Finish> finishes;
    for (const auto &choice : question.choices) {
        for (const auto &name : choice.tasks) {
            const bool known = std::any_of(finishes.begin(), finishes.end(),
                                           [&](const Finish &f) { return f.task == name; });
            if (!known && finishOf(trace, name) >= 0)
                finishes.push_back({name, finishOf(trace, name)});
        }
    }
    if (finishes.empty()) {
        answer.measured = QStringLiteral("none of these tasks finished");
        return;
    }
    std::stable_sort(finishes.begin(), finishes.end(),
                     [](const Finish &a, const Finish &b) { return a.timeNs < b.timeNs; });
    QStringList order;
    for (const auto &finish : finishes)
        order.append(QStringLiteral("%1 (%2)").arg(finish.task, sinceStart(trace, finish.timeNs)));
    answer.measured = QStringLiteral("finished in the order ") + order.join(QStringLiteral(", "));
    // An order is borne out if no task in it finished clearly before the one named ahead of it.
    std::vector<int> consistent;
    for (int index = 0; index < int(question.choices.size()); ++index) {
        const auto &tasks = question.choices[size_t(index)].tasks;
        answer.predicted.push_back(notAFigure);
        bool holds = true;
        for (qsizetype at = 0; holds && at + 1 < tasks.size(); ++at) {
            const auto before = finishOf(trace, tasks[at]);
            const auto after = finishOf(trace, tasks[at + 1]);
            holds = before >= 0 && after >= 0 && before - after <= toleranceNs(after - trace.startNs());
        }
        if (holds)
            consistent.push_back(index);
    }
    decideByConsistency(answer, consistent);
}

void answerTotalDuration(const Trace &trace, const Question &question, const QVariantMap &values, Answer &answer)
{
    const auto *root = rootTask(trace);
    const qint64 took = root && root->finishedNs >= 0 ? root->finishedNs - root->createdNs : trace.durationNs();
    for (const auto &choice : question.choices) {
        const auto ms = patterns::evaluateFactors(choice.factors, values);
        answer.predicted.push_back(ms ? *ms * 1e6 : notAFigure);
    }
    answer.measured = QStringLiteral("the run took %1").arg(formatDuration(took));
    decideByNearest(answer, double(took), double(toleranceNs(took)));
    if (!root)
        return;
    std::vector<const TaskInfo *> children;
    for (const auto &task : trace.tasks()) {
        if (task.parent == root->id && task.finishedNs >= 0)
            children.push_back(&task);
    }
    // A child's own work is its life less the time it queued for a permit: one after another,
    // nobody queues.
    QHash<TaskId, qint64> queuedNs;
    QHash<TaskId, qint64> queuedSince;
    for (const auto &event : trace.events()) {
        if (event.kind == EventKind::Suspended && event.reason() == SuspendReason::Semaphore)
            queuedSince.insert(event.task, event.timeNs);
        else if ((event.kind == EventKind::Resumed || event.kind == EventKind::Finished)
                 && queuedSince.contains(event.task))
            queuedNs[event.task] += event.timeNs - queuedSince.take(event.task);
    }
    qint64 at = 0;
    for (const auto *child : children) {
        const auto length = child->finishedNs - child->createdNs - queuedNs.value(child->id);
        answer.sequentialGhost.push_back({trace.string(child->name), at, at + length});
        at += length;
    }
    if (!children.empty())
        answer.measured += QStringLiteral("; one after another it would take %1").arg(formatDuration(at));
}

void answerPeak(const Trace &trace, const Question &question, const QVariantMap &values, Answer &answer)
{
    double peak = notAFigure;
    for (const auto &event : trace.events()) {
        if (event.kind == EventKind::Counter && trace.string(event.label) == question.counter)
            peak = std::isnan(peak) ? event.value : std::max(peak, event.value);
    }
    if (std::isnan(peak)) {
        answer.measured = QStringLiteral("the run never recorded \"%1\"").arg(question.counter);
        return;
    }
    for (const auto &choice : question.choices) {
        const auto value = patterns::evaluateFactors(choice.factors, values);
        answer.predicted.push_back(value ? *value : notAFigure);
    }
    answer.measured = QStringLiteral("%1 peaked at %2").arg(question.counter, QString::number(peak, 'g', 4));
    // Counts differ by whole steps; a figure in ms by a tenth of itself.
    decideByNearest(answer, peak, std::max(0.5, std::abs(peak) / 10));
}

void answerTicker(const Trace &trace, const Question &question, Answer &answer)
{
    const auto *ticker = taskNamed(trace, question.task);
    const auto *during = taskNamed(trace, question.during);
    if (!ticker || !during || during->finishedNs < 0) {
        answer.measured = QStringLiteral("the run has no \"%1\" or no finished \"%2\"").arg(question.task, question.during);
        return;
    }
    std::vector<qint64> ticks;
    for (const auto &event : trace.events()) {
        if (event.task == ticker->id && event.kind == EventKind::Mark)
            ticks.push_back(event.timeNs);
    }
    std::vector<qint64> gaps;
    qint64 longestDuring = 0;
    for (size_t index = 1; index < ticks.size(); ++index) {
        const auto gap = ticks[index] - ticks[index - 1];
        gaps.push_back(gap);
        if (ticks[index] > during->createdNs && ticks[index - 1] < during->finishedNs)
            longestDuring = std::max(longestDuring, gap);
    }
    if (gaps.size() < 2) {
        answer.measured = QStringLiteral("%1 ticked fewer than three times").arg(question.task);
        return;
    }
    std::nth_element(gaps.begin(), gaps.begin() + qsizetype(gaps.size() / 2), gaps.end());
    const auto usual = gaps[gaps.size() / 2];
    answer.measured = QStringLiteral("while %1 ran, the longest gap between ticks was %2 (usually %3)")
                          .arg(question.during, formatDuration(longestDuring), formatDuration(usual));
    // Stalled beyond two of its own intervals; between one and a half and two and a half, too close.
    const double ratio = double(longestDuring) / double(std::max<qint64>(usual, 1));
    std::vector<int> consistent;
    for (int index = 0; index < int(question.choices.size()); ++index) {
        answer.predicted.push_back(notAFigure);
        const bool yes = question.choices[size_t(index)].yes;
        if ((yes && ratio <= 2.5) || (!yes && ratio >= 1.5))
            consistent.push_back(index);
    }
    decideByConsistency(answer, consistent);
}

void answerTaskStatus(const Trace &trace, const Question &question, Answer &answer)
{
    const auto *task = taskNamed(trace, question.task);
    if (!task || task->finishedNs < 0) {
        answer.measured = QStringLiteral("%1 never finished in this run").arg(question.task);
        return;
    }
    answer.measured = QStringLiteral("%1 ended %2 at %3")
                          .arg(question.task, QLatin1String(toString(task->status)), sinceStart(trace, task->finishedNs));
    if (task->error != 0)
        answer.measured += QStringLiteral(": ") + trace.string(task->error);
    std::vector<int> consistent;
    for (int index = 0; index < int(question.choices.size()); ++index) {
        answer.predicted.push_back(notAFigure);
        if (question.choices[size_t(index)].status == task->status)
            consistent.push_back(index);
    }
    decideByConsistency(answer, consistent);
}

} // namespace

const char *toString(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Decided: return "decided";
    case Verdict::TooCloseToCall: return "too close to call";
    case Verdict::NoChoiceFits: return "no choice fits";
    case Verdict::NotInTrace: return "not in the trace";
    }
    return "?";
}

Answer answerFor(const Trace &trace, const Question &question, const QVariantMap &values)
{
    Answer answer;
    answer.questionId = question.id;
    switch (question.kind) {
    case QuestionKind::FirstToFinish: answerFirstToFinish(trace, question, answer); break;
    case QuestionKind::FinishOrder: answerFinishOrder(trace, question, answer); break;
    case QuestionKind::TotalDuration: answerTotalDuration(trace, question, values, answer); break;
    case QuestionKind::PeakInFlight: answerPeak(trace, question, values, answer); break;
    case QuestionKind::TickerKeepsTicking: answerTicker(trace, question, answer); break;
    case QuestionKind::TaskStatus: answerTaskStatus(trace, question, answer); break;
    }
    return answer;
}

std::vector<Answer> answersFor(const Trace &trace, const patterns::Questions &questions, const QVariantMap &values)
{
    std::vector<Answer> answers;
    for (const auto &question : questions)
        answers.push_back(answerFor(trace, question, values));
    return answers;
}

QString answerText(const Question &question, const Answer &answer)
{
    const auto choiceText = [&](int index) { return question.choices[size_t(index)].text; };
    switch (answer.verdict) {
    case Verdict::Decided:
        return QStringLiteral("%1: %2 (%3)").arg(question.id, choiceText(answer.right), answer.measured);
    case Verdict::TooCloseToCall: {
        QStringList tied;
        for (const int index : answer.candidates)
            tied.append(choiceText(index));
        return QStringLiteral("%1: too close to call between %2 (%3)")
            .arg(question.id, tied.join(QStringLiteral(" / ")), answer.measured);
    }
    case Verdict::NoChoiceFits: return QStringLiteral("%1: none of the choices (%2)").arg(question.id, answer.measured);
    case Verdict::NotInTrace: break;
    }
    return QStringLiteral("%1: cannot tell from this run (%2)").arg(question.id, answer.measured);
}

} // namespace coroscope::classroom
