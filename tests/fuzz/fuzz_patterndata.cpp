// SPDX-License-Identifier: GPL-3.0-or-later
// The pattern data files are embedded at build time, but a broken one must still be refused with
// reasons, never crash: and what is accepted must be a description the app can use as it is.
#include "patterns/patterndata.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    // The corpus is mostly real files; naming one of them keeps the id check from refusing them all.
    const auto read = coroscope::patterns::readPatternData(device, QStringLiteral("semaphore"));
    if (!read.ok())
        return 0;
    if (read.info.id != QLatin1String("semaphore") || read.info.title.isEmpty())
        __builtin_trap();
    for (const auto &spec : read.info.parameters) {
        if (!spec.validate(spec.defaultValue).isEmpty() || spec.name.isEmpty())
            __builtin_trap(); // an accepted default is one the parameter panel accepts too
        // What the command line parses back from the default must be accepted as well.
        if (!spec.parse(spec.defaultValue.toString()).ok())
            __builtin_trap();
    }
    // An accepted question can be put to a class: a few choices, each claim computable for a run.
    QVariantMap defaults;
    for (const auto &spec : read.info.parameters)
        defaults.insert(spec.name, spec.defaultValue);
    if (read.info.questions.size() > 3)
        __builtin_trap();
    for (const auto &question : read.info.questions) {
        if (question.choices.size() < 2 || question.choices.size() > 6 || question.id.isEmpty())
            __builtin_trap();
        for (const auto &choice : question.choices) {
            const bool figured = question.kind == coroscope::patterns::QuestionKind::TotalDuration
                                 || question.kind == coroscope::patterns::QuestionKind::PeakInFlight;
            if (figured && !coroscope::patterns::evaluateFactors(choice.factors, defaults))
                __builtin_trap();
        }
    }
    return 0;
}
