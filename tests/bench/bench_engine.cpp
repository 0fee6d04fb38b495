// Engine throughput, snapshot cost and peak memory on synthetic order streams (no decoding):
//   bench_engine [small|large|all|breakdown]   (default: all)
// small: 1 M orders / 100 k customers over 7 days; large: 10 M orders / 1 M customers over 30 days.
// Events come from a generator that rewrites a pool of prepared orders in place (no allocation
// per event); its own cost is measured separately and subtracted.
#include "analytics/Engine.h"
#include "analytics/FraudAnalysis.h"
#include "analytics/PopularItemsAnalysis.h"
#include "analytics/RealtimeStatsAnalysis.h"
#include "analytics/StandardAnalyses.h"
#include "analytics/TrendAnalysis.h"

#include <sys/resource.h>
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace op;
using Clock = std::chrono::steady_clock;

namespace {

class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    std::uint64_t m_state;
};

void formatId(std::string &out, char prefix, std::uint64_t n, int width)
{
    out.resize(static_cast<std::size_t>(width) + 2);
    out[0] = prefix;
    out[1] = '-';
    for (int i = width + 1; i >= 2; --i) {
        out[static_cast<std::size_t>(i)] = static_cast<char>('0' + n % 10);
        n /= 10;
    }
}

// "10.a.b.c" from 24 random bits, written in place (a lookup table would miss the cache).
void formatIp(std::string &out, std::uint32_t bits)
{
    char buf[16];
    char *p = buf;
    *p++ = '1';
    *p++ = '0';
    for (int shift = 16; shift >= 0; shift -= 8) {
        unsigned v = (bits >> shift) & 255;
        *p++ = '.';
        if (v >= 100)
            *p++ = static_cast<char>('0' + v / 100);
        if (v >= 10)
            *p++ = static_cast<char>('0' + v / 10 % 10);
        *p++ = static_cast<char>('0' + v % 10);
    }
    out.assign(buf, static_cast<std::size_t>(p - buf));
}

// Realistic order records: 1-3 items from a 400-name catalogue, 2,000 merchants, IPs mostly
// unique per customer with a few bursts, about 1 % high-value orders.
class Generator
{
public:
    Generator(std::int64_t orders, std::int64_t customers, TimestampMs span)
        : m_orders(orders)
        , m_customers(customers)
        , m_step(span / orders)
        , m_rng(42)
    {
        static const char *const kFood[] = {"Fried chicken", "Yangnyeom chicken", "Tteokbokki", "떡볶이", "김밥",
                                            "Bibimbap",      "Pepperoni pizza",   "Jjajangmyeon", "Cola", "Soju"};
        std::vector<std::string> catalogue;
        for (int i = 0; i < 400; ++i)
            catalogue.push_back(std::string(kFood[i % 10]) + " " + std::to_string(i / 10));
        m_pool.resize(64); // a decoder reuses one event; a small pool stays in cache the same way
        for (std::size_t i = 0; i < m_pool.size(); ++i) {
            OrderEvent &e = m_pool[i];
            e.type = EventType::Order;
            const auto merchant = m_rng.below(2000);
            formatId(e.merchantId, 'R', merchant, 4);
            e.merchantName = "Store " + std::to_string(merchant) + " Gangnam";
            e.category = "chicken";
            e.region = "Gangnam-gu";
            const auto lines = 1 + m_rng.below(3);
            Money sum = 0;
            for (std::uint64_t l = 0; l < lines; ++l) {
                const auto item = m_rng.below(catalogue.size());
                const auto qty = static_cast<std::int32_t>(1 + m_rng.below(3));
                const Money price = 1000 + static_cast<Money>(item) * 70;
                e.items.push_back(OrderItem{catalogue[item], qty, price});
                sum += qty * price;
            }
            e.deliveryFee = 3000;
            e.amount = i % 100 == 7 ? 650000 : sum + 3000;
            e.distanceKm = 0.5 + static_cast<double>(m_rng.below(80)) / 10.0;
            e.promisedMin = 40;
            e.deliveryMin = 15.0 + static_cast<double>(m_rng.below(500)) / 10.0;
            e.status = i % 20 == 3 ? OrderStatus::Cancelled : OrderStatus::Delivered;
            if (i % 3 != 0)
                e.rating = 1.0 + static_cast<double>(m_rng.below(9)) / 2.0;
            e.payment = "card";
            e.orderId.reserve(16);
            e.customerId.reserve(16);
            e.ip.reserve(16);
        }
    }

