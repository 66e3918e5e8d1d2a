// SPDX-License-Identifier: GPL-3.0-or-later
// The lab server's request guard reads every byte any client sends, before QHttpServer does.
#include "io/labrequestguard.h"

using coroscope::io::lab::RequestGuard;
using coroscope::io::lab::RequestLimits;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    RequestLimits small; // small limits, so that the fuzzer reaches them
    small.requestLineBytes = 64;
    small.headerBytes = 256;
    small.headerCount = 8;
    small.bodyBytes = 512;
    RequestGuard whole(small);
    const auto verdict = whole.feed(bytes);
    // Byte by byte gives the same verdict and the same count of requests.
    RequestGuard pieces(small);
    auto byByte = RequestGuard::Verdict::Fine;
    for (qsizetype at = 0; at < bytes.size() && byByte == RequestGuard::Verdict::Fine; ++at)
        byByte = pieces.feed(bytes.sliced(at, 1));
    if (verdict != byByte || (verdict == RequestGuard::Verdict::Fine && whole.requestsSeen() != pieces.requestsSeen()))
        __builtin_trap();
    if (verdict != RequestGuard::Verdict::Fine && whole.explanation().isEmpty())
        __builtin_trap();
    return 0;
}
