// SPDX-License-Identifier: GPL-3.0-or-later
#include "trace/functionname.h"

namespace coroscope::trace {

QString shortFunctionName(const QString &signature)
{
    // Cut the parameter list at the first '(' outside template brackets, then the return type
    // and the qualifiers before the last "::" outside brackets.
    int depth = 0;
    qsizetype end = signature.size();
    for (qsizetype i = 0; i < signature.size(); ++i) {
        const auto c = signature.at(i);
        if (c == QLatin1Char('<'))
            ++depth;
        else if (c == QLatin1Char('>'))
            --depth;
        else if (c == QLatin1Char('(') && depth == 0 && i > 0) {
            end = i;
            break;
        }
    }
    depth = 0;
    qsizetype start = 0;
    for (qsizetype i = end - 1; i >= 0; --i) {
        const auto c = signature.at(i);
        if (c == QLatin1Char('>'))
            ++depth;
        else if (c == QLatin1Char('<'))
            --depth;
        else if (depth == 0
                 && (c == QLatin1Char(' ')
                     || (c == QLatin1Char(':') && i > 0 && signature.at(i - 1) == QLatin1Char(':')))) {
            start = i + 1;
            break;
        }
    }
    return signature.mid(start, end - start);
}

} // namespace coroscope::trace
