// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/timeline/timelineview.h"

#include "app/models/sourcetext.h"
#include "app/models/timelinestate.h"
#include "app/timeline/lanedelegate.h"
#include "app/timeline/timelineheader.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"

#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>

#include <cmath>

namespace coroscope::app {

using timeline::blockedLagMs;
using timeline::CounterPoint;
using timeline::firstSpanEndingAfter;
using timeline::formatDuration;
using timeline::formatMilliseconds;
using timeline::LaneKind;
using timeline::MarkerKind;
using timeline::pointAtOrBefore;
using timeline::reasonTitle;
using timeline::spanAt;
using timeline::SpanEnding;
using timeline::SpanState;
using timeline::TimelinePalette;
using timeline::warningLagMs;
namespace {

// Above this many spawn arrows in view, only the selected task's are drawn: a thousand arrows
// say nothing.
constexpr int maxArrows = 120;

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QTreeView(parent)
    , m_header(new TimelineHeader(this))
    , m_delegate(new LaneDelegate(this))
{
    setHeader(m_header);
    setItemDelegate(m_delegate);
    m_delegate->setFrame(&m_frame);
    m_header->setFrame(&m_frame);
    setUniformRowHeights(false);
    setAlternatingRowColors(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAllColumnsShowFocus(true);
    setMouseTracking(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setAnimated(false);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Nesting shows who spawned whom; deep trees should not push names off the column.
    setIndentation(fontMetrics().averageCharWidth() * 2);
    m_header->setStretchLastSection(true);
    m_header->setMinimumSectionSize(fontMetrics().averageCharWidth() * 6);
    connect(m_header, &QHeaderView::sectionResized, this, [this] {
        updateFrame();
        viewport()->update();
    });
    m_rowScaleTimer.setSingleShot(true);
    m_rowScaleTimer.setInterval(0);
    connect(&m_rowScaleTimer, &QTimer::timeout, this, &TimelineView::updateRowScale);
    connect(this, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (m_model)
            m_folded.insert(m_model->lane(index));
        m_rowScaleTimer.start();
    });
    connect(this, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (m_model)
            m_folded.remove(m_model->lane(index));
        m_rowScaleTimer.start();
    });
    connect(m_header, &TimelineHeader::scrubbed, this, [this](qint64 timeNs) {
        if (m_state && !m_state->isLive())
            m_state->setPlayhead(timeNs);
    });
}

TimelineView::~TimelineView() = default;

TimelineModel *TimelineView::timelineModel() const
{
    return m_model;
}

TimelineState *TimelineView::state() const
{
    return m_state;
}

void TimelineView::setTimelineModel(TimelineModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    setModel(model);
    if (!model)
        return;
    m_header->setSectionResizeMode(TimelineModel::NameColumn, QHeaderView::Interactive);
    m_header->resizeSection(TimelineModel::NameColumn, fontMetrics().averageCharWidth() * 30);
    connect(model, &TimelineModel::contentChanged, this, [this] {
        updateFrame();
        viewport()->update();
    });
    // New lanes show up expanded (unless the user folded their parent): a run unfolds as it
    // happens.
    connect(model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent) {
        if (parent.isValid() && !isExpanded(parent) && !m_folded.contains(m_model->lane(parent)))
            expand(parent);
        if (!parent.isValid())
            applyTasksOnly();
        m_rowScaleTimer.start();
    });
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_folded.clear();
        applyTasksOnly();
        expandAll();
        updateFrame();
        m_rowScaleTimer.start();
    });
    expandAll();
    updateFrame();
}

void TimelineView::setTasksOnly(bool tasksOnly)
{
    m_tasksOnly = tasksOnly;
    applyTasksOnly();
    m_rowScaleTimer.start();
}

void TimelineView::applyTasksOnly()
{
    if (!m_model)
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto *lane = m_model->lane(m_model->index(row, 0));
        setRowHidden(row, {}, m_tasksOnly && lane != m_model->tasksGroup());
    }
}

void TimelineView::setState(TimelineState *state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_header->setState(state);
    if (!state)
        return;
    auto repaint = [this] {
        updateFrame();
        viewport()->update();
        m_header->viewport()->update();
    };
    connect(state, &TimelineState::visibleRangeChanged, this, repaint);
    connect(state, &TimelineState::playheadChanged, this, repaint);
    connect(state, &TimelineState::selectedTaskChanged, this, [this, repaint](trace::TaskId task) {
        followSelection(task);
        repaint();
    });
    updateFrame();
}

