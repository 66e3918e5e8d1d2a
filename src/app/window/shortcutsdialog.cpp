// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/shortcutsdialog.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace coroscope::app {

void showShortcutsDialog(QWidget *window)
{
    QDialog dialog(window);
    dialog.setWindowTitle(QStringLiteral("Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *table = new QTableWidget(&dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({QStringLiteral("Action"), QStringLiteral("Keys")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    QList<std::pair<QString, QString>> rows;
    for (auto *a : window->actions()) {
        if (a->shortcuts().isEmpty())
            continue;
        QStringList keys;
        for (const auto &key : a->shortcuts())
            keys.append(key.toString(QKeySequence::NativeText));
        rows.append({a->text().remove(QLatin1Char('&')), keys.join(QStringLiteral("  or  "))});
    }
    rows.append({QStringLiteral("Zoom at the pointer"), QStringLiteral("Ctrl + mouse wheel")});
    rows.append({QStringLiteral("Pan in time"), QStringLiteral("Drag, or Shift + mouse wheel")});
    rows.append({QStringLiteral("Select a task (and move the playhead)"), QStringLiteral("Click its lane")});
    rows.append({QStringLiteral("Scrub the playhead"), QStringLiteral("Drag on the ruler")});
    table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(window->fontMetrics().averageCharWidth() * 80, window->fontMetrics().height() * 30);
    dialog.exec();
}

} // namespace coroscope::app
