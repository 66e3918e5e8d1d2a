// SPDX-License-Identifier: GPL-3.0-or-later
#include "report/jsonreader.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QTest>

using coroscope::report::JsonReader;

namespace {

constexpr int Chunk = 1 << 20; // the reader's chunk size

struct Reader {
    explicit Reader(const QByteArray &bytes, qint64 maxBytes = 1 << 30, int maxDepth = 64)
        : reader((buffer.setData(bytes), buffer.open(QIODevice::ReadOnly), buffer), maxBytes, maxDepth)
    {
    }
    QBuffer buffer;
    JsonReader reader;
};

} // namespace

class TestJsonReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokensSplitAcrossChunks()
    {
        // Strings with escapes and multi-byte characters, and numbers, placed so that every
        // byte of them lands on the chunk boundary once.
        const QString text = QStringLiteral("a\"b\\c\nd\u00e9\u20ac\U0001F600e");
        const QByteArray encoded = "[\"a\\\"b\\\\c\\nd\\u00e9€😀e\",-12.5e-1,123456789012]";
        for (int shift = 0; shift < encoded.size(); ++shift) {
            const int padding = Chunk - 1 - shift;
            QByteArray bytes = '[' + QByteArray(padding - 1, ' ') + encoded + ']';
            Reader r(bytes);
            QVERIFY(r.reader.beginArray());
            QVERIFY(r.reader.nextElement());
            QVERIFY(r.reader.beginArray());
            QString value;
            QVERIFY(r.reader.nextElement());
            QVERIFY2(r.reader.readString(value), qPrintable(r.reader.errorString()));
            QCOMPARE(value, text);
            double number = 0;
            QVERIFY(r.reader.nextElement());
            QVERIFY(r.reader.readDouble(number));
            QCOMPARE(number, -1.25);
            qint64 integer = 0;
            QVERIFY(r.reader.nextElement());
            QVERIFY(r.reader.readInteger(integer));
            QCOMPARE(integer, 123456789012LL);
            QVERIFY(!r.reader.nextElement());
            QVERIFY(!r.reader.nextElement());
            QVERIFY(r.reader.expectEnd());
        }
    }

    void loneSurrogateEscapesSurvive()
    {
        Reader r("\"\\ud800x\\uDE00\"");
        QString value;
        QVERIFY(r.reader.readString(value));
        QCOMPARE(value.size(), 3);
        QCOMPARE(value.at(0).unicode(), char16_t(0xD800));
        QCOMPARE(value.at(2).unicode(), char16_t(0xDE00));
    }

    void genericValues()
    {
        Reader r("{\"a\":[1,2.5,\"x\",true,false,null,{\"b\":-0}],\"big\":12345678901234567890}");
        QJsonValue value;
        QVERIFY(r.reader.readValue(value));
        const auto object = value.toObject();
        const auto array = object.value(QStringLiteral("a")).toArray();
        QCOMPARE(array.size(), 7);
        QCOMPARE(array.at(0).toInteger(), 1);
        QCOMPARE(array.at(1).toDouble(), 2.5);
        QCOMPARE(array.at(3).toBool(), true);
        QVERIFY(array.at(5).isNull());
        // Too big for 64 bits: kept as a double rather than refused.
        QCOMPARE(object.value(QStringLiteral("big")).toDouble(), 12345678901234567890.0);
    }

    void skipValueIsIterativeAndLimited()
    {
        // 63 levels under the limit skip fine; 100,000 levels fail cleanly (no stack overflow).
        Reader ok(QByteArray(63, '[') + QByteArray(63, ']'));
        QVERIFY(ok.reader.skipValue());
        QVERIFY(ok.reader.expectEnd());
        Reader deep(QByteArray(100'000, '[') + QByteArray(100'000, ']'));
        QVERIFY(!deep.reader.skipValue());
        QVERIFY(deep.reader.errorString().contains(QLatin1String("deeper than 64")));
        Reader deepValue(QByteArray(100'000, '{').replace('{', "{\"a\":"));
        QJsonValue value;
        QVERIFY(!deepValue.reader.readValue(value));
        QVERIFY(deepValue.reader.errorString().contains(QLatin1String("deeper than 64")));
    }

    void sizeCapAndCancellation()
    {
        const QByteArray bytes = '[' + QByteArray(3 * Chunk, ' ') + ']';
        Reader capped(bytes, 2 * Chunk);
        QVERIFY(!capped.reader.skipValue());
        QVERIFY(capped.reader.errorString().contains(QLatin1String("larger than the import limit of 2 MB")));

        Reader cancelled(bytes);
        QList<qint64> reads;
        cancelled.reader.setChunkCallback([&](qint64 read) {
            reads.append(read);
            return reads.size() < 2;
        });
        QVERIFY(!cancelled.reader.skipValue());
        QVERIFY(cancelled.reader.cancelled());
        QCOMPARE(reads, (QList<qint64>{Chunk, 2 * Chunk}));
    }

    void numbersAtTheEdges_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<double>("value");
        QTest::newRow("max double") << QByteArray("1.7976931348623157e308") << true << 1.7976931348623157e308;
        QTest::newRow("overflow") << QByteArray("1e309") << false << 0.0;
        QTest::newRow("underflow is zero") << QByteArray("1e-400") << true << 0.0;
        QTest::newRow("negative zero") << QByteArray("-0") << true << 0.0;
        QTest::newRow("no digits after point") << QByteArray("1.") << false << 0.0;
        QTest::newRow("plus sign") << QByteArray("+1") << false << 0.0;
        QTest::newRow("hex") << QByteArray("0x10") << false << 0.0;
        QTest::newRow("nan") << QByteArray("NaN") << false << 0.0;
        QTest::newRow("very long") << QByteArray(600, '1') << false << 0.0;
    }

    void numbersAtTheEdges()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(double, value);
        Reader r(text);
        double parsed = -1;
        const bool read = r.reader.readDouble(parsed) && r.reader.expectEnd();
        QCOMPARE(read, ok);
        if (ok)
            QCOMPARE(parsed, value);
        else
            QVERIFY(!r.reader.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "tst_jsonreader.moc"