    // The next order, rewritten in place; null at the end.
    OrderEvent *next()
    {
        if (m_index >= m_orders)
            return nullptr;
        OrderEvent &e = m_pool[static_cast<std::size_t>(m_index) & (m_pool.size() - 1)];
        formatId(e.orderId, 'O', static_cast<std::uint64_t>(m_index), 9);
        // Skewed customers: half the orders from a fifth of them.
        const std::uint64_t r = m_rng.next();
        const auto c = (r & 1) ? (r >> 1) % static_cast<std::uint64_t>(m_customers / 5 + 1)
                               : (r >> 1) % static_cast<std::uint64_t>(m_customers);
        formatId(e.customerId, 'C', c, 7);
        // A burst of one IP every ~50,000 orders, else an IP from a large pool.
        const bool burst = (m_index % 50000) < 12;
        if (burst)
            e.ip.assign("203.0.113.9");
        else
            formatIp(e.ip, static_cast<std::uint32_t>(r >> 20) & 0xFFFFFF);
        e.eventTime = m_start + m_index * m_step + static_cast<TimestampMs>((r >> 40) % 5000) - 2500;
        ++m_index;
        return &e;
    }

private:
    std::int64_t m_orders;
    std::int64_t m_customers;
    TimestampMs m_step;
    TimestampMs m_start = 1772323200000; // 2026-03-01T00:00:00Z
    std::int64_t m_index = 0;
    Rng m_rng;
    std::vector<OrderEvent> m_pool;
};

// CPU time of this thread: the machine may be shared, and time spent descheduled is not ours.
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

struct RunResult
{
    double engineSeconds = 0;
    double ordersPerSecond = 0;
    int snapshots = 0;
    double snapshotMs = 0; // CPU time of one snapshot() at the end (when measured)
    std::size_t states = 0;
    std::size_t stateMb = 0;
    long hugePagesMb = 0;
};

// Anonymous memory backed by transparent huge pages, from /proc/self/smaps_rollup.
long hugePagesMb()
{
    FILE *f = std::fopen("/proc/self/smaps_rollup", "r");
    if (!f)
        return -1;
    char line[256];
    long kb = -1;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "AnonHugePages: %ld kB", &kb) == 1)
            break;
    std::fclose(f);
    return kb < 0 ? -1 : kb / 1024;
}

// Replays `orders` through a fresh engine; with snapshotHz > 0, takes that many snapshots per
// wall second while ingesting (checking the clock every 1,024 events). With measureSnapshot,
// also times snapshot() on the final state (every customer and merchant known).
RunResult run(std::int64_t orders, std::int64_t customers, TimestampMs span, double snapshotHz,
              double generatorSecondsPerOrder, bool measureSnapshot = false,
              const Engine::AnalysisFactory &factory = &makeStandardAnalyses)
{
    Generator gen(orders, customers, span);
    Engine engine(EngineSettings{}, factory);
    RunResult result;
    const double cpuStart = cpuSeconds();
    auto nextSnapshot = Clock::now();
    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(snapshotHz > 0 ? 1.0 / snapshotHz : 1e9));
    std::int64_t n = 0;
    while (OrderEvent *e = gen.next()) {
        engine.process(*e);
        if (snapshotHz > 0 && (++n & 1023) == 0 && Clock::now() >= nextSnapshot) {
            const auto snapshot = engine.snapshot();
            ++result.snapshots;
            nextSnapshot += period;
        }
    }
    engine.finish();
    const double total = cpuSeconds() - cpuStart;
    result.engineSeconds = total - generatorSecondsPerOrder * static_cast<double>(orders);
    result.ordersPerSecond = static_cast<double>(orders) / result.engineSeconds;
    if (measureSnapshot) {
        const int kSnapshots = 50;
        const double s0 = cpuSeconds();
        for (int i = 0; i < kSnapshots; ++i) {
            const auto snapshot = engine.snapshot();
            (void)snapshot;
        }
        result.snapshotMs = (cpuSeconds() - s0) * 1000.0 / kSnapshots;
        result.states = engine.orderStateCount();
        result.stateMb = engine.stateMemoryBytes() >> 20;
        result.hugePagesMb = hugePagesMb();
    }
    return result;
}

double generatorCost(std::int64_t orders, std::int64_t customers, TimestampMs span)
{
    Generator gen(orders, customers, span);
    std::int64_t sink = 0;
    const double start = cpuSeconds();
    while (OrderEvent *e = gen.next())
        sink += e->eventTime + static_cast<std::int64_t>(e->orderId.size());
    const double s = cpuSeconds() - start;
    if (sink == 42)
        std::puts("");
    return s / static_cast<double>(orders);
}

