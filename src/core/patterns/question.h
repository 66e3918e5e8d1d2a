// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "trace/event.h"

#include <QJsonArray>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>
#include <vector>

namespace coroscope::patterns {

// What a question asks about a run, which is also how its answer is computed from the trace
// (classroom/answers.h). The names are those of the data files.
enum class QuestionKind {
    FirstToFinish, // "first_to_finish": which of the named tasks finishes first
    FinishOrder, // "finish_order": the order the named tasks finish in
    TotalDuration, // "total_duration": about how long the whole run takes
    PeakInFlight, // "peak_in_flight": the highest value a counter reaches
    TickerKeepsTicking, // "ticker_keeps_ticking": does a ticking task keep its pace while another runs
    TaskStatus, // "task_status": how a task ends (ok, error, cancelled)
};
QString kindName(QuestionKind kind);
std::optional<QuestionKind> kindFromName(const QString &name);
QStringList kindNames();

// One choice the class can vote for; the classic wrong answers are choices like the others.
struct QuestionChoice {
    QString id; // "one-latency"
    QString text; // "About one latency"
    // The claim, read by the question's kind (the data file's "claim" member):
    QStringList tasks; // FirstToFinish: one task name; FinishOrder: task names, first to finish first
    // TotalDuration (in ms) and PeakInFlight: the product of numbers, parameter names ("latency_ms")
    // and ratios rounded up ("products/limit": the number of waves).
    QStringList factors;
    bool yes = false; // TickerKeepsTicking
    trace::FinishStatus status = trace::FinishStatus::Ok; // TaskStatus
};

struct Question {
    QString id; // "how-long"
    QString text; // "About how long does the whole run take?"
    QuestionKind kind = QuestionKind::TotalDuration;
    QString counter; // PeakInFlight: the counter's name ("requests in flight")
    QString task; // TickerKeepsTicking: the ticking task; TaskStatus: the task asked about
    QString during; // TickerKeepsTicking: the task during whose life the ticks are counted
    std::vector<QuestionChoice> choices;
};
using Questions = std::vector<Question>;

// The value of a choice's factors for a run's parameter values; nullopt (with `error` set when given)
// for an unknown name, a value that is not a number or a ratio over zero.
std::optional<double> evaluateFactors(const QStringList &factors, const QVariantMap &values, QString *error = nullptr);

// The questions as the data file writes them: what `coroscope describe ID --json` prints.
QJsonArray toJson(const Questions &questions);

} // namespace coroscope::patterns
