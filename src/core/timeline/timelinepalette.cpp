// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timelinepalette.h"

#include <atomic>

namespace coroscope::timeline {

using trace::SuspendReason;

namespace {

std::atomic<bool> projectorInUse = false;

} // namespace

TimelinePalette TimelinePalette::forPalette(const QPalette &palette)
{
    if (projectorInUse)
        return projector();
    return palette.color(QPalette::Window).lightnessF() < 0.5 ? dark() : light();
}

void TimelinePalette::useProjector(bool on)
{
    projectorInUse = on;
}

bool TimelinePalette::isProjectorInUse()
{
    return projectorInUse;
}

TimelinePalette TimelinePalette::projector()
{
    auto p = light();
    p.m_hatched = true;
    // Okabe-Ito at full strength: the light set's softer tints vanish on a projector.
    p.m_running = QColor(0x00, 0x9e, 0x73);
    p.m_reasons[std::size_t(SuspendReason::Network)] = QColor(0x00, 0x72, 0xb2);
    p.m_reasons[std::size_t(SuspendReason::Database)] = QColor(0xcc, 0x79, 0xa7);
    p.m_reasons[std::size_t(SuspendReason::Timer)] = QColor(0xe6, 0x9f, 0x00);
    p.m_reasons[std::size_t(SuspendReason::Semaphore)] = QColor(0xf0, 0xe4, 0x42);
    p.m_reasons[std::size_t(SuspendReason::ThreadPool)] = QColor(0x56, 0xb4, 0xe9);
    p.m_reasons[std::size_t(SuspendReason::ChildJoin)] = QColor(0x99, 0x99, 0x99);
    p.m_reasons[std::size_t(SuspendReason::Other)] = QColor(0xbb, 0xbb, 0xbb);
    p.m_failed = QColor(0xd5, 0x5e, 0x00);
    p.m_cancelled = QColor(0x33, 0x33, 0x33);
    p.m_text = Qt::black;
    p.m_mutedText = QColor(0x33, 0x33, 0x33);
    p.m_grid = QColor(0, 0, 0, 40);
    p.m_playhead = QColor(0xc0, 0x00, 0x50);
    return p;
}

QBrush TimelinePalette::hatch(SuspendReason reason) const
{
    if (!m_hatched)
        return Qt::NoBrush;
    auto ink = textOn(suspended(reason));
    ink.setAlpha(150);
    switch (reason) {
    case SuspendReason::Network: return QBrush(ink, Qt::BDiagPattern);
    case SuspendReason::Database: return QBrush(ink, Qt::CrossPattern);
    case SuspendReason::Timer: return QBrush(ink, Qt::VerPattern);
    case SuspendReason::Semaphore: return QBrush(ink, Qt::FDiagPattern);
    case SuspendReason::ThreadPool: return QBrush(ink, Qt::HorPattern);
    case SuspendReason::ChildJoin: return QBrush(ink, Qt::Dense6Pattern);
    case SuspendReason::Other: return QBrush(ink, Qt::DiagCrossPattern);
    }
    return Qt::NoBrush;
}

TimelinePalette TimelinePalette::light()
{
    TimelinePalette p;
    p.m_dark = false;
    p.m_running = QColor(0x00, 0x8a, 0x62);
    p.m_reasons[std::size_t(SuspendReason::Network)] = QColor(0x33, 0x8f, 0xd6);
    p.m_reasons[std::size_t(SuspendReason::Database)] = QColor(0xc4, 0x6f, 0xa6);
    p.m_reasons[std::size_t(SuspendReason::Timer)] = QColor(0xe6, 0xa1, 0x1a);
    p.m_reasons[std::size_t(SuspendReason::Semaphore)] = QColor(0xc9, 0xb4, 0x00);
    p.m_reasons[std::size_t(SuspendReason::ThreadPool)] = QColor(0x86, 0x6c, 0xc4);
    p.m_reasons[std::size_t(SuspendReason::ChildJoin)] = QColor(0xa7, 0xb4, 0xc2);
    p.m_reasons[std::size_t(SuspendReason::Other)] = QColor(0xb8, 0xb8, 0xb8);
    p.m_queued = QColor(0x9a, 0x9a, 0x9a);
    p.m_cancelled = QColor(0x70, 0x70, 0x70);
    p.m_failed = QColor(0xd5, 0x3e, 0x00);
    p.m_counter = QColor(0x1f, 0x6f, 0xb5);
    p.m_text = QColor(0x22, 0x22, 0x22);
    p.m_mutedText = QColor(0x66, 0x66, 0x66);
    p.m_lagHealthy = QColor(0x7a, 0xb8, 0x8f);
    p.m_lagWarning = QColor(0xe6, 0x9f, 0x00);
    p.m_arrow = QColor(0x55, 0x60, 0x70, 150);
    p.m_playhead = QColor(0xd0, 0x10, 0x60);
    p.m_grid = QColor(0, 0, 0, 22);
    p.m_groupBackground = QColor(0, 0, 0, 14);
    p.m_selection = QColor(0x30, 0x8c, 0xe8, 40);
    return p;
}

TimelinePalette TimelinePalette::dark()
{
    TimelinePalette p;
    p.m_dark = true;
    p.m_running = QColor(0x2e, 0xc4, 0x8e);
    p.m_reasons[std::size_t(SuspendReason::Network)] = QColor(0x4f, 0xa8, 0xec);
    p.m_reasons[std::size_t(SuspendReason::Database)] = QColor(0xd8, 0x8b, 0xbd);
    p.m_reasons[std::size_t(SuspendReason::Timer)] = QColor(0xf0, 0xb4, 0x3c);
    p.m_reasons[std::size_t(SuspendReason::Semaphore)] = QColor(0xe8, 0xd8, 0x4a);
    p.m_reasons[std::size_t(SuspendReason::ThreadPool)] = QColor(0xa4, 0x8c, 0xe0);
    p.m_reasons[std::size_t(SuspendReason::ChildJoin)] = QColor(0x6d, 0x7a, 0x8a);
    p.m_reasons[std::size_t(SuspendReason::Other)] = QColor(0x80, 0x80, 0x80);
    p.m_queued = QColor(0x88, 0x88, 0x88);
    p.m_cancelled = QColor(0x9a, 0x9a, 0x9a);
    p.m_text = QColor(0xee, 0xee, 0xee);
    p.m_mutedText = QColor(0xaa, 0xaa, 0xaa);
    p.m_failed = QColor(0xff, 0x6a, 0x3d);
    p.m_counter = QColor(0x5c, 0xb0, 0xf0);
    p.m_lagHealthy = QColor(0x4e, 0x9a, 0x6c);
    p.m_lagWarning = QColor(0xf0, 0xb4, 0x3c);
    p.m_arrow = QColor(0xb0, 0xbc, 0xcc, 150);
    p.m_playhead = QColor(0xff, 0x4d, 0x94);
    p.m_grid = QColor(255, 255, 255, 24);
    p.m_groupBackground = QColor(255, 255, 255, 14);
    p.m_selection = QColor(0x4f, 0xa8, 0xec, 50);
    return p;
}

QColor TimelinePalette::spanColor(const Span &span) const
{
    switch (span.state) {
    case SpanState::Queued: return m_queued;
    case SpanState::Running: return m_running;
    case SpanState::Suspended: return suspended(span.reason);
    case SpanState::Failed: return m_failed;
    }
    return m_running;
}

QColor TimelinePalette::textOn(const QColor &fill)
{
    // Relative luminance, roughly: dark text on light fills.
    const double luminance = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return luminance > 0.5 ? QColor(0x10, 0x10, 0x10) : QColor(0xff, 0xff, 0xff);
}

QString reasonTitle(SuspendReason reason)
{
    switch (reason) {
    case SuspendReason::Network: return QStringLiteral("network");
    case SuspendReason::Database: return QStringLiteral("database");
    case SuspendReason::Timer: return QStringLiteral("timer");
    case SuspendReason::Semaphore: return QStringLiteral("semaphore");
    case SuspendReason::ThreadPool: return QStringLiteral("thread pool");
    case SuspendReason::ChildJoin: return QStringLiteral("child tasks");
    case SuspendReason::Other: return QStringLiteral("other");
    }
    return QStringLiteral("other");
}

} // namespace coroscope::timeline
