// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline/timeaxis.h"

#include <QTest>

using coroscope::timeline::TimeAxis;

class TestTimeAxis : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapTimeToX_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<double>("width");
        QTest::addColumn<qint64>("time");
        QTest::addColumn<double>("x");

        QTest::newRow("left edge") << qint64(0) << qint64(1000) << 100.0 << qint64(0) << 0.0;
        QTest::newRow("right edge") << qint64(0) << qint64(1000) << 100.0 << qint64(1000) << 100.0;
        QTest::newRow("middle") << qint64(0) << qint64(1000) << 100.0 << qint64(500) << 50.0;
        QTest::newRow("offset window") << qint64(2'000'000) << qint64(3'000'000) << 1000.0 << qint64(2'250'000) << 250.0;
        QTest::newRow("before the window") << qint64(1000) << qint64(2000) << 100.0 << qint64(500) << -50.0;
        QTest::newRow("after the window") << qint64(1000) << qint64(2000) << 100.0 << qint64(3000) << 200.0;
        QTest::newRow("fractional pixels") << qint64(0) << qint64(3) << 1.0 << qint64(1) << 1.0 / 3.0;
        QTest::newRow("nanoseconds an hour in")
            << qint64(3'600'000'000'000) << qint64(3'600'000'001'000) << 1000.0 << qint64(3'600'000'000'001) << 1.0;
        QTest::newRow("full hd, one second")
            << qint64(0) << qint64(1'000'000'000) << 1920.0 << qint64(250'000'000) << 480.0;
    }

    void mapTimeToX()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(double, width);
        QFETCH(qint64, time);
        QFETCH(double, x);
        const TimeAxis axis(start, end, width);
        QCOMPARE(axis.mapTimeToX(time), x);
    }

    void mapXToTime_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("x");
        QTest::addColumn<qint64>("time");

        QTest::newRow("left edge") << qint64(100) << qint64(1100) << 100.0 << 0.0 << qint64(100);
        QTest::newRow("right edge") << qint64(100) << qint64(1100) << 100.0 << 100.0 << qint64(1100);
        QTest::newRow("a pixel is ten ns") << qint64(0) << qint64(1000) << 100.0 << 1.0 << qint64(10);
        QTest::newRow("rounds to nearest ns") << qint64(0) << qint64(10) << 3.0 << 1.0 << qint64(3);
        QTest::newRow("rounds half away") << qint64(0) << qint64(1) << 2.0 << 1.0 << qint64(1);
        QTest::newRow("left of the window") << qint64(1000) << qint64(2000) << 100.0 << -10.0 << qint64(900);
    }

    void mapXToTime()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(double, width);
        QFETCH(double, x);
        QFETCH(qint64, time);
        const TimeAxis axis(start, end, width);
        QCOMPARE(axis.mapXToTime(x), time);
    }

    void roundTripIsExactAtPixelBoundaries()
    {
        // Whole pixels of a window whose duration divides evenly map back to the same time.
        const TimeAxis axis(123'456'789, 123'456'789 + 1920 * 5'000, 1920);
        for (int x = 0; x <= 1920; x += 7)
            QCOMPARE(axis.mapTimeToX(axis.mapXToTime(x)), double(x));
    }

    void invalidAxisMapsToOrigin()
    {
        const TimeAxis empty(500, 500, 100);
        QVERIFY(!empty.isValid());
        QCOMPARE(empty.mapTimeToX(800), 0.0);
        QCOMPARE(empty.mapXToTime(50), qint64(500));
        QVERIFY(!TimeAxis(0, 1000, 0).isValid());
    }

    void niceStep_data()
    {
        QTest::addColumn<double>("ns");
        QTest::addColumn<qint64>("step");
        QTest::newRow("below one") << 0.3 << qint64(1);
        QTest::newRow("exact one") << 1.0 << qint64(1);
        QTest::newRow("1.5 -> 2") << 1.5 << qint64(2);
        QTest::newRow("3 -> 5") << 3.0 << qint64(5);
        QTest::newRow("7 -> 10") << 7.0 << qint64(10);
        QTest::newRow("exact 200") << 200.0 << qint64(200);
        QTest::newRow("201 -> 500") << 201.0 << qint64(500);
        QTest::newRow("42 ms -> 50 ms") << 42e6 << qint64(50'000'000);
        QTest::newRow("1.1 s -> 2 s") << 1.1e9 << qint64(2'000'000'000);
    }

    void niceStep()
    {
        QFETCH(double, ns);
        QFETCH(qint64, step);
        QCOMPARE(TimeAxis::niceStep(ns), step);
    }

    void ticks_data()
    {
        QTest::addColumn<qint64>("start");
        QTest::addColumn<qint64>("end");
        QTest::addColumn<double>("width");
        QTest::addColumn<double>("spacing");
        QTest::addColumn<qint64>("major");

        QTest::newRow("one second on 1000 px")
            << qint64(0) << qint64(1'000'000'000) << 1000.0 << 80.0 << qint64(100'000'000);
        QTest::newRow("offset window") << qint64(1'234'567) << qint64(11'234'567) << 500.0 << 100.0 << qint64(2'000'000);
        QTest::newRow("microseconds") << qint64(0) << qint64(10'000) << 1000.0 << 150.0 << qint64(2'000);
    }

    void ticks()
    {
        QFETCH(qint64, start);
        QFETCH(qint64, end);
        QFETCH(double, width);
        QFETCH(double, spacing);
        QFETCH(qint64, major);
        const TimeAxis axis(start, end, width);
        qint64 step = 0;
        const auto ticks = axis.ticks(spacing, &step);
        QCOMPARE(step, major);
        QVERIFY(!ticks.empty());
        double lastMajorX = -1e9;
        for (const auto &tick : ticks) {
            QVERIFY(tick.timeNs >= start && tick.timeNs <= end);
            QCOMPARE(tick.x, axis.mapTimeToX(tick.timeNs));
            QCOMPARE(tick.major, tick.timeNs % major == 0);
            if (tick.major) {
                QVERIFY2(tick.x - lastMajorX >= spacing - 1e-9, "labelled ticks closer than asked");
                lastMajorX = tick.x;
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTimeAxis)
#include "tst_timeaxis.moc"
