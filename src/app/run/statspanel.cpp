// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/run/statspanel.h"

#include "timeline/lanepainter.h"
#include "timeline/timeformat.h"
#include "timeline/timelinepalette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace coroscope::app {

using timeline::blockedLagMs;
using timeline::formatDuration;
using timeline::reasonTitle;
using timeline::warningLagMs;

// Suspended time by reason as one stacked bar: where the run spent its waiting.
class StatsPanel::WaitBar : public QWidget
{
public:
    explicit WaitBar(QWidget *parent)
        : QWidget(parent)
    {
        setMinimumWidth(fontMetrics().averageCharWidth() * 24);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    }
    void setWaits(const std::array<qint64, trace::SuspendReasonCount> &waits)
    {
        m_waits = waits;
        update();
    }
    QSize sizeHint() const override { return QSize(fontMetrics().averageCharWidth() * 36, fontMetrics().height() * 2); }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing, true);
        const auto palette = TimelinePalette::forPalette(this->palette());
        qint64 total = 0;
        for (const auto ns : m_waits)
            total += ns;
        const QRectF bar(0, height() * 0.15, width(), height() * 0.4);
        painter.setPen(Qt::NoPen);
        painter.setBrush(this->palette().color(QPalette::AlternateBase));
        painter.drawRoundedRect(bar, 3, 3);
        const QFontMetricsF metrics(font());
        if (total <= 0) {
            painter.setPen(this->palette().color(QPalette::PlaceholderText));
            painter.drawText(QRectF(0, bar.bottom(), width(), height() - bar.bottom()),
                             Qt::AlignLeft | Qt::AlignVCenter, StatsPanel::tr("no waiting yet"));
            return;
        }
        double x = 0;
        QString legend;
        for (int i = 0; i < trace::SuspendReasonCount; ++i) {
            const auto ns = m_waits[std::size_t(i)];
            if (ns <= 0)
                continue;
            const double w = bar.width() * double(ns) / double(total);
            painter.setBrush(palette.suspended(trace::SuspendReason(i)));
            painter.drawRect(QRectF(bar.left() + x, bar.top(), w, bar.height()));
            x += w;
            if (!legend.isEmpty())
                legend += QStringLiteral(" · ");
            legend += QStringLiteral("%1 %2%")
                          .arg(reasonTitle(trace::SuspendReason(i)))
                          .arg(qRound(100.0 * double(ns) / double(total)));
        }
        painter.setPen(this->palette().color(QPalette::WindowText));
        painter.drawText(QRectF(0, bar.bottom(), width(), height() - bar.bottom()), Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(legend, Qt::ElideRight, width()));
    }

private:
    std::array<qint64, trace::SuspendReasonCount> m_waits{};
};

