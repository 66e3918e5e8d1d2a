// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/aboutdialog.h"

#include "app/window/applicationicon.h"
#include "buildinfo.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace coroscope::app {

QString AboutDialog::text()
{
    const QString title = QStringLiteral("<h2>Coroscope %1</h2>").arg(QLatin1String(buildinfo::version));
    const QString summary = tr(
        "Watch async code run: every coroutine's start, wait, resumption and end on a live timeline, "
        "while it does real HTTP and SQLite I/O.");
    const QString licence = tr("Free software under the %1: you may share and change it under its terms.")
                                .arg(QStringLiteral("<a href=\"https://www.gnu.org/licenses/gpl-3.0.html\">"
                                                    "GPL-3.0-or-later</a>"));
    const QString versions = tr("Runs on Qt %1 (built with Qt %2) and QCoro %3.")
                                 .arg(QLatin1String(qVersion()), QLatin1String(buildinfo::qtCompiledVersion),
                                      QLatin1String(buildinfo::qcoroVersion));
    const QString home = QStringLiteral("<a href=\"https://github.com/coroscope/coroscope\">"
                                        "github.com/coroscope/coroscope</a>");
    return title + QStringLiteral("<p>%1</p><p>%2</p><p>%3</p><p>%4</p>").arg(summary, licence, versions, home);
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Coroscope"));
    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("aboutIcon"));
    icon->setPixmap(applicationIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop);
    auto *label = new QLabel(text(), this);
    label->setObjectName(QStringLiteral("aboutText"));
    label->setWordWrap(true);
    label->setOpenExternalLinks(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto *row = new QHBoxLayout;
    row->addWidget(icon);
    row->addSpacing(fontMetrics().averageCharWidth() * 2);
    row->addWidget(label, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(buttons);
}

} // namespace coroscope::app
