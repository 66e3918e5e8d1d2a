// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace coroscope::app {

// The catalog by category, with a search field that filters as you type (titles, ids,
// summaries). Enter in the search field picks the first match.
class PatternBrowser : public QWidget
{
    Q_OBJECT
public:
    enum Role { PatternIdRole = Qt::UserRole + 1, SearchTextRole };

    explicit PatternBrowser(QWidget *parent = nullptr);

    QString currentPattern() const;
    // Returns false for an unknown id.
    bool setCurrentPattern(const QString &id);
    void focusSearch();

    QLineEdit *searchField() const { return m_search; }
    QTreeView *view() const { return m_view; }
    // Patterns visible under the current search.
    QStringList visiblePatterns() const;

Q_SIGNALS:
    void patternSelected(const QString &id);
    // Double-click or Enter on a pattern.
    void runRequested();

private:
    void populate();
    QModelIndex firstVisiblePattern() const;

    QLineEdit *m_search;
    QTreeView *m_view;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_filter;
};

} // namespace coroscope::app