StatsPanel::StatsPanel(QWidget *parent)
    : QWidget(parent)
    , m_waits(new WaitBar(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    const std::pair<const char *, const char *> cards[] = {
        {"outcome", QT_TR_NOOP("Outcome")},
        {"wall", QT_TR_NOOP("Wall time")},
        {"tasks", QT_TR_NOOP("Tasks")},
        {"peak", QT_TR_NOOP("Peak concurrency")},
        {"errors", QT_TR_NOOP("Errors")},
        {"cancelled", QT_TR_NOOP("Cancelled")},
        {"lag", QT_TR_NOOP("Loop lag p50 / p99 / max")},
    };
    for (const auto &[name, caption] : cards)
        layout->addWidget(addCard(QString::fromLatin1(name), tr(caption)));
    auto *waitCard = new QFrame(this);
    waitCard->setFrameShape(QFrame::StyledPanel);
    auto *waitLayout = new QVBoxLayout(waitCard);
    waitLayout->setContentsMargins(8, 4, 8, 4);
    waitLayout->setSpacing(0);
    auto *waitCaption = new QLabel(tr("Waiting, by reason"), waitCard);
    waitCaption->setForegroundRole(QPalette::PlaceholderText);
    waitLayout->addWidget(waitCaption);
    waitLayout->addWidget(m_waits, 1);
    layout->addWidget(waitCard, 3);
    clear();
}

QWidget *StatsPanel::addCard(const QString &name, const QString &caption)
{
    auto *card = new QFrame(this);
    card->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(10, 4, 10, 4);
    layout->setSpacing(0);
    auto *captionLabel = new QLabel(caption, card);
    captionLabel->setForegroundRole(QPalette::PlaceholderText);
    auto *value = new QLabel(card);
    value->setObjectName(name);
    auto font = value->font();
    font.setPointSizeF(font.pointSizeF() * 1.45);
    font.setBold(true);
    value->setFont(font);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(captionLabel);
    layout->addWidget(value);
    m_values.insert(name, value);
    return card;
}

void StatsPanel::setCard(const QString &name, const QString &text, const QColor &color)
{
    auto *label = m_values.value(name);
    if (!label)
        return;
    label->setText(text);
    auto palette = label->palette();
    palette.setColor(QPalette::WindowText, color.isValid() ? color : this->palette().color(QPalette::WindowText));
    label->setPalette(palette);
}

QString StatsPanel::cardText(const QString &card) const
{
    const auto *label = m_values.value(card);
    return label ? label->text() : QString();
}

void StatsPanel::clear()
{
    for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
        setCard(it.key(), QStringLiteral("—"));
    setCard(QStringLiteral("outcome"), tr("not run"));
    m_waits->setWaits({});
}

void StatsPanel::showRunning()
{
    setCard(QStringLiteral("outcome"), tr("running…"), TimelinePalette::forPalette(palette()).running());
}

void StatsPanel::showSummary(const trace::Summary &summary)
{
    const auto palette = TimelinePalette::forPalette(this->palette());
    setCard(QStringLiteral("wall"), formatDuration(summary.wallNs));
    setCard(QStringLiteral("tasks"), QString::number(summary.tasks));
    setCard(QStringLiteral("peak"), QString::number(summary.peakConcurrency));
    setCard(QStringLiteral("errors"), QString::number(summary.errors), summary.errors > 0 ? palette.failed() : QColor());
    setCard(QStringLiteral("cancelled"), QString::number(summary.cancellations));
    const auto ms = [](double value) { return QString::number(value, 'f', value < 10 ? 1 : 0); };
    setCard(
        QStringLiteral("lag"),
        QStringLiteral("%1 / %2 / %3 ms").arg(ms(summary.loopLagP50Ms), ms(summary.loopLagP99Ms), ms(summary.loopLagMaxMs)),
        summary.loopLagMaxMs >= blockedLagMs   ? palette.lagBlocked()
        : summary.loopLagMaxMs >= warningLagMs ? palette.lagWarning()
                                               : QColor());
    m_waits->setWaits(summary.suspendedNsByReason);
}

void StatsPanel::showOutcome(const patterns::RunOutcome &outcome)
{
    showStatus(QString::fromLatin1(patterns::toString(outcome.status)), outcome.summary);
}

void StatsPanel::showStatus(const QString &status, const QString &summary)
{
    const auto palette = TimelinePalette::forPalette(this->palette());
    QColor color;
    if (status == QLatin1String(patterns::toString(patterns::RunStatus::Ok)))
        color = palette.running();
    else if (status == QLatin1String(patterns::toString(patterns::RunStatus::Error)))
        color = palette.failed();
    else if (status == QLatin1String(patterns::toString(patterns::RunStatus::Cancelled)))
        color = palette.cancelled();
    else if (status == QLatin1String(patterns::toString(patterns::RunStatus::TimedOut)))
        color = palette.lagWarning();
    // Anything else (a run cut short, another tool's trace) keeps the neutral colour.
    setCard(QStringLiteral("outcome"), status.isEmpty() ? QStringLiteral("—") : status, color);
    if (auto *label = m_values.value(QStringLiteral("outcome")))
        label->setToolTip(summary);
}

void StatsPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        m_waits->update();
}

} // namespace coroscope::app
