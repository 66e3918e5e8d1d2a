// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/pattern.h"
#include "trace/summary.h"

#include <QWidget>

class QLabel;

namespace coroscope::timeline {
class TimelinePalette;
}

namespace coroscope::app {

using timeline::TimelinePalette;

// A run in numbers, as a row of cards big enough to read from the back: outcome, wall time,
// tasks, peak concurrency, errors, cancellations, event-loop lag (p50, p99, max), and where the
// waiting went, by reason.
class StatsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StatsPanel(QWidget *parent = nullptr);

    void clear();
    void showRunning();
    void showSummary(const trace::Summary &summary);
    void showOutcome(const patterns::RunOutcome &outcome);
    // A status as the history stores it: "ok", "error", "cancelled", "interrupted", ...
    void showStatus(const QString &status, const QString &summary);

    // The text on a card ("wall", "tasks", "peak", "errors", "cancelled", "lag", "outcome").
    QString cardText(const QString &card) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    class WaitBar;
    QWidget *addCard(const QString &name, const QString &caption);
    void setCard(const QString &name, const QString &text, const QColor &color = {});

    QHash<QString, QLabel *> m_values;
    WaitBar *m_waits;
};

} // namespace coroscope::app
