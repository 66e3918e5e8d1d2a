// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/source/rulehighlighter.h"

namespace coroscope::app {
namespace {

QTextCharFormat format(const QColor &color, bool bold = false, bool italic = false)
{
    QTextCharFormat f;
    f.setForeground(color);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

} // namespace

SyntaxTheme SyntaxTheme::forDarkBackground(bool dark)
{
    SyntaxTheme t;
    if (dark) {
        t.keyword = format(QColor(0x82, 0xaa, 0xff), true);
        t.coroutine = format(QColor(0xff, 0x79, 0xc6), true);
        t.type = format(QColor(0x4e, 0xc9, 0xb0));
        t.string = format(QColor(0xe6, 0xb4, 0x73));
        t.number = format(QColor(0xb5, 0xce, 0xa8));
        t.comment = format(QColor(0x8a, 0x96, 0x8a), false, true);
        t.preprocessor = format(QColor(0xc5, 0x86, 0xc0));
        t.function = format(QColor(0xdc, 0xdc, 0xaa));
    } else {
        t.keyword = format(QColor(0x00, 0x33, 0xb3), true);
        t.coroutine = format(QColor(0xc0, 0x14, 0x70), true);
        t.type = format(QColor(0x0e, 0x7c, 0x6b));
        t.string = format(QColor(0x9a, 0x4e, 0x00));
        t.number = format(QColor(0x17, 0x50, 0xeb));
        t.comment = format(QColor(0x6a, 0x73, 0x7d), false, true);
        t.preprocessor = format(QColor(0x80, 0x30, 0x90));
        t.function = format(QColor(0x6f, 0x42, 0xc1));
    }
    return t;
}

RuleHighlighter::RuleHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_theme(SyntaxTheme::forDarkBackground(false))
{
}

void RuleHighlighter::setTheme(const SyntaxTheme &theme)
{
    m_theme = theme;
    rehighlight();
}

void RuleHighlighter::setRules(std::vector<Rule> rules, std::vector<Span> spans)
{
    m_rules = std::move(rules);
    m_spans = std::move(spans);
}

QRegularExpression RuleHighlighter::words(const QStringList &list)
{
    return QRegularExpression(QStringLiteral("\\b(?:%1)\\b").arg(list.join(QLatin1Char('|'))));
}

void RuleHighlighter::highlightBlock(const QString &text)
{
    for (const auto &rule : m_rules) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            // A rule with a capture group colours only the group ("name" of "name(").
            const int group = match.lastCapturedIndex() >= 1 ? 1 : 0;
            setFormat(int(match.capturedStart(group)), int(match.capturedLength(group)), m_theme.*(rule.format));
        }
    }
    // Multi-line constructs last, so they win over rules inside them.
    setCurrentBlockState(0);
    int from = 0;
    int inside = previousBlockState() - 1;
    while (from <= text.size()) {
        if (inside < 0) {
            // The earliest opening of any multi-line construct from here.
            qsizetype best = -1;
            qsizetype bestLength = 0;
            for (std::size_t i = 0; i < m_spans.size(); ++i) {
                const auto match = m_spans[i].start.match(text, from);
                if (match.hasMatch() && (best < 0 || match.capturedStart() < best)) {
                    best = match.capturedStart();
                    bestLength = match.capturedLength();
                    inside = int(i);
                }
            }
            if (best < 0)
                return;
            // An opening inside a line comment, or a comment opening inside a string, is text.
            const auto current = this->format(int(best));
            const bool isStringSpan = m_spans[std::size_t(inside)].format == &SyntaxTheme::string;
            if (current == m_theme.comment || (current == m_theme.string && !isStringSpan)) {
                from = int(best + bestLength);
                inside = -1;
                continue;
            }
            from = int(best);
            const auto &span = m_spans[std::size_t(inside)];
            const auto end = span.end.match(text, from + bestLength);
            if (!end.hasMatch()) {
                setFormat(from, int(text.size()) - from, m_theme.*(span.format));
                setCurrentBlockState(inside + 1);
                return;
            }
            const int stop = int(end.capturedEnd());
            setFormat(from, stop - from, m_theme.*(span.format));
            from = stop;
            inside = -1;
        } else {
            const auto &span = m_spans[std::size_t(inside)];
            const auto end = span.end.match(text, from);
            if (!end.hasMatch()) {
                setFormat(from, int(text.size()) - from, m_theme.*(span.format));
                setCurrentBlockState(inside + 1);
                return;
            }
            const int stop = int(end.capturedEnd());
            setFormat(from, stop - from, m_theme.*(span.format));
            from = stop;
            inside = -1;
        }
    }
}

} // namespace coroscope::app
