// SPDX-License-Identifier: GPL-3.0-or-later
#include "async/threadanchor.h"

#include <QMetaObject>

#include <memory>

namespace coroscope::async {

ThreadAnchor *ThreadAnchor::current()
{
    thread_local std::unique_ptr<ThreadAnchor> anchor{new ThreadAnchor};
    return anchor.get();
}

void ThreadAnchor::post(std::function<void()> fn)
{
    QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
}

} // namespace coroscope::async
