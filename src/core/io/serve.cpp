// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/serve.h"

#include "io/labserver.h"

#include <QEventLoop>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace coroscope::io {
namespace {

// A signal handler may do almost nothing; writing a byte to a socket is one of the things it
// may do. The event loop watches the other end.
int g_signalSocket = -1;

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalSocket, &byte, 1);
}

// Routes SIGINT and SIGTERM to a socket pair for as long as it lives, then puts back what was there.
class SignalPipe
{
public:
    SignalPipe()
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, m_fds) != 0) {
            m_fds[0] = m_fds[1] = -1;
            return;
        }
        g_signalSocket = m_fds[0];
        struct sigaction action = {};
        action.sa_handler = onSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART;
        ::sigaction(SIGINT, &action, &m_oldInt);
        ::sigaction(SIGTERM, &action, &m_oldTerm);
    }
    ~SignalPipe()
    {
        if (m_fds[0] < 0)
            return;
        ::sigaction(SIGINT, &m_oldInt, nullptr);
        ::sigaction(SIGTERM, &m_oldTerm, nullptr);
        g_signalSocket = -1;
        ::close(m_fds[0]);
        ::close(m_fds[1]);
    }
    SignalPipe(const SignalPipe &) = delete;
    SignalPipe &operator=(const SignalPipe &) = delete;

    bool isValid() const { return m_fds[1] >= 0; }
    int readEnd() const { return m_fds[1]; }

private:
    int m_fds[2];
    struct sigaction m_oldInt = {};
    struct sigaction m_oldTerm = {};
};

} // namespace

int serveForeground(quint16 port, const LabFaults &faults)
{
    SignalPipe signalPipe;
    if (!signalPipe.isValid()) {
        std::fprintf(stderr, "coroscope serve: cannot set up signal handling\n");
        return 1;
    }
    LabServer server;
    if (!server.start(port)) {
        std::fprintf(stderr, "coroscope serve: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    server.setFaults(faults);
    std::printf("%s\n", qPrintable(server.url().toString()));
    std::fflush(stdout);
    std::fprintf(stderr, "lab server running (faults: %s; change them at %s%s); stop it with Ctrl+C\n",
                 qPrintable(server.faults().describe()), qPrintable(server.url().toString()), labFaultsPath);

    QEventLoop loop;
    QSocketNotifier notifier(signalPipe.readEnd(), QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &loop, [&] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(signalPipe.readEnd(), &byte, 1);
        loop.quit();
    });
    loop.exec();
    const auto stats = server.stats();
    server.stop();
    std::fprintf(stderr, "lab server stopped after %lld requests\n", static_cast<long long>(stats.served));
    return 0;
}

} // namespace coroscope::io
