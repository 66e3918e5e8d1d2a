// SPDX-License-Identifier: GPL-3.0-or-later
// The Chrome-trace importer reads files from any tool: it must refuse nonsense with a message,
// never crash, hang or leak.
#include "report/chrometraceimport.h"

#include <QBuffer>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer device(&bytes);
    device.open(QIODevice::ReadOnly);
    const auto result = coroscope::report::importChromeTrace(device);
    if (!result.ok && result.error.isEmpty())
        __builtin_trap(); // a refusal always says why
    return 0;
}
