// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/models/waitinglines.h"
#include "trace/trace.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace coroscope::patterns {
struct PatternInfo;
}

namespace coroscope::app {

class CodeView;

// The code that runs and its Python twin, side by side in tabs, following the timeline: the
// line the selected task waits at is highlighted, and the gutter counts the tasks waiting on
// each line.
class SourcePanel : public QWidget
{
    Q_OBJECT
public:
    explicit SourcePanel(QWidget *parent = nullptr);

    void setPattern(const patterns::PatternInfo *info);
    // The file name trace locations are matched against ("gather.cpp").
    QString cppFileName() const { return m_cppFileName; }
    void showWaiting(const WaitingLines &lines, const QString &taskName);
    // The source text at a trace location, if it is in the file shown.
    QString lineText(const trace::Location &location) const;

    CodeView *cppView() const { return m_cpp; }
    CodeView *pythonView() const { return m_python; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QLabel *m_caption;
    QTabWidget *m_tabs;
    CodeView *m_cpp;
    CodeView *m_python;
    QString m_cppFileName;
};

} // namespace coroscope::app
