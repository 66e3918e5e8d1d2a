// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QUrl>

#include <chrono>

namespace coroscope::io {

// requests.get(): a GET that blocks the calling thread until the whole answer is in, over a
// plain socket (HTTP/1.0, http:// only), the way a synchronous library does. Called from a
// coroutine it freezes that thread's event loop for the whole request, which is the pitfall
// it exists to show: nothing else on the thread runs, not even timers. Returns the body; fails
// like HttpClient (HttpError for status >= 400, Connection errors, TimeoutError).
QByteArray blockingGet(const QUrl &url, std::chrono::milliseconds timeout = std::chrono::seconds(30));

} // namespace coroscope::io
