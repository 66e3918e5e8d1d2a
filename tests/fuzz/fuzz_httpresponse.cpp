// SPDX-License-Identifier: GPL-3.0-or-later
// The HTTP client's response parser reads whatever a server (any URL a teacher types) sends.
#include "io/httpresponseparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // Once whole, and once in pieces split where the first byte says: the same answer either way.
    coroscope::io::HttpResponseParser whole;
    whole.feed(bytes);
    whole.finishAtEof();
    coroscope::io::HttpResponseParser pieces;
    const qsizetype step = size > 0 ? 1 + data[0] % 17 : 1;
    for (qsizetype at = 0; at < bytes.size(); at += step)
        pieces.feed(bytes.sliced(at, std::min(step, bytes.size() - at)));
    pieces.finishAtEof();
    if (whole.isDone() != pieces.isDone()
        || (whole.isDone() && (whole.status() != pieces.status() || whole.body() != pieces.body())))
        __builtin_trap();
    return 0;
}
