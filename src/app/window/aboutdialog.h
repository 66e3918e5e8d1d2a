// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace coroscope::app {

// Help > About: the icon, the version, the licence, and the Qt and QCoro it runs on (and the Qt
// it was built with, which a distribution upgrade may have changed).
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // What the dialog says, as rich text.
    static QString text();
};

} // namespace coroscope::app
