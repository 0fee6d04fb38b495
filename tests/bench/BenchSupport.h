#pragma once

// Small helpers shared by the plain timed benchmarks: whole-file loading, CPU/wall clocks,
// peak RSS, and a handler that only counts.
#include "io/EventHandler.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>

#include <sys/resource.h>

namespace bench {

inline std::string loadFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// CPU time of this thread: what one core spends, whatever else the machine is doing.
inline double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

inline double wallSeconds()
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

inline double peakRssMiB()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

class CountingHandler : public op::EventHandler
{
public:
    void onEvent(op::OrderEvent &) override { ++events; }
    void onQuarantine(op::QuarantineRecord &&) override { ++quarantined; }
    std::int64_t events = 0;
    std::int64_t quarantined = 0;
};

} // namespace bench
