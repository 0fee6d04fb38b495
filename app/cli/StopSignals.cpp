#include "StopSignals.h"

#include <csignal>
#include <ctime>

#include <pthread.h>

namespace cli {

namespace {

sigset_t stopSet()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    return set;
}

bool g_stopSeen = false;

} // namespace

void blockStopSignals()
{
    const sigset_t set = stopSet();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

bool stopRequested()
{
    if (g_stopSeen)
        return true;
    const sigset_t set = stopSet();
    const timespec zero{0, 0};
    if (sigtimedwait(&set, nullptr, &zero) > 0)
        g_stopSeen = true;
    return g_stopSeen;
}

void waitForStopSignal()
{
    const sigset_t set = stopSet();
    int signal = 0;
    while (!g_stopSeen) {
        if (sigwait(&set, &signal) == 0)
            g_stopSeen = true;
    }
}

} // namespace cli
