// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

namespace coroscope::app {

// Installs the app's translation for `locale` (embedded from resources/translations) and Qt's
// own (qtbase, from the system's Qt translations, for the standard buttons and dialogs), when
// there are any; English needs none. Returns whether the app's own was found.
bool installTranslations(const QLocale &locale = QLocale::system());

} // namespace coroscope::app
