// SPDX-License-Identifier: GPL-3.0-or-later
// The MIME types of resources/desktop as a desktop sees them: a run Coroscope exports as
// .coroscope.json, or under a name no type claims, is a Coroscope trace; another tool's Chrome
// trace stays plain JSON; a lesson is named by its suffix. The definitions are read by Qt's own freedesktop
// MIME reader from a data folder put first in XDG_DATA_DIRS, as an installed package would be.
#include "../report/sampletrace.h"
#include "report/exporter.h"

#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString traceType = QStringLiteral("application/x-coroscope-trace");
const QString lessonType = QStringLiteral("application/x-coroscope-lesson");

QTemporaryDir &dataDir()
{
    static QTemporaryDir dir;
    return dir;
}

// Before any QMimeDatabase exists: the database reads its folders once per process.
void installMimeTypes()
{
    const auto packages = dataDir().filePath(QStringLiteral("mime/packages"));
    QDir().mkpath(packages);
    QFile::copy(QStringLiteral(COROSCOPE_RESOURCES_DIR "/desktop/" COROSCOPE_APP_ID ".mime.xml"),
                packages + QStringLiteral("/" COROSCOPE_APP_ID ".xml"));
    qputenv("XDG_DATA_DIRS", (dataDir().path() + QStringLiteral(":/usr/local/share:/usr/share")).toLocal8Bit());
}
Q_CONSTRUCTOR_FUNCTION(installMimeTypes)

} // namespace

class TestMimeTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theDefinitionsAreInstalled()
    {
        QVERIFY(QFile::exists(dataDir().filePath(QStringLiteral("mime/packages/" COROSCOPE_APP_ID ".xml"))));
        const QMimeDatabase db;
        QVERIFY(db.mimeTypeForName(traceType).isValid());
        QVERIFY(db.mimeTypeForName(traceType).inherits(QStringLiteral("application/json")));
        QVERIFY(db.mimeTypeForName(lessonType).isValid());
    }

    void anExportedRunIsACoroscopeTrace()
    {
        const auto trace = coroscope::testing::sampleTrace();
        coroscope::report::ReportInput input;
        input.trace = &trace;
        input.title = QStringLiteral("gather");
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("run.coroscope.json"));
        QString error;
        QVERIFY2(coroscope::report::exportTrace(input, path, &error), qPrintable(error));
        QCOMPARE(QMimeDatabase().mimeTypeForFile(path).name(), traceType);
        // Renamed to a suffix no type claims, the content still says what it is.
        const auto renamed = dir.filePath(QStringLiteral("run.trace"));
        QVERIFY(QFile::copy(path, renamed));
        QCOMPARE(QMimeDatabase().mimeTypeForFile(renamed).name(), traceType);
        QCOMPARE(QMimeDatabase().mimeTypeForFile(renamed, QMimeDatabase::MatchContent).name(), traceType);
    }

    void anotherToolsTraceIsPlainJson()
    {
        QTemporaryDir dir;
        const auto path = dir.filePath(QStringLiteral("perfetto.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"traceEvents":[{"name":"main","ph":"X","ts":0,"dur":5,"pid":1,"tid":1}]})");
        file.close();
        QCOMPARE(QMimeDatabase().mimeTypeForFile(path).name(), QStringLiteral("application/json"));
    }

    void aLessonIsNamedBySuffix()
    {
        QCOMPARE(
            QMimeDatabase().mimeTypeForFile(QStringLiteral("week1.coroscope-lesson"), QMimeDatabase::MatchExtension).name(),
            lessonType);
    }
};

QTEST_GUILESS_MAIN(TestMimeTypes)
#include "tst_mimetypes.moc"
