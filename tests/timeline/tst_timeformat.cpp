// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeformat.h"
#include "trace/functionname.h"

#include <QTest>

using namespace coroscope::timeline;

class TestTimeFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void formatDuration_data()
    {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << qint64(0) << QStringLiteral("0 ms");
        QTest::newRow("ns") << qint64(850) << QStringLiteral("850 ns");
        QTest::newRow("µs") << qint64(12'300) << QStringLiteral("12.3 µs");
        QTest::newRow("ms") << qint64(1'250'000) << QStringLiteral("1.25 ms");
        QTest::newRow("hundreds of ms") << qint64(100'200'000) << QStringLiteral("100 ms");
        QTest::newRow("seconds") << qint64(2'500'000'000) << QStringLiteral("2.50 s");
        QTest::newRow("negative") << qint64(-3'000'000) << QStringLiteral("-3.00 ms");
        // The unit follows the rounded value: the app once said "1000 µs", the reports "1.00 ms".
        QTest::newRow("µs rounding up to ms") << qint64(999'700) << QStringLiteral("1.00 ms");
        QTest::newRow("just below the rounding") << qint64(999'400) << QStringLiteral("999 µs");
        QTest::newRow("ms rounding up to s") << qint64(999'600'000) << QStringLiteral("1.00 s");
        QTest::newRow("ten µs rounding") << qint64(9'996) << QStringLiteral("10.0 µs");
    }
    void formatDuration()
    {
        QFETCH(qint64, ns);
        QFETCH(QString, text);
        QCOMPARE(coroscope::timeline::formatDuration(ns), text);
    }

    void formatTick_data()
    {
        QTest::addColumn<qint64>("ns");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("text");
        QTest::newRow("whole seconds") << qint64(2'000'000'000) << qint64(1'000'000'000) << QStringLiteral("2 s");
        QTest::newRow("half seconds") << qint64(1'500'000'000) << qint64(500'000'000) << QStringLiteral("1.5 s");
        QTest::newRow("20 ms steps") << qint64(40'000'000) << qint64(20'000'000) << QStringLiteral("40 ms");
        QTest::newRow("5 ms steps past a second")
            << qint64(1'005'000'000) << qint64(5'000'000) << QStringLiteral("1005 ms");
        QTest::newRow("250 µs steps") << qint64(1'250'000) << qint64(250'000) << QStringLiteral("1250 µs");
        QTest::newRow("0.2 ms steps") << qint64(1'400'000) << qint64(200'000) << QStringLiteral("1400 µs");
    }
    void formatTick()
    {
        QFETCH(qint64, ns);
        QFETCH(qint64, step);
        QFETCH(QString, text);
        QCOMPARE(coroscope::timeline::formatTick(ns, step), text);
    }

    void formatTimeMs()
    {
        QCOMPARE(coroscope::timeline::formatTimeMs(12'345'678), QStringLiteral("12.346 ms"));
        QCOMPARE(coroscope::timeline::formatMilliseconds(1'234'567'000), QStringLiteral("1234.567"));
    }

    void shortFunctionName_data()
    {
        QTest::addColumn<QString>("signature");
        QTest::addColumn<QString>("name");
        QTest::newRow("coroutine") << QStringLiteral(
            "QCoro::Task<int> coroscope::patterns::{anonymous}::fetchItem(int, std::chrono::milliseconds)")
                                   << QStringLiteral("fetchItem");
        QTest::newRow("template return") << QStringLiteral("QCoro::Task<std::vector<int> > ns::load(const QString&)")
                                         << QStringLiteral("load");
        QTest::newRow("lambda inside") << QStringLiteral("ns::runGather(const Ctx&)::<lambda()>")
                                       << QStringLiteral("runGather");
        QTest::newRow("plain") << QStringLiteral("main") << QStringLiteral("main");
    }
    void shortFunctionName()
    {
        QFETCH(QString, signature);
        QFETCH(QString, name);
        QCOMPARE(coroscope::trace::shortFunctionName(signature), name);
    }
};

QTEST_GUILESS_MAIN(TestTimeFormat)
#include "tst_timeformat.moc"
