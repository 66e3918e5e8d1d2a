// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "io/labfaults.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace coroscope::cli {

// Exit codes: what scripts and CI can rely on.
enum ExitCode {
    Success = 0,
    RunFailed = 1, // the run ended with an error, was cancelled or timed out
    BadUsage = 2, // unknown command, pattern or parameter; unreadable or unwritable file
};

QTextStream &out();
QTextStream &err();
// The run history file: `--history FILE`, or patterns::defaultHistoryPath().
QString historyPath();

// The --fault name=value options, or nothing after printing each problem.
std::optional<io::LabFaults> parseFaultOptions(const QString &command, const QStringList &assignments);

// Each takes the arguments after the command name.
int listPatterns(const QStringList &arguments);
int describePattern(const QStringList &arguments);
int runPattern(const QStringList &arguments);
int serve(const QStringList &arguments);
int listHistory(const QStringList &arguments);
int exportRun(const QStringList &arguments);
int compareRuns(const QStringList &arguments);
int convertTrace(const QStringList &arguments);

} // namespace coroscope::cli
