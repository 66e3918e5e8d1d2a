// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/source/cpphighlighter.h"

namespace coroscope::app {

CppHighlighter::CppHighlighter(QTextDocument *document)
    : RuleHighlighter(document)
{
    const QStringList keywords = {
        QStringLiteral("auto"),      QStringLiteral("break"),     QStringLiteral("case"),
        QStringLiteral("catch"),     QStringLiteral("class"),     QStringLiteral("const"),
        QStringLiteral("constexpr"), QStringLiteral("continue"),  QStringLiteral("default"),
        QStringLiteral("delete"),    QStringLiteral("do"),        QStringLiteral("else"),
        QStringLiteral("enum"),      QStringLiteral("explicit"),  QStringLiteral("false"),
        QStringLiteral("for"),       QStringLiteral("if"),        QStringLiteral("inline"),
        QStringLiteral("mutable"),   QStringLiteral("namespace"), QStringLiteral("new"),
        QStringLiteral("noexcept"),  QStringLiteral("nullptr"),   QStringLiteral("operator"),
        QStringLiteral("override"),  QStringLiteral("private"),   QStringLiteral("protected"),
        QStringLiteral("public"),    QStringLiteral("return"),    QStringLiteral("static"),
        QStringLiteral("struct"),    QStringLiteral("switch"),    QStringLiteral("template"),
        QStringLiteral("this"),      QStringLiteral("throw"),     QStringLiteral("true"),
        QStringLiteral("try"),       QStringLiteral("typename"),  QStringLiteral("using"),
        QStringLiteral("virtual"),   QStringLiteral("while"),     QStringLiteral("static_cast"),
        QStringLiteral("std::move")};
    const QStringList types = {
        QStringLiteral("bool"),     QStringLiteral("char"),       QStringLiteral("double"),
        QStringLiteral("float"),    QStringLiteral("int"),        QStringLiteral("long"),
        QStringLiteral("qint64"),   QStringLiteral("quint16"),    QStringLiteral("size_t"),
        QStringLiteral("void"),     QStringLiteral("Q[A-Z]\\w*"), QStringLiteral("[A-Z]\\w*(?=<)"),
        QStringLiteral("std::\\w+")};
    setRules(
        {
            {QRegularExpression(QStringLiteral("\\b([A-Za-z_]\\w*)\\s*(?=\\()")), &SyntaxTheme::function},
            {words(types), &SyntaxTheme::type},
            {words(keywords), &SyntaxTheme::keyword},
            {words({QStringLiteral("co_await"), QStringLiteral("co_return"), QStringLiteral("co_yield")}),
             &SyntaxTheme::coroutine},
            {QRegularExpression(QStringLiteral("\\b\\d[\\d']*(?:\\.\\d+)?(?:ms|s|ns|us|min|h|[uUlLfF]*)?\\b")),
             &SyntaxTheme::number},
            {QRegularExpression(QStringLiteral("^\\s*#\\s*\\w+.*$")), &SyntaxTheme::preprocessor},
            {QRegularExpression(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)'")), &SyntaxTheme::string},
            {QRegularExpression(QStringLiteral("//.*$")), &SyntaxTheme::comment},
        },
        {{QRegularExpression(QStringLiteral("/\\*")), QRegularExpression(QStringLiteral("\\*/")), &SyntaxTheme::comment}});
}

} // namespace coroscope::app
