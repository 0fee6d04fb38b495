// CSV decode throughput (built-in profile), for BENCHMARKS.md beside the NDJSON figures.
// Usage: bench_csv_decode FILE.csv [--repeat R]. Rates per CPU second, best of R runs.
#include "BenchSupport.h"

#include "io/CsvDecoder.h"

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_csv_decode FILE.csv [--repeat R]\n");
        return 2;
    }
    int repeat = 3;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--repeat")
            repeat = std::max(1, std::atoi(argv[++i]));
    const std::string bytes = bench::loadFile(argv[1]);
    double best = 1e30;
    std::int64_t orders = 0;
    for (int r = 0; r < repeat; ++r) {
        op::CsvDecoder decoder;
        bench::CountingHandler counter;
        decoder.begin(argv[1], counter);
        const double t0 = bench::threadCpuSeconds();
        constexpr std::size_t kChunk = 1 << 20;
        for (std::size_t at = 0; at < bytes.size(); at += kChunk)
            decoder.feed(std::string_view(bytes).substr(at, kChunk));
        decoder.finish();
        best = std::min(best, bench::threadCpuSeconds() - t0);
        orders = counter.events;
    }
    const double mb = static_cast<double>(bytes.size()) / 1e6;
    std::printf("CSV decode: %lld orders, %.1f MB: %.0f orders/s, %.0f MB/s (CPU time, best of %d)\n",
                static_cast<long long>(orders), mb, static_cast<double>(orders) / best, mb / best, repeat);
    return 0;
}
