// SPDX-License-Identifier: GPL-3.0-or-later
// File > Export… of a finished real run: every format, and what the user sees when it fails.
#include "app/export/exportfeedback.h"
#include "app/models/environment.h"
#include "app/window/mainwindow.h"
#include "patterns/patternrun.h"
#include "report/chrometraceimport.h"
#include "report/timelineimage.h"
#include "windowtesting.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QImageReader>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include <memory>

using namespace coroscope;
using namespace coroscope::app;

namespace {

struct ExportResult {
    bool reported = false;
    bool ok = false;
    QString path;
    QString error;
};

ExportResult exportRun(MainWindow &window, const QString &path, const report::ExportOptions &options = {})
{
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    window.exportTo(path, options);
    ExportResult result;
    result.reported = finished.wait(60'000);
    if (result.reported) {
        const auto arguments = finished.takeFirst();
        result.ok = arguments.at(0).toBool();
        result.path = arguments.at(1).toString();
        result.error = arguments.at(2).toString();
    }
    return result;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(testing::startLabTest(QStringLiteral("tst_export"), m_environment, m_dir));

        m_window = std::make_unique<MainWindow>(&m_environment);
        QVERIFY(!m_window->mainActions().exportRun->isEnabled());
        QVERIFY(m_window->selectPattern(QStringLiteral("gather")));
        QVERIFY(
            m_window->setParameterValues({{QStringLiteral("user_id"), 7}, {QStringLiteral("latency_ms"), 20}}).isEmpty());
        QSignalSpy finished(m_window.get(), &MainWindow::runFinished);
        QVERIFY(m_window->startRun());
        QVERIFY(finished.wait(30'000));
        QCOMPARE(m_window->currentRun()->outcome().status, patterns::RunStatus::Ok);
        QVERIFY(m_window->mainActions().exportRun->isEnabled());
        QCOMPARE(m_window->mainActions().exportRun->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    }

    void htmlReportNamesThePatternAndEscapesLabels()
    {
        const auto path = m_dir.filePath(QStringLiteral("run.html"));
        const auto result = exportRun(*m_window, path);
        QVERIFY(result.reported);
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.path, path);
        const auto html = QString::fromUtf8(readAll(path));
        QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>"), Qt::CaseInsensitive));
        QVERIFY(html.contains(QStringLiteral("gather: independent calls in parallel")));
        // The requests' labels carry a query string: its & is escaped everywhere it appears.
        QVERIFY(html.contains(QStringLiteral("/orders?user=7&amp;latency_ms=20")));
        QVERIFY(!html.contains(QStringLiteral("user=7&latency_ms")));
        QVERIFY(html.contains(QStringLiteral("get_orders")));
        // Success is said in the status bar, with the path.
        QVERIFY(m_window->statusBar()->currentMessage().contains(path));
    }

    void svgIsAWellFormedTimeline()
    {
        const auto path = m_dir.filePath(QStringLiteral("run.svg"));
        const auto result = exportRun(*m_window, path);
        QVERIFY2(result.ok, qPrintable(result.error));
        const auto svg = readAll(path);
        QXmlStreamReader xml(svg);
        QString root;
        int titles = 0;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement) {
                if (root.isEmpty())
                    root = xml.name().toString();
                titles += xml.name() == QLatin1String("title") ? 1 : 0;
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, QStringLiteral("svg"));
        QVERIFY(titles > 0);
        QVERIFY(svg.contains("get_notifications"));
    }

    void pngHasTheRequestedWidth()
    {
        for (const int width : {1000, 1920}) {
            const auto path = m_dir.filePath(QStringLiteral("run-%1.png").arg(width));
            report::ExportOptions options;
            options.pngWidth = width;
            const auto result = exportRun(*m_window, path, options);
            QVERIFY2(result.ok, qPrintable(result.error));
            QImageReader reader(path);
            QCOMPARE(reader.format(), QByteArray("png"));
            QCOMPARE(reader.size().width(), width);
            QVERIFY(reader.size().height() > 100);
        }
    }

    void pdfIsAPdf()
    {
        const auto path = m_dir.filePath(QStringLiteral("handout.pdf"));
        const auto result = exportRun(*m_window, path);
        QVERIFY2(result.ok, qPrintable(result.error));
        const auto pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
    }

    void chromeTraceReadsBackWithEveryTask()
    {
        const auto path = m_dir.filePath(QStringLiteral("run.json"));
        const auto result = exportRun(*m_window, path);
        QVERIFY2(result.ok, qPrintable(result.error));
        const auto imported = report::importChromeTraceFile(path);
        QVERIFY2(imported.ok, qPrintable(imported.error));
        const auto &recorded = m_window->currentRun()->trace();
        QCOMPARE(recorded.tasks().size(), std::size_t(4)); // main and its three requests
        QCOMPARE(imported.trace.tasks().size(), recorded.tasks().size());
        QCOMPARE(imported.patternId, QStringLiteral("gather"));
    }

    void csvStartsWithItsHeader()
    {
        const auto path = m_dir.filePath(QStringLiteral("events.csv"));
        const auto result = exportRun(*m_window, path);
        QVERIFY2(result.ok, qPrintable(result.error));
        const auto lines = readAll(path).split('\n');
        QCOMPARE(lines.first().trimmed(),
                 QByteArray("time_ns,task_id,task_name,parent_id,event,detail,label,file,line,thread,value"));
        // One line per event, after the header (and the final line break).
        QCOMPARE(lines.size() - 2, qsizetype(m_window->currentRun()->trace().events().size()));
    }

    void unwritableFolderFailsClearlyAndLeavesNoFile()
    {
        // A folder that is a file cannot hold anything, even for root.
        const auto blocker = m_dir.filePath(QStringLiteral("not-a-folder"));
        {
            QFile file(blocker);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("x");
        }
        const QString path = blocker + QStringLiteral("/report.html");
        const auto result = exportRun(*m_window, path);
        QVERIFY(result.reported);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(path), qPrintable(result.error));
        QVERIFY(!QFile::exists(path));
        QCOMPARE(readAll(blocker), QByteArray("x"));
        // The user is told which file and why, without the window blocking.
        auto *box = m_window->findChild<ExportFeedback *>()->errorBox();
        QVERIFY(box);
        QVERIFY(box->isVisible());
        QVERIFY2(box->text().contains(path), qPrintable(box->text()));
        QCOMPARE(box->informativeText(), result.error);
        box->close();
    }

    void unknownFormatIsRefusedBeforeAnythingIsWritten()
    {
        const auto path = m_dir.filePath(QStringLiteral("run.docx"));
        const auto result = exportRun(*m_window, path);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral(".docx")), qPrintable(result.error));
        QVERIFY2(result.error.contains(QStringLiteral(".html")), qPrintable(result.error)); // says what works
        QVERIFY(!QFile::exists(path));
        auto *box = m_window->findChild<ExportFeedback *>()->errorBox();
        QVERIFY(box);
        QVERIFY(box->text().contains(path));
        box->close();
    }

    void failedExportKeepsTheFileThatWasThere()
    {
        // An existing report is replaced only by a complete new one: a refused export leaves it.
        const auto path = m_dir.filePath(QStringLiteral("keep.png"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("old picture");
        }
        report::ExportOptions options;
        options.pngWidth = report::MaxImageWidth + 1;
        const auto result = exportRun(*m_window, path, options);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QStringLiteral("width")), qPrintable(result.error));
        QCOMPARE(readAll(path), QByteArray("old picture"));
        if (auto *box = m_window->findChild<ExportFeedback *>()->errorBox())
            box->close();
    }

    void exportActionAsksForTheFileAndThePngWidth()
    {
        // The user's path through File > Export…: the file dialog, then the width of the picture.
        const auto path = m_dir.filePath(QStringLiteral("slides.png"));
        QSignalSpy finished(m_window.get(), &MainWindow::exportFinished);
        bool answeredFile = false;
        bool answeredWidth = false;
        QTimer answer;
        answer.setInterval(50);
        connect(&answer, &QTimer::timeout, this, [&] {
            auto *modal = QApplication::activeModalWidget();
            if (auto *files = qobject_cast<QFileDialog *>(modal); files && !answeredFile) {
                answeredFile = true;
                QVERIFY(files->nameFilters().contains(QStringLiteral("PNG image (*.png)")));
                QVERIFY(files->nameFilters().contains(QStringLiteral("PDF handout (*.pdf)")));
                QVERIFY(files->nameFilters().contains(QStringLiteral("Chrome trace JSON, opens in Perfetto (*.json)")));
                // Typed into the name field, as a user would.
                auto *name = files->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
                QVERIFY(name);
                name->setText(path);
                static_cast<QDialog *>(files)->accept(); // QFileDialog::accept is protected
            } else if (auto *width = qobject_cast<QInputDialog *>(modal); width && !answeredWidth) {
                answeredWidth = true;
                QCOMPARE(width->intValue(), 1920);
                width->setIntValue(2400);
                width->accept();
            }
        });
        answer.start();
        m_window->mainActions().exportRun->trigger();
        QVERIFY(finished.wait(60'000));
        answer.stop();
        QVERIFY(answeredFile);
        QVERIFY2(answeredWidth,
                 qPrintable(finished.first().at(1).toString() + QLatin1Char(' ') + finished.first().at(2).toString()));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        QCOMPARE(QImageReader(path).size().width(), 2400);
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    Environment m_environment;
    std::unique_ptr<MainWindow> m_window;
};

QTEST_MAIN(TestExport)
#include "tst_export.moc"
