// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/window/aboutdialog.h"
#include "app/window/applicationicon.h"
#include "buildinfo.h"

#include <QDir>
#include <QLabel>
#include <QTest>

using coroscope::app::AboutDialog;
namespace buildinfo = coroscope::buildinfo;

class TestAboutDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void saysVersionLicenceAndWhatItRunsOn()
    {
        AboutDialog dialog;
        const auto *label = dialog.findChild<QLabel *>(QStringLiteral("aboutText"));
        QVERIFY(label);
        const auto text = label->text();
        QVERIFY2(text.contains(QStringLiteral("Coroscope ") + QLatin1String(buildinfo::version)), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("GPL-3.0-or-later")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Qt ") + QLatin1String(qVersion())), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("built with Qt ") + QLatin1String(QT_VERSION_STR)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("QCoro ") + QLatin1String(buildinfo::qcoroVersion)), qPrintable(text));
        QVERIFY(!QByteArray(buildinfo::qcoroVersion).isEmpty());
        QCOMPARE(dialog.windowTitle(), QStringLiteral("About Coroscope"));
    }

    void showsTheIcon()
    {
        // The embedded SVG, whatever the icon theme has: every size a task bar asks for.
        const auto icon = coroscope::app::applicationIcon();
        QVERIFY(!icon.isNull());
        for (const int size : {16, 48, 256}) {
            const auto image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.width(), size);
            // Drawn, not blank: the middle is opaque, the rounded corner transparent.
            QVERIFY(qAlpha(image.pixel(size / 2, size / 2)) > 200);
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
        }
        AboutDialog dialog;
        const auto *picture = dialog.findChild<QLabel *>(QStringLiteral("aboutIcon"));
        QVERIFY(picture);
        QVERIFY(!picture->pixmap().isNull());
    }

    // COROSCOPE_SCREENSHOT_DIR=docs/screenshots xvfb-run -a tests/app/tst_aboutdialog (with
    // QT_QPA_PLATFORM=xcb) saves about.png as a real window draws it.
    void screenshot()
    {
        const auto folder = qEnvironmentVariable("COROSCOPE_SCREENSHOT_DIR");
        if (folder.isEmpty())
            QSKIP("COROSCOPE_SCREENSHOT_DIR is not set");
        AboutDialog dialog;
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::qWait(200);
        QVERIFY(dialog.grab().save(QDir(folder).filePath(QStringLiteral("about.png"))));
    }
};

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
