// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

#include <vector>

namespace coroscope::app {

// Colours for code, for light and dark backgrounds. Coroutine keywords get their own colour:
// they are what the lesson is about.
struct SyntaxTheme {
    QTextCharFormat keyword;
    QTextCharFormat coroutine; // co_await, co_return, await, async
    QTextCharFormat type;
    QTextCharFormat string;
    QTextCharFormat number;
    QTextCharFormat comment;
    QTextCharFormat preprocessor; // #include, Python decorators
    QTextCharFormat function;

    static SyntaxTheme forDarkBackground(bool dark);
};

// A highlighter made of regular-expression rules plus one kind of multi-line construct (C++
// block comments, Python triple-quoted strings). Languages only supply their rules.
class RuleHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    explicit RuleHighlighter(QTextDocument *document);
    void setTheme(const SyntaxTheme &theme);

protected:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat SyntaxTheme::*format;
    };
    struct Span {
        QRegularExpression start;
        QRegularExpression end;
        QTextCharFormat SyntaxTheme::*format;
    };
    void setRules(std::vector<Rule> rules, std::vector<Span> spans);
    static QRegularExpression words(const QStringList &list);

    void highlightBlock(const QString &text) override;

private:
    std::vector<Rule> m_rules;
    std::vector<Span> m_spans; // block state n+1 means "inside m_spans[n]"
    SyntaxTheme m_theme;
};

} // namespace coroscope::app
