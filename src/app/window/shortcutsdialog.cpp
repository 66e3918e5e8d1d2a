// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/shortcutsdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace coroscope::app {

void showShortcutsDialog(QWidget *window)
{
    QDialog dialog(window);
    dialog.setWindowTitle(QCoreApplication::translate("ShortcutsDialog", "Keyboard shortcuts"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *table = new QTableWidget(&dialog);
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({QCoreApplication::translate("ShortcutsDialog", "Action"),
                                      QCoreApplication::translate("ShortcutsDialog", "Keys")});
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
        rows.append(
            {a->text().remove(QLatin1Char('&')), keys.join(QCoreApplication::translate("ShortcutsDialog", "  or  "))});
    }
    rows.append({QCoreApplication::translate("ShortcutsDialog", "Zoom at the pointer"),
                 QCoreApplication::translate("ShortcutsDialog", "Ctrl + mouse wheel")});
    rows.append({QCoreApplication::translate("ShortcutsDialog", "Pan in time"),
                 QCoreApplication::translate("ShortcutsDialog", "Drag, or Shift + mouse wheel")});
    rows.append({QCoreApplication::translate("ShortcutsDialog", "Select a task (and move the playhead)"),
                 QCoreApplication::translate("ShortcutsDialog", "Click its lane")});
    rows.append({QCoreApplication::translate("ShortcutsDialog", "Scrub the playhead"),
                 QCoreApplication::translate("ShortcutsDialog", "Drag on the ruler")});
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
