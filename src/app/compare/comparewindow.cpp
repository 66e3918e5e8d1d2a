// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/compare/comparewindow.h"

#include "app/export/exportdialog.h"
#include "app/export/exportfeedback.h"
#include "app/models/comparisonmodel.h"
#include "app/models/timelinestate.h"
#include "app/models/timewindowlink.h"
#include "app/timeline/timelinelegend.h"
#include "app/timeline/timelinepanel.h"
#include "app/timeline/timelineview.h"
#include "report/history.h"
#include "timeline/timeformat.h"
#include "timeline/timelinemodel.h"
#include "trace/summary.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace coroscope::app {

using timeline::formatDuration;
namespace {

const char *const sideLetters[CompareWindow::RunCount] = {"A", "B"};

int visibleLaneCount(const TimelineModel &model)
{
    return int(model.lanes().size());
}

} // namespace

CompareWindow *CompareWindow::load(const QString &historyPath, qint64 first, qint64 second, QString *error,
                                   QWidget *parent)
{
    report::History history;
    if (!history.open(historyPath, error))
        return nullptr;
    patterns::StoredRun a;
    patterns::StoredRun b;
    if (!patterns::loadStoredRun(history, first, a, error) || !patterns::loadStoredRun(history, second, b, error))
        return nullptr;
    return new CompareWindow(std::move(a), std::move(b), parent);
}

CompareWindow::CompareWindow(patterns::StoredRun first, patterns::StoredRun second, QWidget *parent)
    : QMainWindow(parent)
    , m_link(new TimeWindowLink(this))
    , m_comparison(new ComparisonModel(this))
{
    setWindowFlag(Qt::Window);
    auto *lanes = new QSplitter(Qt::Vertical, this);
    lanes->setChildrenCollapsible(false);
    lanes->addWidget(createSide(0, std::move(first)));
    lanes->addWidget(createSide(1, std::move(second)));
    // One legend and one time scroll bar serve both: A shows the legend, B the scroll bar.
    timeline(0)->timeScrollBar()->hide();
    timeline(1)->legend()->hide();
    // The run with more lanes gets more room, but neither less than a third.
    const int lanesA = visibleLaneCount(*timelineModel(0));
    const int lanesB = visibleLaneCount(*timelineModel(1));
    const int total = std::max(1, lanesA + lanesB);
    lanes->setSizes({std::clamp(lanesA * 1000 / total, 333, 667), std::clamp(lanesB * 1000 / total, 333, 667)});

    qint64 longest = 0;
    for (const auto &side : m_sides)
        longest = std::max(longest, side.model->endNs());
    m_link->setTraceRange(0, longest);
    m_link->fit();
    alignNameColumns();

    m_comparison->setRuns(trace::summarize(run(0).trace), trace::summarize(run(1).trace));
    m_comparison->setHeadings(QStringLiteral("A"), QStringLiteral("B"));
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("differences"));
    m_table->setModel(m_comparison);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    // What differs sits beside the timelines: they need the height, the table a narrow column.
    auto *differences = new QWidget(this);
    auto *differencesLayout = new QVBoxLayout(differences);
    differencesLayout->setContentsMargins(6, 4, 6, 0);
    differencesLayout->setSpacing(2);
    auto *differencesTitle = new QLabel(tr("<b>What differs from A to B</b>"), differences);
    differencesLayout->addWidget(differencesTitle);
    differencesLayout->addWidget(m_table, 1);

    auto *main = new QSplitter(Qt::Horizontal, this);
    main->setChildrenCollapsible(false);
    main->addWidget(lanes);
    main->addWidget(differences);
    main->setStretchFactor(0, 1);
    m_table->resizeColumnsToContents();
    int tableWidth = 2 * m_table->frameWidth() + 24;
    for (int column = 0; column < m_comparison->columnCount(); ++column)
        tableWidth += m_table->horizontalHeader()->sectionSize(column);
    main->setSizes({1500 - tableWidth, tableWidth});
    setCentralWidget(main);

    m_feedback = new ExportFeedback(this);
    connect(m_feedback, &ExportFeedback::exported, this, &CompareWindow::exportFinished);
    createActions();
    setWindowTitle(tr("Compare %1 and %2 — Coroscope").arg(heading(0), heading(1)));
    resize(1500, 950);
}

CompareWindow::~CompareWindow()
{
    // The models point into the runs' traces.
    for (auto &side : m_sides)
        side.model->setTrace(nullptr);
}

QWidget *CompareWindow::createSide(int which, patterns::StoredRun stored)
{
    // Every run starts at zero, so that both are measured from their own beginning.
    stored.trace.shiftTimes(-stored.trace.startNs());
    auto &side = m_sides[std::size_t(which)];
    side.run = std::make_shared<const patterns::StoredRun>(std::move(stored));
    side.model = new TimelineModel(this);
    side.state = new TimelineState(this);
    side.model->setTrace(&side.run->trace);
    side.state->setLive(false);
    side.state->setTraceRange(side.model->startNs(), side.model->endNs());
    m_link->addState(side.state);

    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 4, 6, 0);
    layout->setSpacing(2);
    side.label = new QLabel(box);
    side.label->setTextFormat(Qt::RichText);
    side.label->setText(QStringLiteral("<b>%1</b>&nbsp;&nbsp;<span>%2</span>")
                            .arg(heading(which).toHtmlEscaped(), details(which).toHtmlEscaped()));
    side.label->setObjectName(QStringLiteral("heading") + QLatin1String(sideLetters[which]));
    side.panel = new TimelinePanel(box);
    side.panel->setObjectName(QStringLiteral("timeline") + QLatin1String(sideLetters[which]));
    side.panel->setModel(side.model);
    side.panel->setState(side.state);
    // Equal time areas need equal scroll bars: one showing in only one view would shift its axis.
    side.panel->view()->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    layout->addWidget(side.label);
    layout->addWidget(side.panel, 1);
    return box;
}

