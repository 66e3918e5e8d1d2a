// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/csvexport.h"
#include "sampletrace.h"

#include <QBuffer>
#include <QTest>

using namespace coroscope;
using namespace coroscope::trace;

namespace {

// A strict RFC 4180 reader, to check the file as a spreadsheet would read it.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            if (!field.isEmpty())
                qFatal("quote in the middle of an unquoted field");
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char('\r')) {
            qFatal("bare line break outside quotes");
        } else {
            field += c;
        }
    }
    if (quoted)
        qFatal("unterminated quote");
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QString exportCsv(const Trace &trace)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!report::writeEventsCsv(trace, buffer, &error))
        qFatal("csv export failed: %s", qPrintable(error));
    return QString::fromUtf8(buffer.data());
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quoting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("GET /user") << QStringLiteral("GET /user");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("one\ntwo") << QStringLiteral("\"one\ntwo\"");
        QTest::newRow("carriage return") << QStringLiteral("one\rtwo") << QStringLiteral("\"one\rtwo\"");
        QTest::newRow("empty") << QString() << QString();
    }

    void quoting()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        QCOMPARE(report::csvField(text), field);
    }

    void oneRowPerEventWithEveryColumn()
    {
        const auto trace = testing::sampleTrace();
        const auto rows = parseCsv(exportCsv(trace));
        QCOMPARE(rows.first(),
                 QStringLiteral("time_ns,task_id,task_name,parent_id,event,detail,label,file,line,thread,value")
                     .split(QLatin1Char(',')));
        QCOMPARE(rows.size(), qsizetype(trace.events().size()) + 1);
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const auto &row = rows[i];
            const auto &event = trace.events()[std::size_t(i - 1)];
            QCOMPARE(row.size(), 11);
            QCOMPARE(row[0].toLongLong(), event.timeNs);
            QCOMPARE(row[1].toUInt(), event.task);
            QCOMPARE(row[4], QLatin1String(toString(event.kind)));
            QCOMPARE(row[6], trace.string(event.label));
            QCOMPARE(row[9], trace.threadName(event.thread));
            if (const auto *task = trace.task(event.task)) {
                QCOMPARE(row[2], trace.string(task->name));
                QCOMPARE(row[3].toUInt(), task->parent);
            }
            if (event.kind == EventKind::Suspended)
                QCOMPARE(row[5], QLatin1String(toString(event.reason())));
            if (event.kind == EventKind::Finished)
                QCOMPARE(row[5], QLatin1String(toString(event.status())));
            const auto location = trace.location(event.location);
            QCOMPARE(row[7], location.file);
            QCOMPARE(row[8], location.isValid() ? QString::number(location.line) : QString());
            QCOMPARE(row[10].isEmpty(), event.kind != EventKind::Counter);
            if (event.kind == EventKind::Counter)
                QCOMPARE(row[10].toDouble(), event.value);
        }
        // The hostile label (comma, quotes, newline) survived as one field.
        bool found = false;
        for (const auto &row : rows)
            found = found || row[6] == testing::hostileLabel();
        QVERIFY(found);
        // Two threads, named.
        bool otherThread = false;
        for (const auto &row : rows)
            otherThread = otherThread || (row[9] != QLatin1String("main") && row[9] != QLatin1String("thread"));
        QVERIFY(otherThread);
    }
};

QTEST_GUILESS_MAIN(TestCsvExport)
#include "tst_csvexport.moc"
