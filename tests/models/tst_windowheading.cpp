// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/models/openedtrace.h"
#include "app/models/windowheading.h"
#include "patterns/patterninfo.h"

#include <QTest>

using namespace coroscope;
using namespace coroscope::app;

class TestWindowHeading : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aLiveRunNamesThePatternAndHasNoBanner()
    {
        const auto heading = windowHeading(&m_gather, nullptr, true);
        QCOMPARE(heading.title, m_gather.title);
        QCOMPARE(heading.summary, m_gather.summary);
        QCOMPARE(heading.windowTitle, QStringLiteral("gather: the dashboard in parallel — Coroscope"));
        QVERIFY(heading.banner.isEmpty());
    }

    void nothingSelectedIsJustTheApp()
    {
        const auto heading = windowHeading(nullptr, nullptr, false);
        QCOMPARE(heading.windowTitle, QStringLiteral("Coroscope"));
        QVERIFY(heading.title.isEmpty());
        QVERIFY(heading.banner.isEmpty());
    }

    void aStoredRunSaysItIsNotLive()
    {
        OpenedTrace stored;
        stored.patternId = QStringLiteral("gather");
        stored.historyId = 12;
        stored.name = QStringLiteral("before the break");
        stored.startedAt = QDateTime(QDate(2026, 11, 25), QTime(14, 20, 31));
        const auto heading = windowHeading(&m_gather, &stored, false);
        QCOMPARE(heading.title, m_gather.title);
        QVERIFY2(
            heading.banner.startsWith(QStringLiteral("Stored run #12 “before the break” from 2026-11-25 14:20:31")),
            qPrintable(heading.banner));
        QVERIFY(heading.banner.contains(QStringLiteral("not a live run")));
        QCOMPARE(heading.windowTitle,
                 stored.caption() + QStringLiteral(" — ") + m_gather.title + QStringLiteral(" — Coroscope"));
        // A run started over it is live again: no banner.
        QVERIFY(windowHeading(&m_gather, &stored, true).banner.isEmpty());
    }

    void anotherToolsTraceDoesNotNameTheSelectedPattern()
    {
        OpenedTrace foreign;
        foreign.filePath = QStringLiteral("/tmp/other-tool.json");
        const auto heading = windowHeading(&m_gather, &foreign, false);
        QCOMPARE(heading.title, QStringLiteral("other-tool.json"));
        QVERIFY(!heading.windowTitle.contains(m_gather.title));
        QVERIFY(!heading.summary.contains(m_gather.summary));
        QVERIFY(heading.summary.contains(QStringLiteral("another tool")));
        QCOMPARE(heading.banner, QStringLiteral("Imported trace other-tool.json, not a live run."));
        foreign.name = QStringLiteral("nightly build");
        QCOMPARE(windowHeading(&m_gather, &foreign, false).title, QStringLiteral("nightly build"));
    }

private:
    patterns::PatternInfo m_gather = [] {
        patterns::PatternInfo info;
        info.id = QStringLiteral("gather");
        info.title = QStringLiteral("gather: the dashboard in parallel");
        info.summary = QStringLiteral("Three calls at once.");
        return info;
    }();
};

QTEST_GUILESS_MAIN(TestWindowHeading)
#include "tst_windowheading.moc"