void TimelineView::setSourceLookup(std::function<QString(const trace::Location &)> lookup)
{
    m_sourceLookup = std::move(lookup);
}

QRect TimelineView::timeArea() const
{
    return QRect(columnViewportPosition(TimelineModel::TimelineColumn), 0,
                 std::max(1, columnWidth(TimelineModel::TimelineColumn)), viewport()->height());
}

void TimelineView::updateFrame()
{
    const auto area = timeArea();
    if (m_state)
        m_frame.axis = TimeAxis(m_state->visibleStartNs(), m_state->visibleEndNs(), area.width());
    m_frame.palette = TimelinePalette::forPalette(palette());
    m_frame.model = m_model;
    m_frame.nowNs = m_model ? m_model->endNs() : 0;
    m_frame.selectedTask = m_state ? m_state->selectedTask() : 0;
    m_frame.revealedUntilNs = m_state && !m_state->isLive() ? m_state->playheadNs() : -1;
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.92);
    m_frame.font = small;
    // A label shorter than a word ("sle…") is noise: spans get one when about nine characters fit.
    m_frame.labelMinWidth = QFontMetricsF(small).averageCharWidth() * 9 + 8;
    m_frame.gridX.clear();
    for (const auto &tick :
         m_frame.axis.ticks(QFontMetricsF(font()).horizontalAdvance(QStringLiteral("000.00 ms")) * 1.5)) {
        if (tick.major)
            m_frame.gridX.push_back(tick.x);
    }
}

void TimelineView::followSelection(trace::TaskId task)
{
    if (m_syncingSelection || !m_model)
        return;
    m_syncingSelection = true;
    const auto index = m_model->indexOfTask(task);
    if (index.isValid()) {
        for (auto parent = index.parent(); parent.isValid(); parent = parent.parent())
            expand(parent);
        setCurrentIndex(index);
        scrollTo(index);
    } else {
        clearSelection();
    }
    m_syncingSelection = false;
}

void TimelineView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    if (m_syncingSelection || !m_state || !m_model)
        return;
    const auto *lane = m_model->lane(current);
    if (!lane || lane->kind != LaneKind::Task)
        return;
    m_syncingSelection = true;
    m_state->setSelectedTask(lane->task);
    m_syncingSelection = false;
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QTreeView::resizeEvent(event);
    updateFrame();
    m_rowScaleTimer.start();
}

void TimelineView::updateRowScale()
{
    if (!m_model)
        return;
    // The height every shown lane takes at its natural size.
    int natural = 0;
    int growable = 0;
    for (const auto *lane : m_model->lanes()) {
        bool shown = true;
        for (const auto *up = lane->parent; up && shown; up = up->parent)
            shown = !m_folded.contains(up) && isExpanded(m_model->indexOf(up));
        if (!shown)
            continue;
        const int height = LaneDelegate::naturalHeight(lane->kind, fontMetrics());
        natural += height;
        growable += lane->kind == LaneKind::Group ? 0 : height;
    }
    double scale = 1.0;
    const int room = viewport()->height() * 85 / 100 - (natural - growable);
    if (growable > 0 && room > growable)
        scale = std::min(1.8, std::floor(double(room) / double(growable) * 10.0) / 10.0);
    if (std::abs(scale - m_delegate->rowScale()) < 0.05)
        return;
    m_delegate->setRowScale(scale);
    scheduleDelayedItemsLayout();
}

void TimelineView::changeEvent(QEvent *event)
{
    QTreeView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        updateFrame();
        viewport()->update();
        m_rowScaleTimer.start();
    }
}

void TimelineView::paintEvent(QPaintEvent *event)
{
    updateFrame();
    QTreeView::paintEvent(event);
    QPainter painter(viewport());
    paintOverlay(painter);
}

void TimelineView::paintOverlay(QPainter &painter)
{
    if (!m_model || !m_state || !m_frame.axis.isValid())
        return;
    const auto area = timeArea();
    painter.setClipRect(area);
    paintBlockedLoop(painter, area);
    paintArrows(painter, area);
    paintPlayhead(painter, area);
}

