// SPDX-License-Identifier: GPL-3.0-or-later
// The app under a German system locale: the German translation is found and the window's
// menus, actions, panels and dialogs say German (resources/translations/coroscope_de.ts).
#include "app/history/historydock.h"
#include "app/models/environment.h"
#include "app/run/statspanel.h"
#include "app/timeline/timelinelegend.h"
#include "app/window/aboutdialog.h"
#include "app/window/mainwindow.h"
#include "app/window/translations.h"
#include "windowtesting.h"

#include <QAction>
#include <QDir>
#include <QGroupBox>
#include <QMenuBar>
#include <QTest>

using namespace coroscope;
using namespace coroscope::app;

namespace {

// As a German desktop session sets it, before anything asks for QLocale::system().
void useGermanSession()
{
    qputenv("LC_ALL", "de_DE.UTF-8");
    qputenv("LANG", "de_DE.UTF-8");
    qputenv("LANGUAGE", "de");
}
Q_CONSTRUCTOR_FUNCTION(useGermanSession)

QStringList menuTitles(const QMainWindow &window)
{
    QStringList titles;
    for (auto *action : window.menuBar()->actions())
        titles.append(action->text());
    return titles;
}

} // namespace

class TestTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QCOMPARE(QLocale::system().language(), QLocale::German);
        QVERIFY2(installTranslations(), "the German translation is not embedded");
        QVERIFY(testing::startLabTest(QStringLiteral("tst_translation"), m_environment, m_dir));
    }

    void theMenusAreGerman()
    {
        MainWindow window(&m_environment);
        QCOMPARE(menuTitles(window),
                 (QStringList{QStringLiteral("&Datei"), QStringLiteral("Aus&führen"), QStringLiteral("&Ansicht"),
                              QStringLiteral("&Wiedergabe"), QStringLiteral("&Hilfe")}));
        const auto &actions = window.mainActions();
        QCOMPARE(actions.run->text(), QStringLiteral("&Ausführen"));
        QCOMPARE(actions.exportRun->text(), QStringLiteral("E&xportieren…"));
        QCOMPARE(actions.about->text(), QStringLiteral("Ü&ber Coroscope"));
        QCOMPARE(actions.present->text(), QStringLiteral("&Präsentieren"));
        QCOMPARE(window.historyDock()->windowTitle(), QStringLiteral("Verlauf"));
        QVERIFY2(actions.run->toolTip().startsWith(QStringLiteral("Das Muster mit diesen Parametern ausführen")),
                 qPrintable(actions.run->toolTip()));
    }

    void thePanelsAreGerman()
    {
        MainWindow window(&m_environment);
        QStringList boxes;
        for (auto *box : window.findChildren<QGroupBox *>())
            boxes.append(box->title());
        QVERIFY2(boxes.contains(QStringLiteral("Muster")) && boxes.contains(QStringLiteral("Parameter"))
                     && boxes.contains(QStringLiteral("Über dieses Muster")),
                 qPrintable(boxes.join(QStringLiteral(", "))));
        QVERIFY(window.statsPanel());
        QCOMPARE(window.statsPanel()->cardText(QStringLiteral("outcome")), QStringLiteral("nicht gelaufen"));
        const auto *legend = window.findChild<TimelineLegend *>();
        QVERIFY(legend);
        QVERIFY2(legend->entries().contains(QStringLiteral("läuft")), qPrintable(legend->entries().join(u',')));
    }

    void theAboutBoxIsGerman()
    {
        AboutDialog dialog;
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Über Coroscope"));
        QVERIFY2(AboutDialog::text().contains(QStringLiteral("Läuft mit Qt")), qPrintable(AboutDialog::text()));
    }

private:
    Environment m_environment;
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestTranslation)
#include "tst_translation.moc"
