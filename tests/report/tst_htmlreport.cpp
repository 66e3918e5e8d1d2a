// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/htmlreport.h"
#include "reportinputs.h"
#include "timeline/timelinepalette.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

#include <cstring>

using namespace coroscope;

namespace {

int count(const QString &haystack, const QString &needle)
{
    return int(haystack.count(needle));
}

} // namespace

class TestHtmlReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRunStringIsEscaped()
    {
        const auto trace = testing::sampleTrace();
        const QString html = report::htmlReport(testing::sampleInput(trace));
        // No markup from the run survives as markup: no script element at all, no injected attributes.
        QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("<img"), Qt::CaseInsensitive));
        QVERIFY(!html.contains(QLatin1String("<b>not bold")));
        QVERIFY(!html.contains(QLatin1String("<i>")));
        QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; &quot;demo&quot;")));
        QVERIFY(html.contains(QLatin1String("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;")));
        QVERIFY(html.contains(QLatin1String("&lt;/pre&gt;&lt;script&gt;alert(3)&lt;/script&gt;")));
        QVERIFY(html.contains(QLatin1String("a &lt; b &amp;&amp; c &gt; d")));
        QVERIFY(html.contains(QLatin1String("error: orders down &lt;b&gt;")));
        // The mark label from the trace (quotes, apostrophe, ampersand) in the event table.
        QVERIFY(html.contains(
            QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;, comma")));
        QVERIFY(html.contains(QLatin1String("slow &lt;b&gt;timer&lt;/b&gt; (#4)")));
        // Scripts are also refused by the page's own policy.
        QVERIFY(html.contains(QLatin1String("Content-Security-Policy\" content=\"default-src 'none'")));
    }

    void allSectionsArePresent()
    {
        const auto trace = testing::sampleTrace();
        const auto input = testing::sampleInput(trace);
        const QString html = report::htmlReport(input);
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY(html.contains(QLatin1String("<title>gather &lt;script&gt;")));
        for (const char *heading :
             {"What this pattern shows", "What to look for", "Parameters", "Summary", "Timeline", "Code", "Events"})
            QVERIFY2(html.contains(QStringLiteral("%1</h").arg(QLatin1String(heading))), heading);
        // Paragraphs: blank lines split, single line breaks kept.
        QVERIFY(html.contains(QLatin1String("<p>First paragraph &lt;b&gt;not bold&lt;/b&gt;.<br>\nSecond line.</p>")));
        QVERIFY(html.contains(QLatin1String("<p>Second paragraph &amp; more.</p>")));
        // Parameters and the summary (8 ms wall time, 5 tasks, 1 error).
        QVERIFY(html.contains(QLatin1String("<td>tasks</td><td>3</td>")));
        QVERIFY(html.contains(QLatin1String("<td>wall time</td><td class=\"num\">8.00 ms</td>")));
        QVERIFY(html.contains(QLatin1String("<td>errors</td><td class=\"num\">1</td>")));
        // Code: one numbered line per source line, C++ and Python.
        QCOMPARE(count(html, QStringLiteral("<span class=\"line\">")), 3 + 2);
        // The timeline is inline SVG with one lane per task, and it is well-formed XML.
        const auto start = html.indexOf(QLatin1String("<svg"));
        const auto end = html.indexOf(QLatin1String("</svg>"));
        QVERIFY(start > 0 && end > start);
        QXmlStreamReader xml(html.mid(start, end + 6 - start));
        int lanes = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.attributes().value(QStringLiteral("class")) == QLatin1String("lane"))
                ++lanes;
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(lanes, 5);
        // Event table: a row per event.
        QCOMPARE(count(html, QStringLiteral("<tr><td class=\"num\">")), int(trace.events().size()));
    }

    void legendNamesTheColoursTheTimelineDraws()
    {
        const auto trace = testing::sampleTrace();
        const QString html = report::htmlReport(testing::sampleInput(trace));
        const auto colours = timeline::TimelinePalette::light();
        const auto swatch = [](const QColor &colour, const char *name) {
            return QStringLiteral("<span class=\"swatch\" style=\"background:%1\"></span>%2 ")
                .arg(colour.name(), QLatin1String(name));
        };
        QVERIFY(html.contains(swatch(colours.running(), "running")));
        QVERIFY(html.contains(swatch(colours.suspended(trace::SuspendReason::Network), "waiting: network")));
        QVERIFY(html.contains(swatch(colours.cancelled(), "cancelled (a cross where it happened)")));
        // The report once said "Blue: running" while running bars were green.
        QVERIFY(!html.contains(QLatin1String("Blue"), Qt::CaseInsensitive));
        const auto svg = html.mid(html.indexOf(QLatin1String("<svg")));
        QVERIFY(svg.contains(colours.running().name(), Qt::CaseInsensitive));
    }

    void longRunsCutTheTable()
    {
        const auto trace = testing::manyEventsTrace(200, 10);
        auto input = testing::sampleInput(trace);
        input.code.clear();
        input.pythonCode.clear();
        input.explanation.clear();
        input.whatToLookFor.clear();
        report::HtmlReportOptions options;
        options.maxTableRows = 100;
        const QString html = report::htmlReport(input, options);
        QCOMPARE(count(html, QStringLiteral("<tr><td class=\"num\">")), 100);
        QVERIFY(html.contains(QStringLiteral("Showing the first 100 of %1 events").arg(trace.events().size())));
        QVERIFY(!html.contains(QLatin1String("<h2>Code</h2>")));
        QVERIFY(!html.contains(QLatin1String("What this pattern shows")));
    }

    void comparisonShowsDifferencesOnOneAxis()
    {
        const auto slow = testing::sampleTrace();
        const auto fast = testing::manyEventsTrace(3, 2);
        auto a = testing::sampleInput(slow);
        a.title = QStringLiteral("sequential");
        a.parameters = {{QStringLiteral("tasks"), 3}, {QStringLiteral("mode"), QStringLiteral("one by one")}};
        auto b = testing::sampleInput(fast);
        b.title = QStringLiteral("gather <fast>");
        b.status = QStringLiteral("ok");
        b.parameters = {{QStringLiteral("tasks"), 3}};
        const QString html = report::comparisonHtmlReport(a, b);
        QVERIFY(!html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
        QVERIFY(html.contains(QLatin1String("Comparison: sequential vs gather &lt;fast&gt;")));
        QVERIFY(html.contains(QLatin1String("What differs")));
        // Wall time with its ratio; errors went from 1 to 0.
        static const QRegularExpression wall(QStringLiteral(
            "<td>wall time</td><td class=\"num\">8.00 ms</td><td class=\"num\">[^<]+</td><td class=\"num\">×0\\.00"));
        QVERIFY(wall.match(html).hasMatch());
        QVERIFY(html.contains(QStringLiteral("<tr class=\"differs\"><td>errors</td><td class=\"num\">1</td><td "
                                             "class=\"num\">0</td><td class=\"num\">−1</td>")));
        QVERIFY(html.contains(QStringLiteral("<tr class=\"differs\"><td>mode</td><td>one by one</td><td>—</td></tr>")));
        QVERIFY(html.contains(QLatin1String("<tr><td>tasks</td><td>3</td><td>3</td></tr>")));
        QCOMPARE(count(html, QStringLiteral("<svg")), 1);
        QVERIFY(html.contains(QLatin1String("A: sequential")));
        QVERIFY(html.contains(QLatin1String("B: gather &lt;fast&gt;")));
    }
};

// `tst_htmlreport --write-sample report.html` writes the hostile sample report and exits, for
// check_html_in_chromium.sh; anything else runs the tests.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && std::strcmp(argv[1], "--write-sample") == 0) {
        const auto trace = testing::sampleTrace();
        QFile file(QString::fromLocal8Bit(argv[2]));
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        file.write(report::htmlReport(testing::sampleInput(trace)).toUtf8());
        file.close();
        return file.error() == QFileDevice::NoError ? 0 : 1;
    }
    TestHtmlReport test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_htmlreport.moc"