void TimelineView::paintBlockedLoop(QPainter &painter, const QRect &area)
{
    const auto *loop = m_model->eventLoopLane();
    if (!loop)
        return;
    const auto &axis = m_frame.axis;
    // Unmistakable on purpose: while the loop was blocked no coroutine on it could move, so the
    // whole timeline is marked, not just the loop's lane.
    auto band = m_frame.palette.lagBlocked();
    band.setAlpha(m_frame.palette.isDark() ? 60 : 48);
    auto edge = m_frame.palette.lagBlocked();
    edge.setAlpha(200);
    // Beats are ordered by when they arrived; a late one covers the time before it.
    const auto first = std::partition_point(loop->points.begin(), loop->points.end(),
                                            [&](const CounterPoint &p) { return p.timeNs < axis.startNs(); });
    for (auto it = first; it != loop->points.end(); ++it) {
        const qint64 began = it->timeNs - qint64(it->value * 1e6);
        if (began > axis.endNs())
            break;
        if (it->value < blockedLagMs)
            continue;
        const double xs = area.left() + axis.mapTimeToX(began);
        const double xe = area.left() + axis.mapTimeToX(it->timeNs);
        const QRectF rect(xs, area.top(), std::max(2.0, xe - xs), area.height());
        painter.fillRect(rect, band);
        painter.setPen(QPen(edge, 1.5));
        painter.drawLine(rect.topLeft(), rect.bottomLeft());
        painter.drawLine(rect.topRight(), rect.bottomRight());
    }
}

void TimelineView::paintArrows(QPainter &painter, const QRect &area)
{
    const auto &axis = m_frame.axis;
    struct Arrow {
        QPointF from;
        QPointF to;
        bool related;
    };
    std::vector<Arrow> arrows;
    const auto selected = m_state->selectedTask();
    for (auto index = indexAt(QPoint(area.left() + 1, 1)); index.isValid(); index = indexBelow(index)) {
        const auto rect = visualRect(index);
        if (rect.top() > area.bottom())
            break;
        const auto *lane = m_model->lane(index);
        if (!lane || lane->kind != LaneKind::Task || lane->parentTask == 0 || lane->createdNs < 0)
            continue;
        const auto parentIndex = m_model->indexOfTask(lane->parentTask);
        if (!parentIndex.isValid())
            continue;
        const double x1 = area.left() + axis.mapTimeToX(lane->createdNs);
        const double x2 = area.left() + axis.mapTimeToX(lane->startedNs >= 0 ? lane->startedNs : lane->createdNs);
        if (x2 < area.left() - 4 || x1 > area.right() + 4)
            continue;
        const auto parentRect = visualRect(parentIndex);
        const bool related = selected != 0 && (lane->task == selected || lane->parentTask == selected);
        arrows.push_back({QPointF(x1, parentRect.center().y()), QPointF(x2, rect.center().y()), related});
    }
    const bool onlyRelated = arrows.size() > std::size_t(maxArrows);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const double head = std::max(4.0, fontMetrics().height() * 0.3);
    for (const auto &arrow : arrows) {
        if (onlyRelated && !arrow.related)
            continue;
        auto color = arrow.related ? m_frame.palette.playhead() : m_frame.palette.arrow();
        painter.setPen(QPen(color, arrow.related ? 1.6 : 1.0));
        const QPointF corner(arrow.from.x(), arrow.to.y());
        painter.drawLine(arrow.from, corner);
        if (arrow.to.x() - corner.x() > 1)
            painter.drawLine(corner, arrow.to);
        // The head points down into the child's lane, at its start.
        const QPointF tip(arrow.to.x(), arrow.to.y() - fontMetrics().height() * 0.3);
        QPainterPath path;
        const QPointF base(arrow.from.x(), tip.y());
        path.moveTo(base.x() - head / 2, base.y() - head);
        path.lineTo(base.x() + head / 2, base.y() - head);
        path.lineTo(base.x(), base.y());
        path.closeSubpath();
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPath(path);
    }
    painter.restore();
}

