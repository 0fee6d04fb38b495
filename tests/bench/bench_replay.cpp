// File replay -> all analyses, no sinks (DESIGN.md target: >= 1,000,000 orders/s on one core).
// Usage: bench_replay FILE.ndjson|.csv|.xml|.log [--repeat R]
// The file is loaded into memory first so that the figure is decode + engine, not the disk;
// then the same bytes are run three ways: decode only, decode + engine, and the difference
// (engine). Rates are per CPU second of the one thread doing the work, best of R runs.
#include "BenchSupport.h"

#include "analytics/Engine.h"
#include "io/CodecFactory.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace {

class EngineHandler : public op::EventHandler
{
public:
    explicit EngineHandler(op::Engine &engine)
        : m_engine(engine)
    {
    }
    void onEvent(op::OrderEvent &event) override
    {
        m_engine.process(event, 0);
        ++events;
    }
    void onQuarantine(op::QuarantineRecord &&record) override { m_engine.onQuarantine(record); }
    std::int64_t events = 0;

private:
    op::Engine &m_engine;
};

void feedAll(op::Decoder &decoder, const std::string &bytes)
{
    constexpr std::size_t kChunk = 1 << 20;
    for (std::size_t at = 0; at < bytes.size(); at += kChunk)
        decoder.feed(std::string_view(bytes).substr(at, kChunk));
    decoder.finish();
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_replay FILE [--repeat R]\n");
        return 2;
    }
    const std::string path = argv[1];
    int repeat = 3;
    for (int i = 2; i + 1 < argc; ++i)
        if (std::string(argv[i]) == "--repeat")
            repeat = std::max(1, std::atoi(argv[++i]));
    const std::string bytes = bench::loadFile(path);
    const op::DataFormat format = op::CodecFactory::detectInputFormat(path);
    const double mb = static_cast<double>(bytes.size()) / 1e6;

    double bestDecode = 1e30, bestFull = 1e30, bestReport = 1e30;
    std::int64_t events = 0, orders = 0;
    for (int r = 0; r < repeat; ++r) {
        {
            auto decoder = op::CodecFactory::makeDecoder(format);
            bench::CountingHandler counter;
            decoder->begin(path, counter);
            const double t0 = bench::threadCpuSeconds();
            feedAll(*decoder, bytes);
            bestDecode = std::min(bestDecode, bench::threadCpuSeconds() - t0);
            events = counter.events;
        }
        {
            op::Engine engine;
            engine.registerPartition(0);
            EngineHandler handler(engine);
            auto decoder = op::CodecFactory::makeDecoder(format);
            decoder->begin(path, handler);
            const double t0 = bench::threadCpuSeconds();
            feedAll(*decoder, bytes);
            engine.finishPartition(0);
            engine.finish();
            const double t1 = bench::threadCpuSeconds();
            const op::Report report = engine.report();
            const double t2 = bench::threadCpuSeconds();
            bestFull = std::min(bestFull, t1 - t0);
            bestReport = std::min(bestReport, t2 - t1);
            orders = report.totals.orders;
        }
    }
    const double n = static_cast<double>(events);
    std::printf("input: %s (%s, %.1f MB, %lld records, %lld orders)\n", path.c_str(),
                std::string(op::dataFormatName(format)).c_str(), mb, static_cast<long long>(events),
                static_cast<long long>(orders));
    std::printf("%-32s %14s %10s\n", "stage (CPU time, best of runs)", "records/s", "MB/s");
    std::printf("%-32s %14.0f %10.0f\n", "decode only", n / bestDecode, mb / bestDecode);
    std::printf("%-32s %14.0f %10.0f\n", "decode + engine (all analyses)", n / bestFull, mb / bestFull);
    std::printf("%-32s %14.0f %10s\n", "engine share (difference)", n / std::max(1e-9, bestFull - bestDecode), "-");
    std::printf("final report build: %.3f s; peak RSS %.0f MiB (includes the file in memory: %.0f MiB)\n", bestReport,
                bench::peakRssMiB(), mb / 1.048576);
    return 0;
}
