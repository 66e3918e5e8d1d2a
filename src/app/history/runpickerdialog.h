// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report/history.h"

#include <QDialog>

#include <utility>
#include <vector>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace coroscope::app {

// Picks two stored runs to compare: run A and run B, each from the whole history. By default
// the newest run is B and the one before it A ("what changed since last time").
class RunPickerDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RunPickerDialog(const std::vector<report::HistoryRun> &runs, QWidget *parent = nullptr);

    std::pair<qint64, qint64> selectedRuns() const;
    // Selects runs by id; false if either is not in the list.
    bool selectRuns(qint64 first, qint64 second);

    QComboBox *firstBox() const { return m_first; }
    QComboBox *secondBox() const { return m_second; }

    // "#12  gather: the dashboard in parallel · ok · 312 ms · 14:20:05"
    static QString describe(const report::HistoryRun &run);

private:
    void updateButtons();

    QComboBox *m_first;
    QComboBox *m_second;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
};

} // namespace coroscope::app
