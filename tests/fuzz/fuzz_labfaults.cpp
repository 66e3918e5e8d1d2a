// SPDX-License-Identifier: GPL-3.0-or-later
// The lab's fault settings come from the command line and from the control API's PUT body: any
// bytes must be refused with reasons or give settings in range that read back as they are.
#include "io/labfaults.h"

#include <QJsonDocument>

namespace {

void checkAccepted(const coroscope::io::LabFaultsParse &parse)
{
    if (!parse.faults) {
        if (parse.errors.isEmpty())
            __builtin_trap(); // a refusal always says why
        return;
    }
    const auto &faults = *parse.faults;
    if (!(faults.clamped() == faults))
        __builtin_trap(); // what is accepted is in range: nothing is clamped behind the user's back
    const auto back = coroscope::io::parseLabFaultsJson(QJsonDocument(coroscope::io::toJson(faults)).toJson());
    if (!back.faults || !(*back.faults == faults))
        __builtin_trap(); // what GET answers can be PUT back unchanged
    (void)faults.describe();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    checkAccepted(coroscope::io::parseLabFaultsJson(bytes));
    // The same bytes as --fault options, one a line.
    checkAccepted(coroscope::io::parseLabFaultAssignments(QString::fromUtf8(bytes).split(QLatin1Char('\n'))));
    return 0;
}
