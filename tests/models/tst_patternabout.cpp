// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/patternabout.h"
#include "patterns/catalog.h"

#include <QTest>

using namespace coroscope;

class TestPatternAbout : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyTextIsEscapedAndParagraphsAreKept()
    {
        patterns::PatternInfo info;
        info.id = QStringLiteral("demo<1>");
        info.title = QStringLiteral("<script>alert(1)</script>");
        info.summary = QStringLiteral("a & b");
        info.explanation = QStringLiteral("First <b>line,\nwrapped.\n\nSecond.");
        info.whatToLookFor = QStringLiteral("Bars \"here\".");
        info.seedSection = QStringLiteral("Section <x>");
        const auto html = app::patternAboutHtml(info);
        QVERIFY(!html.contains(QLatin1String("<script>")));
        QVERIFY(!html.contains(QLatin1String("<b>line")));
        QVERIFY(html.contains(QLatin1String("<h3>&lt;script&gt;alert(1)&lt;/script&gt;</h3><p><i>a &amp; b</i></p>")));
        QVERIFY(html.contains(QLatin1String("<p>First &lt;b&gt;line, wrapped.</p><p>Second.</p>")));
        QVERIFY(html.contains(QLatin1String("<h4>What to look for</h4><p>Bars &quot;here&quot;.</p>")));
        QVERIFY(html.contains(QLatin1String("Python guide: Section &lt;x&gt;")));
        QVERIFY(html.contains(QLatin1String("<code>coroscope run demo&lt;1&gt;</code>")));
    }

    void everyPatternHasItsAboutText()
    {
        for (const auto &pattern : patterns::Catalog::instance().patterns()) {
            const auto html = app::patternAboutHtml(pattern->info());
            QVERIFY2(html.contains(pattern->info().title.toHtmlEscaped()), qPrintable(pattern->info().id));
            QVERIFY2(html.contains(QLatin1String("What to look for")), qPrintable(pattern->info().id));
        }
    }
};

QTEST_GUILESS_MAIN(TestPatternAbout)
#include "tst_patternabout.moc"