void TimelineView::paintPlayhead(QPainter &painter, const QRect &area)
{
    const auto &axis = m_frame.axis;
    if (m_state->isLive()) {
        // The newest moment of a live run.
        const double x = area.left() + axis.mapTimeToX(m_frame.nowNs);
        painter.setPen(QPen(m_frame.palette.arrow(), 1, Qt::DashLine));
        painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
    }
    if (m_state->playheadNs() < 0)
        return;
    const double x = std::round(area.left() + axis.mapTimeToX(m_state->playheadNs()));
    if (!m_state->isLive() && x < area.right()) {
        // What has not happened yet at the playhead is faded, so a replay reads as a replay.
        auto veil = palette().color(QPalette::Base);
        veil.setAlpha(110);
        painter.fillRect(QRectF(std::max<double>(x, area.left()), area.top(), area.right() - x + 1, area.height()), veil);
    }
    painter.setPen(QPen(m_frame.palette.playhead(), 2));
    painter.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    const auto pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton && m_state && timeArea().contains(pos)) {
        m_pressed = true;
        m_dragging = false;
        m_pressPos = pos;
        m_pressStartNs = m_state->visibleStartNs();
        m_pressEndNs = m_state->visibleEndNs();
        setFocus(Qt::MouseFocusReason);
        event->accept();
        return;
    }
    QTreeView::mousePressEvent(event);
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_pressed) {
        QTreeView::mouseMoveEvent(event);
        return;
    }
    const auto pos = event->position().toPoint();
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    if (!m_dragging) {
        m_dragging = true;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    const double width = std::max(1, timeArea().width());
    const auto shift = qint64(
        std::llround(double(pos.x() - m_pressPos.x()) * double(m_pressEndNs - m_pressStartNs) / width));
    m_state->setVisibleRange(m_pressStartNs - shift, m_pressEndNs - shift);
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (!m_pressed) {
        QTreeView::mouseReleaseEvent(event);
        return;
    }
    m_pressed = false;
    if (m_dragging) {
        m_dragging = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    const auto hit = hitTest(event->position().toPoint());
    if (hit.lane) {
        // A bar on a worker thread stands for its task: selecting it selects the task.
        const auto task = hit.lane->kind == LaneKind::Thread && hit.span ? hit.span->task : hit.lane->task;
        if (task != 0)
            m_state->setSelectedTask(task);
        else
            setCurrentIndex(hit.index);
    }
    if (!m_state->isLive() && hit.timeNs >= 0)
        m_state->setPlayhead(hit.timeNs);
    event->accept();
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    if (!m_state) {
        QTreeView::wheelEvent(event);
        return;
    }
    const auto area = timeArea();
    const auto delta = event->angleDelta();
    if (event->modifiers() & Qt::ControlModifier) {
        const double x = std::clamp(event->position().x() - area.left(), 0.0, double(area.width()));
        // One notch (120) zooms by 2^(1/4): four notches double or halve.
        m_state->zoomBy(std::pow(2.0, double(delta.y()) / 480.0), m_frame.axis.mapXToTime(x));
        event->accept();
        return;
    }
    const int horizontal = (event->modifiers() & Qt::ShiftModifier) ? (delta.x() != 0 ? delta.x() : delta.y())
                                                                    : delta.x();
    if (horizontal != 0) {
        m_state->panBy(-m_frame.axis.durationOf(double(horizontal) / 120.0 * area.width() * 0.1));
        event->accept();
        return;
    }
    QTreeView::wheelEvent(event);
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (timeArea().contains(help->pos())) {
            const auto text = toolTipAt(help->pos());
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(help->globalPos(), text, viewport());
            return true;
        }
    }
    return QTreeView::viewportEvent(event);
}

TimelineView::Hit TimelineView::hitTest(const QPoint &pos) const
{
    Hit hit;
    if (!m_model)
        return hit;
    const auto index = indexAt(pos);
    if (!index.isValid())
        return hit;
    hit.index = index.siblingAtColumn(TimelineModel::NameColumn);
    hit.lane = m_model->lane(index);
    const auto area = timeArea();
    if (!area.contains(pos) || !m_frame.axis.isValid())
        return hit;
    const auto &axis = m_frame.axis;
    hit.timeNs = axis.mapXToTime(pos.x() - area.left());
    const qint64 tolerance = axis.durationOf(4);
    for (const auto &marker : hit.lane->markers) {
        if (marker.kind == MarkerKind::Started || marker.kind == MarkerKind::Finished)
            continue;
        if (std::llabs(marker.timeNs - hit.timeNs) <= tolerance) {
            hit.marker = &marker;
            break;
        }
    }
    const auto &spans = hit.lane->spans;
    hit.span = spanAt(spans, hit.timeNs, m_frame.nowNs);
    if (!hit.span) {
        // Thin bars are hard to hit: take the nearest within a few pixels.
        const auto at = firstSpanEndingAfter(spans, hit.timeNs - tolerance, m_frame.nowNs);
        if (at < spans.size() && spans[at].startNs <= hit.timeNs + tolerance)
            hit.span = &spans[at];
    }
    return hit;
}

