// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <cstring>

namespace coroscope::app {
namespace {

// tr() in a Q_OBJECT class asks for its qualified name ("coroscope::app::StatsPanel"), but
// lupdate 6.4 does not read C++17 nested namespace definitions (`namespace coroscope::app {`)
// and files the strings under "StatsPanel" (from some files; others it files qualified): look
// them up under both.
class AppTranslator : public QTranslator
{
public:
    using QTranslator::QTranslator;
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        auto translated = QTranslator::translate(context, sourceText, disambiguation, n);
        static constexpr char prefix[] = "coroscope::app::";
        if (!translated.isNull() || !context || std::strncmp(context, prefix, sizeof prefix - 1) != 0)
            return translated;
        return QTranslator::translate(context + sizeof prefix - 1, sourceText, disambiguation, n);
    }
};

} // namespace

bool installTranslations(const QLocale &locale)
{
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new AppTranslator(QCoreApplication::instance());
    if (!own->load(locale, QStringLiteral("coroscope"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace coroscope::app
