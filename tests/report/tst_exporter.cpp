// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/chrometraceimport.h"
#include "report/exporter.h"
#include "report/timelineimage.h"
#include "reportinputs.h"
#include "timeline/timelinepalette.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace coroscope;

namespace {

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Pages of a PDF: pdfinfo (poppler-utils) when installed, else the page objects in the file.
int pdfPages(const QString &path)
{
    const QString pdfinfo = QStandardPaths::findExecutable(QStringLiteral("pdfinfo"));
    if (!pdfinfo.isEmpty()) {
        QProcess process;
        process.start(pdfinfo, {path});
        process.waitForFinished(30'000);
        for (const auto &line : QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("Pages:")))
                return line.mid(6).trimmed().toInt();
        }
        return -1;
    }
    const QByteArray pdf = readAll(path);
    return int(pdf.count("/Type /Page\n") + pdf.count("/Type /Page ") + pdf.count("/Type /Page>")
               + pdf.count("/Type /Page/"));
}

} // namespace

class TestExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachFormatByExtension()
    {
        QTemporaryDir dir;
        const auto trace = testing::sampleTrace();
        const auto input = testing::sampleInput(trace);
        QString error;
        for (const auto &format : report::exportFormats()) {
            const QString path = dir.filePath(QStringLiteral("run.") + format.toUpper()); // suffixes are case-insensitive
            QVERIFY2(report::exportTrace(input, path, &error), qPrintable(format + QStringLiteral(": ") + error));
        }
        const auto json = report::importChromeTraceFile(dir.filePath(QStringLiteral("run.JSON")));
        QVERIFY(json.ok);
        QCOMPARE(json.trace.events().size(), trace.events().size());
        QVERIFY(readAll(dir.filePath(QStringLiteral("run.CSV"))).startsWith("time_ns,task_id,"));
        QVERIFY(readAll(dir.filePath(QStringLiteral("run.HTML"))).startsWith("<!DOCTYPE html>"));
        QVERIFY(readAll(dir.filePath(QStringLiteral("run.SVG"))).startsWith("<?xml"));
        QVERIFY(readAll(dir.filePath(QStringLiteral("run.PNG"))).startsWith("\x89PNG"));
        QVERIFY(readAll(dir.filePath(QStringLiteral("run.PDF"))).startsWith("%PDF-"));
        // Nothing else was left in the directory (no temporary files).
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), report::exportFormats().size());
    }

    void pngOfAnyWidth_data()
    {
        QTest::addColumn<int>("width");
        QTest::newRow("small") << 320;
        QTest::newRow("full hd") << 1920;
        QTest::newRow("4k") << 3840;
    }

    void pngOfAnyWidth()
    {
        QFETCH(int, width);
        QTemporaryDir dir;
        const auto trace = testing::sampleTrace();
        report::ExportOptions options;
        options.pngWidth = width;
        const QString path = dir.filePath(QStringLiteral("timeline.png"));
        QString error;
        QVERIFY2(report::exportTrace(testing::sampleInput(trace), path, &error, options), qPrintable(error));
        const QImage image(path);
        QCOMPARE(image.width(), width);
        QVERIFY(image.height() > width / 20);
        // It was drawn: the network and database colours are there.
        const auto colour = [](trace::SuspendReason reason) {
            return timeline::TimelinePalette::light().suspended(reason).rgb() & 0xFFFFFF;
        };
        const QRgb networkColour = colour(trace::SuspendReason::Network);
        const QRgb databaseColour = colour(trace::SuspendReason::Database);
        bool network = false, database = false;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QRgb pixel = image.pixel(x, y) & 0xFFFFFF;
                network = network || pixel == networkColour;
                database = database || pixel == databaseColour;
            }
        }
        QVERIFY(network);
        QVERIFY(database);
    }

    void imageSizeLimits()
    {
        const auto trace = testing::sampleTrace();
        QString error;
        QVERIFY(report::renderTimelineImage(trace, 0, {}, &error).isNull());
        QVERIFY(error.contains(QLatin1String("between 16 and 16384")));
        QVERIFY(report::renderTimelineImage(trace, 100'000, {}, &error).isNull());
    }

    void pdfHandoutPages()
    {
        QTemporaryDir dir;
        const auto trace = testing::manyEventsTrace(80, 3);
        auto input = testing::sampleInput(trace);
        // Long code: it is cut to fit page two rather than spilling onto a third. The transcript
        // follows on pages of its own, at most four.
        for (int i = 0; i < 300; ++i)
            input.code += QStringLiteral(
                              "co_await step(%1); // a fairly long line of code to make the listing wide and long\n")
                              .arg(i);
        const QString withCode = dir.filePath(QStringLiteral("handout.pdf"));
        QString error;
        QVERIFY2(report::exportTrace(input, withCode, &error), qPrintable(error));
        const int pages = pdfPages(withCode);
        QVERIFY2(pages >= 3 && pages <= 2 + 4, qPrintable(QString::number(pages)));
        input.code.clear();
        input.pythonCode.clear();
        const QString withoutCode = dir.filePath(QStringLiteral("summary.pdf"));
        QVERIFY2(report::exportTrace(input, withoutCode, &error), qPrintable(error));
        QCOMPARE(pdfPages(withoutCode), pages - 1);
    }

    void unwritablePathsFailCleanly_data()
    {
        QTest::addColumn<QString>("relative");
        QTest::newRow("missing directory") << QStringLiteral("no/such/dir/run.html");
        QTest::newRow("under a file") << QStringLiteral("afile/run.json");
        QTest::newRow("a directory") << QStringLiteral("adir.csv");
    }

    void unwritablePathsFailCleanly()
    {
        QFETCH(QString, relative);
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("afile")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("adir.csv")));
        const auto trace = testing::sampleTrace();
        const QString path = dir.filePath(relative);
        QString error;
        QVERIFY(!report::exportTrace(testing::sampleInput(trace), path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot write ") + QDir::toNativeSeparators(path)), qPrintable(error));
        QVERIFY(!QFileInfo(path).isFile());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1); // just the blocker
    }

    void failedExportKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("keep.png"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous contents");
        old.close();
        const auto trace = testing::sampleTrace();
        report::ExportOptions options;
        options.pngWidth = 99'999; // refused while writing
        QString error;
        QVERIFY(!report::exportTrace(testing::sampleInput(trace), path, &error, options));
        QVERIFY(error.contains(QLatin1String("between 16 and")));
        QCOMPARE(readAll(path), QByteArray("previous contents"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 1);
    }

    void unknownFormatsAreNamed()
    {
        QTemporaryDir dir;
        const auto trace = testing::sampleTrace();
        QString error;
        QVERIFY(!report::exportTrace(testing::sampleInput(trace), dir.filePath(QStringLiteral("run.docx")), &error));
        QCOMPARE(error,
                 QStringLiteral("unknown export format \".docx\": use one of .json, .csv, .html, .svg, .png, .pdf"));
        QVERIFY(!report::exportTrace(testing::sampleInput(trace), dir.filePath(QStringLiteral("run")), &error));
        QVERIFY(error.contains(QLatin1String("has no file name extension")));
        report::ReportInput nothing;
        QVERIFY(!report::exportTrace(nothing, dir.filePath(QStringLiteral("run.json")), &error));
        QCOMPARE(error, QStringLiteral("there is no run to export"));
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void comparisons()
    {
        QTemporaryDir dir;
        const auto a = testing::sampleTrace();
        const auto b = testing::manyEventsTrace(5, 2);
        QString error;
        for (const char *name : {"compare.html", "compare.svg", "compare.png"})
            QVERIFY2(report::exportComparison(testing::sampleInput(a), testing::sampleInput(b),
                                              dir.filePath(QLatin1String(name)), &error),
                     qPrintable(error));
        QVERIFY(readAll(dir.filePath(QStringLiteral("compare.html"))).contains("What differs"));
        QVERIFY(!report::exportComparison(testing::sampleInput(a), testing::sampleInput(b),
                                          dir.filePath(QStringLiteral("compare.csv")), &error));
        QVERIFY(error.contains(QLatin1String(".html, .svg or .png")));
    }
};

QTEST_MAIN(TestExporter)
#include "tst_exporter.moc"