void scenario(const char *name, std::int64_t orders, std::int64_t customers, TimestampMs span)
{
    const double gen = generatorCost(orders, customers, span);
    // Best of three for the throughputs: interference from other work only ever slows a run.
    const auto best = [&](double snapshotHz, bool measureSnapshot) {
        RunResult result;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const RunResult r = run(orders, customers, span, snapshotHz, gen, measureSnapshot);
            if (r.ordersPerSecond > result.ordersPerSecond)
                result = r;
        }
        return result;
    };
    const RunResult plain = best(0, true);
    const RunResult withSnapshots = best(10.0, false);
    const double slowdown = (withSnapshots.engineSeconds / plain.engineSeconds - 1.0) * 100.0;

    // Two views of the snapshot cost at 10 Hz: its CPU share (10 x snapshot time per second) and
    // the measured difference in ingest time (dominated by noise when the share is small).
    const double share = 10.0 * plain.snapshotMs / 1000.0 * 100.0;
    std::printf("| %-28s | %9.0f | %6.1f | %7.3f | %6.2f %% | %+6.1f %% (%3d) | %7zu | %6zu | %5ld | %6ld |\n", name,
                plain.ordersPerSecond, gen * 1e9, plain.snapshotMs, share, slowdown, withSnapshots.snapshots,
                plain.states, plain.stateMb, plain.hugePagesMb, peakRssMb());
    std::fflush(stdout);
}

// Where the time goes: the engine core alone, then with one analysis at a time.
void breakdown(std::int64_t orders, std::int64_t customers, TimestampMs span)
{
    const double gen = generatorCost(orders, customers, span);
    std::printf("generator alone: %.0f ns/order\n", gen * 1e9);
    const std::vector<std::pair<const char *, Engine::AnalysisFactory>> variants{
        {"core only (dedup, state, watermark, totals)", [](const EngineSettings &, const DisplayZone &) {
             return std::vector<std::unique_ptr<Analysis>>{};
         }},
        {"core + trends", [](const EngineSettings &s, const DisplayZone &z) {
             std::vector<std::unique_ptr<Analysis>> v;
             v.push_back(std::make_unique<TrendAnalysis>(s, z));
             return v;
         }},
        {"core + popular items", [](const EngineSettings &s, const DisplayZone &) {
             std::vector<std::unique_ptr<Analysis>> v;
             v.push_back(std::make_unique<PopularItemsAnalysis>(s));
             return v;
         }},
        {"core + fraud + realtime", [](const EngineSettings &s, const DisplayZone &) {
             std::vector<std::unique_ptr<Analysis>> v;
             auto fraud = std::make_unique<FraudAnalysis>(s);
             auto realtime = std::make_unique<RealtimeStatsAnalysis>(s, *fraud);
             v.push_back(std::move(fraud));
             v.push_back(std::move(realtime));
             return v;
         }},
        {"standard analyses", &makeStandardAnalyses},
    };
    for (const auto &[name, factory] : variants) {
        // Best of three: the machine may be shared, and interference only ever slows a run.
        RunResult best;
        for (int attempt = 0; attempt < 3; ++attempt) {
            const RunResult r = run(orders, customers, span, 0, gen, false, factory);
            if (r.ordersPerSecond > best.ordersPerSecond)
                best = r;
        }
        std::printf("%-45s %10.0f orders/s  %6.0f ns/order\n", name, best.ordersPerSecond, 1e9 / best.ordersPerSecond);
    }
}

} // namespace

int main(int argc, char **argv)
{
    const std::string which = argc > 1 ? argv[1] : "all";
    if (which == "core" || which == "standard") { // for profilers: bench_engine core|standard [orders]
        const std::int64_t orders = argc > 2 ? std::atoll(argv[2]) : 2000000;
        const Engine::AnalysisFactory none = [](const EngineSettings &, const DisplayZone &) {
            return std::vector<std::unique_ptr<Analysis>>{};
        };
        const RunResult r = run(orders, 100000, 7 * kMsPerDay, 0, 0, false,
                                which == "core" ? none : Engine::AnalysisFactory(&makeStandardAnalyses));
        std::printf("%s: %.0f orders/s (generator included)\n", which.c_str(), r.ordersPerSecond);
        return 0;
    }
    if (which == "breakdown") {
        breakdown(1000000, 100000, 7 * kMsPerDay);
        return 0;
    }
    std::printf("| %-28s | %9s | %6s | %7s | %8s | %16s | %7s | %6s | %5s | %6s |\n", "scenario (Release, 1 core)",
                "orders/s", "gen ns", "snap ms", "10 Hz", "measured (snaps)", "states", "st. MB", "THP", "RSS MB");
    std::printf("|------------------------------|-----------|--------|---------|----------|------------------|---------|--------|-------|--------|\n");
    if (which == "small" || which == "all")
        scenario("1 M orders, 100 k cust, 7 d", 1000000, 100000, 7 * kMsPerDay);
    if (which == "large" || which == "all")
        scenario("10 M orders, 1 M cust, 30 d", 10000000, 1000000, 30 * kMsPerDay);
    return 0;
}
