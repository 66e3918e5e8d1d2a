// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/source/codeview.h"
#include "app/source/rulehighlighter.h"

#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace coroscope::app;

namespace {

// The format the highlighter gave the character at `column` of `line` (1-based line).
QTextCharFormat formatAt(const CodeView &view, int line, int column)
{
    const auto block = view.document()->findBlockByNumber(line - 1);
    for (const auto &range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format;
    }
    return {};
}

} // namespace

class TestCodeView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cppHighlightsCoroutinesAndComments()
    {
        CodeView view;
        view.setCode(QStringLiteral("int x = 1; // a /* not a block\n"
                                    "QCoro::Task<int> f()\n"
                                    "{\n"
                                    "    co_await sleep(latency); /* a block\n"
                                    "       comment */ co_return 2;\n"
                                    "}\n"),
                     CodeView::Language::Cpp);
        const auto theme = SyntaxTheme::forDarkBackground(false);
        QCOMPARE(formatAt(view, 4, 4).foreground(), theme.coroutine.foreground());
        QCOMPARE(formatAt(view, 4, 4).fontWeight(), int(QFont::Bold));
        QCOMPARE(formatAt(view, 1, 14).foreground(), theme.comment.foreground());
        // The "/*" inside the line comment opened nothing: the next line is code.
        QVERIFY(formatAt(view, 2, 0).foreground() != theme.comment.foreground());
        QCOMPARE(formatAt(view, 5, 8).foreground(), theme.comment.foreground()); // inside the block comment
        QCOMPARE(formatAt(view, 5, 18).foreground(), theme.coroutine.foreground()); // co_return after it
        QCOMPARE(formatAt(view, 1, 0).foreground(), theme.type.foreground());
    }

    void pythonHighlightsDocstringsAcrossLines()
    {
        CodeView view;
        view.setCode(QStringLiteral("async def main():\n"
                                    "    \"\"\"Fetch\n"
                                    "    everything\"\"\"\n"
                                    "    await asyncio.sleep(1)  # wait\n"),
                     CodeView::Language::Python);
        const auto theme = SyntaxTheme::forDarkBackground(false);
        QCOMPARE(formatAt(view, 1, 0).foreground(), theme.coroutine.foreground());
        QCOMPARE(formatAt(view, 2, 6).foreground(), theme.string.foreground());
        QCOMPARE(formatAt(view, 3, 6).foreground(), theme.string.foreground());
        QCOMPARE(formatAt(view, 4, 4).foreground(), theme.coroutine.foreground());
        QCOMPARE(formatAt(view, 4, 30).foreground(), theme.comment.foreground());
    }

    void marksTheWaitingLine()
    {
        CodeView view;
        view.setCode(QStringLiteral("a\nb\nc\n"), CodeView::Language::Cpp);
        view.setWaitingCounts({{2, 10}, {3, 1}});
        view.setCurrentLine(2);
        QCOMPARE(view.currentLine(), 2);
        QCOMPARE(view.textCursor().blockNumber(), 1);
        // Every line where tasks wait is tinted; the selected one once, strongly.
        QCOMPARE(view.extraSelections().size(), 2);
        QCOMPARE(view.lineText(3), QStringLiteral("c"));
        QVERIFY(view.lineText(99).isEmpty());
        view.setCurrentLine(0);
        QCOMPARE(view.extraSelections().size(), 2);
        view.setWaitingCounts({});
        QCOMPARE(view.extraSelections().size(), 0);
    }
};

QTEST_MAIN(TestCodeView)
#include "tst_codeview.moc"