QString CompareWindow::heading(int which) const
{
    const auto &stored = run(which).run;
    // The pattern's id first: it is what people call it ("gather"), and titles need not start with it.
    QString name = stored.patternId;
    if (stored.name.startsWith(stored.patternId))
        name = stored.name;
    else if (!stored.name.isEmpty())
        name += QStringLiteral(" — ") + stored.name;
    return QLatin1String(sideLetters[which]) + QStringLiteral(": ") + name;
}

QString CompareWindow::details(int which) const
{
    const auto &stored = run(which);
    const auto tasks = stored.trace.tasks().size();
    return tr("run #%1 · %2 · %3 · %4 · %5")
        .arg(QString::number(stored.run.id), stored.run.status, formatDuration(stored.trace.durationNs()),
             tasks == 1 ? tr("1 task") : tr("%1 tasks").arg(tasks),
             stored.run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd hh:mm:ss")));
}

void CompareWindow::alignNameColumns()
{
    // The time areas line up only if the name columns are equally wide.
    auto *headerA = timeline(0)->view()->header();
    auto *headerB = timeline(1)->view()->header();
    const int width = std::max(headerA->sectionSize(TimelineModel::NameColumn),
                               headerB->sectionSize(TimelineModel::NameColumn));
    headerA->resizeSection(TimelineModel::NameColumn, width);
    headerB->resizeSection(TimelineModel::NameColumn, width);
    for (auto [from, to] : {std::pair{headerA, headerB}, std::pair{headerB, headerA}}) {
        connect(from, &QHeaderView::sectionResized, to, [to](int section, int, int size) {
            if (section == TimelineModel::NameColumn)
                to->resizeSection(section, size);
        });
    }
}

void CompareWindow::createActions()
{
    auto add = [this](const char *name, const QString &text, const QKeySequence &key) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setShortcut(key);
        action->setToolTip(QString(text).remove(QLatin1Char('&')).remove(QStringLiteral("…")) + QStringLiteral(" (")
                           + key.toString(QKeySequence::NativeText) + QLatin1Char(')'));
        QMainWindow::addAction(action);
        return action;
    };
    auto &a = m_actions;
    a.zoomIn = add("zoomIn", tr("Zoom &in"), QKeySequence::ZoomIn);
    a.zoomOut = add("zoomOut", tr("Zoom &out"), QKeySequence::ZoomOut);
    a.fit = add("fit", tr("&Fit both runs"), QKeySequence(Qt::CTRL | Qt::Key_0));
    a.exportComparison = add("export", tr("&Export comparison…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    a.close = add("close", tr("&Close"), QKeySequence::Close);
    connect(a.zoomIn, &QAction::triggered, m_link, &TimeWindowLink::zoomIn);
    connect(a.zoomOut, &QAction::triggered, m_link, &TimeWindowLink::zoomOut);
    connect(a.fit, &QAction::triggered, m_link, &TimeWindowLink::fit);
    connect(a.exportComparison, &QAction::triggered, this, &CompareWindow::chooseExportTarget);
    connect(a.close, &QAction::triggered, this, &QWidget::close);
    auto *bar = addToolBar(tr("Compare"));
    bar->setObjectName(QStringLiteral("compareToolBar"));
    bar->setMovable(false);
    bar->addActions({a.zoomIn, a.zoomOut, a.fit});
    bar->addSeparator();
    bar->addAction(a.exportComparison);
}

void CompareWindow::chooseExportTarget()
{
    if (m_exportFolder.isEmpty())
        m_exportFolder = defaultExportFolder();
    const auto name = QStringLiteral("compare-%1-%2.html").arg(run(0).run.id).arg(run(1).run.id);
    const auto target = askExportTarget(this, tr("Export comparison"), QDir(m_exportFolder).filePath(name),
                                        {QStringLiteral("html"), QStringLiteral("svg"), QStringLiteral("png")});
    if (!target)
        return;
    m_exportFolder = QFileInfo(target->path).absolutePath();
    exportTo(target->path, target->options);
}

void CompareWindow::exportTo(const QString &path, const report::ExportOptions &options)
{
    // The job shares the runs, and the inputs point into them: closing the window meanwhile is safe.
    auto first = m_sides[0].run;
    auto second = m_sides[1].run;
    m_feedback->write(path,
                      [first, second, inputA = first->reportInput(), inputB = second->reportInput(), path, options](
                          QString *error) { return report::exportComparison(inputA, inputB, path, error, options); });
}

} // namespace coroscope::app
