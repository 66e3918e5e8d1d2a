// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/source/pythonhighlighter.h"

namespace coroscope::app {

PythonHighlighter::PythonHighlighter(QTextDocument *document)
    : RuleHighlighter(document)
{
    const QStringList keywords = {
        QStringLiteral("and"),     QStringLiteral("as"),       QStringLiteral("assert"),   QStringLiteral("break"),
        QStringLiteral("class"),   QStringLiteral("continue"), QStringLiteral("def"),      QStringLiteral("del"),
        QStringLiteral("elif"),    QStringLiteral("else"),     QStringLiteral("except"),   QStringLiteral("False"),
        QStringLiteral("finally"), QStringLiteral("for"),      QStringLiteral("from"),     QStringLiteral("global"),
        QStringLiteral("if"),      QStringLiteral("import"),   QStringLiteral("in"),       QStringLiteral("is"),
        QStringLiteral("lambda"),  QStringLiteral("None"),     QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"),      QStringLiteral("pass"),     QStringLiteral("raise"),    QStringLiteral("return"),
        QStringLiteral("True"),    QStringLiteral("try"),      QStringLiteral("while"),    QStringLiteral("with"),
        QStringLiteral("yield")};
    const QStringList builtins = {
        QStringLiteral("print"),   QStringLiteral("len"),           QStringLiteral("range"),
        QStringLiteral("list"),    QStringLiteral("dict"),          QStringLiteral("str"),
        QStringLiteral("int"),     QStringLiteral("float"),         QStringLiteral("Exception"),
        QStringLiteral("asyncio"), QStringLiteral("[A-Z]\\w*Error")};
    setRules(
        {
            {QRegularExpression(QStringLiteral("\\b([A-Za-z_]\\w*)\\s*(?=\\()")), &SyntaxTheme::function},
            {words(builtins), &SyntaxTheme::type},
            {words(keywords), &SyntaxTheme::keyword},
            {words({QStringLiteral("async"), QStringLiteral("await")}), &SyntaxTheme::coroutine},
            {QRegularExpression(QStringLiteral("\\b\\d[\\d_]*(?:\\.\\d+)?\\b")), &SyntaxTheme::number},
            {QRegularExpression(QStringLiteral("^\\s*@[\\w.]+")), &SyntaxTheme::preprocessor},
            {QRegularExpression(QStringLiteral("[rbf]?\"(?:[^\"\\\\]|\\\\.)*\"|[rbf]?'(?:[^'\\\\]|\\\\.)*'")),
             &SyntaxTheme::string},
            {QRegularExpression(QStringLiteral("#.*$")), &SyntaxTheme::comment},
        },
        {{QRegularExpression(QStringLiteral("\"\"\"")), QRegularExpression(QStringLiteral("\"\"\"")), &SyntaxTheme::string},
         {QRegularExpression(QStringLiteral("'''")), QRegularExpression(QStringLiteral("'''")), &SyntaxTheme::string}});
}

} // namespace coroscope::app
