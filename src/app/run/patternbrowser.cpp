// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/run/patternbrowser.h"

#include "patterns/catalog.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace coroscope::app {

PatternBrowser::PatternBrowser(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_view(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_filter(new QSortFilterProxyModel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_search->setPlaceholderText(tr("Search patterns (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("patternSearch"));
    layout->addWidget(m_search);
    layout->addWidget(m_view, 1);

    m_filter->setSourceModel(m_model);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setAutoAcceptChildRows(true); // "Concurrency" finds every pattern in it
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setFilterRole(SearchTextRole);
    m_view->setModel(m_filter);
    m_view->setHeaderHidden(true);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformRowHeights(true);
    m_view->setObjectName(QStringLiteral("patternList"));
    populate();
    m_view->expandAll();

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text.trimmed());
        m_view->expandAll();
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        const auto first = firstVisiblePattern();
        if (first.isValid()) {
            m_view->setCurrentIndex(first);
            m_view->setFocus();
        }
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        const auto id = current.data(PatternIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT patternSelected(id);
    });
    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (!index.data(PatternIdRole).toString().isEmpty())
            Q_EMIT runRequested();
    });
}

void PatternBrowser::populate()
{
    const auto &catalog = patterns::Catalog::instance();
    for (const auto &category : catalog.categories()) {
        auto *group = new QStandardItem(category);
        auto font = group->font();
        font.setBold(true);
        group->setFont(font);
        group->setSelectable(false);
        group->setData(category, SearchTextRole);
        for (const auto &pattern : catalog.patterns()) {
            const auto &info = pattern->info();
            if (info.category != category)
                continue;
            auto *item = new QStandardItem(info.title);
            item->setData(info.id, PatternIdRole);
            item->setData(QStringList{info.title, info.id, info.summary, info.category}.join(QLatin1Char(' ')),
                          SearchTextRole);
            item->setToolTip(QStringLiteral("<b>%1</b> <code>%2</code><br>%3")
                                 .arg(info.title.toHtmlEscaped(), info.id.toHtmlEscaped(), info.summary.toHtmlEscaped()));
            group->appendRow(item);
        }
        m_model->appendRow(group);
    }
}

QString PatternBrowser::currentPattern() const
{
    return m_view->currentIndex().data(PatternIdRole).toString();
}

bool PatternBrowser::setCurrentPattern(const QString &id)
{
    const auto matches = m_model->match(m_model->index(0, 0), PatternIdRole, id, 1,
                                        Qt::MatchExactly | Qt::MatchRecursive);
    if (matches.isEmpty())
        return false;
    auto index = m_filter->mapFromSource(matches.first());
    if (!index.isValid()) {
        // Hidden by the search: clear it rather than select something invisible.
        m_search->clear();
        index = m_filter->mapFromSource(matches.first());
    }
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    return true;
}

void PatternBrowser::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

QModelIndex PatternBrowser::firstVisiblePattern() const
{
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const auto group = m_filter->index(row, 0);
        if (m_filter->rowCount(group) > 0)
            return m_filter->index(0, 0, group);
    }
    return {};
}

QStringList PatternBrowser::visiblePatterns() const
{
    QStringList ids;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const auto group = m_filter->index(row, 0);
        for (int child = 0; child < m_filter->rowCount(group); ++child)
            ids.append(m_filter->index(child, 0, group).data(PatternIdRole).toString());
    }
    return ids;
}

} // namespace coroscope::app