QString TimelineView::describeSpan(const Lane &lane, const Span &span) const
{
    const auto *trace = m_model->trace();
    const auto *task = m_model->taskLane(span.task);
    const QString name = task ? task->title : lane.title;
    QStringList lines;
    lines.append(tr("<b>%1</b> <span style='color:gray'>task #%2</span>").arg(escaped(name)).arg(span.task));
    const auto label = trace && span.label ? escaped(trace->string(span.label)) : QString();
    switch (span.state) {
    case SpanState::Queued: lines.append(tr("queued: waiting for a free worker thread")); break;
    case SpanState::Running:
        lines.append(tr("running on %1")
                         .arg(escaped(trace ? trace->threadName(lane.kind == LaneKind::Thread ? lane.thread
                                                                                              : m_model->loopThread())
                                            : QString())));
        break;
    case SpanState::Suspended:
        lines.append(tr("waiting on <b>%1</b>%2")
                         .arg(reasonTitle(span.reason), label.isEmpty() ? QString() : QStringLiteral(": ") + label));
        if (span.ending == SpanEnding::Cancelled
            && (m_frame.revealedUntilNs < 0 || span.end(m_frame.nowNs) <= m_frame.revealedUntilNs))
            lines.append(tr("ended by a <b>cancellation</b>"));
        break;
    case SpanState::Failed:
        lines.append(tr("<b>failed</b>%1")
                         .arg(task && task->error && trace ? QStringLiteral(": ") + escaped(trace->string(task->error))
                                                           : QString()));
        break;
    }
    const qint64 end = span.end(m_frame.nowNs);
    lines.append(tr("from %1 ms for %2%3")
                     .arg(formatMilliseconds(span.startNs), formatDuration(end - span.startNs),
                          span.isOpen() ? tr(" so far") : QString()));
    if (trace && span.location) {
        const auto where = trace->location(span.location);
        lines.append(tr("%1 in %2").arg(escaped(fileAndLine(where)), escaped(shortFunctionName(where.function))));
        if (m_sourceLookup) {
            const auto code = m_sourceLookup(where).trimmed();
            if (!code.isEmpty())
                lines.append(QStringLiteral("<code>%1</code>").arg(escaped(code)));
        }
    }
    return lines.join(QStringLiteral("<br>"));
}

QString TimelineView::toolTipAt(const QPoint &pos) const
{
    const auto hit = hitTest(pos);
    if (!hit.lane || hit.timeNs < 0)
        return {};
    const auto *trace = m_model->trace();
    const auto &lane = *hit.lane;
    if (hit.marker && trace) {
        const auto text = escaped(trace->string(hit.marker->label));
        switch (hit.marker->kind) {
        case MarkerKind::Error:
            return tr("<b>%1</b> failed at %2 ms<br>%3")
                .arg(escaped(lane.title), formatMilliseconds(hit.marker->timeNs), text);
        case MarkerKind::Cancelled:
            return tr("<b>%1</b> cancelled at %2 ms<br>%3")
                .arg(escaped(lane.title), formatMilliseconds(hit.marker->timeNs), text);
        case MarkerKind::Mark: return QStringLiteral("%1 ms: %2").arg(formatMilliseconds(hit.marker->timeNs), text);
        default: break;
        }
    }
    switch (lane.kind) {
    case LaneKind::Task:
    case LaneKind::Thread: return hit.span ? describeSpan(lane, *hit.span) : QString();
    case LaneKind::Counter: {
        const auto at = pointAtOrBefore(lane.points, hit.timeNs);
        const double value = at >= 0 ? lane.points[std::size_t(at)].value : 0.0;
        return tr("<b>%1</b>: %2 at %3 ms (peak %4)")
            .arg(escaped(lane.title))
            .arg(value)
            .arg(formatMilliseconds(hit.timeNs))
            .arg(lane.maxValue);
    }
    case LaneKind::EventLoop: {
        auto next = std::partition_point(lane.points.begin(), lane.points.end(),
                                         [&](const CounterPoint &p) { return p.timeNs < hit.timeNs; });
        if (next == lane.points.end())
            return {};
        // The late beat that covers this moment, if one of the next few does.
        for (auto it = next; it != lane.points.end() && it - next < 64; ++it) {
            if (it->timeNs - qint64(it->value * 1e6) <= hit.timeNs && it->value > next->value)
                next = it;
        }
        const auto lag = next->value;
        if (next->timeNs - qint64(lag * 1e6) <= hit.timeNs && lag >= warningLagMs) {
            return tr("<b>event loop %1 for %2</b><br>no coroutine on this loop could run; "
                      "the heartbeat at %3 ms came that late")
                .arg(lag >= blockedLagMs ? tr("blocked") : tr("busy"), formatDuration(qint64(lag * 1e6)),
                     formatMilliseconds(next->timeNs));
        }
        return tr("event loop responsive: heartbeat %1 late at %2 ms")
            .arg(formatDuration(qint64(lag * 1e6)), formatMilliseconds(next->timeNs));
    }
    case LaneKind::Group: break;
    }
    return {};
}

} // namespace coroscope::app
