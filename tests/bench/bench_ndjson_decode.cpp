// NDJSON decoding throughput: NdjsonDecoder (simdjson On-Demand) side by side with a baseline
// written with QJsonDocument that fills the same OrderEvent and applies the same rules.
//
//   bench_ndjson_decode [FILE] [--records N] [--repeat R] [--no-baseline]
//
// Without FILE, N (default 1,000,000) realistic records are synthesized in memory with
// NdjsonEncoder from a fixed seed, so every run decodes the same bytes. Build in Release.
#include "io/NdjsonDecoder.h"
#include "io/NdjsonEncoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

using namespace op;

namespace {

// splitmix64: tiny, fast and the same on every platform (std distributions are not).
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }

private:
    std::uint64_t m_state;
};

struct Menu
{
    const char *category;
    std::array<const char *, 3> merchants;
    std::array<std::pair<const char *, Money>, 5> items;
};

const std::array<Menu, 5> kMenus{{
    {"chicken",
     {"교촌치킨", "BBQ 치킨", "Kyochon Chicken"},
     {{{"허니콤보", 23000},
       {"후라이드 치킨", 18000},
       {"양념치킨 반반", 19000},
       {"치즈볼 5개", 5000},
       {"콜라 1.25L", 2500}}}},
    {"pizza",
     {"도미노피자", "피자헛", "Mr. Pizza"},
     {{{"포테이토 피자 (L)", 28900},
       {"페퍼로니 피자 (M)", 21900},
       {"Super Supreme", 31900},
       {"치즈 오븐 스파게티", 8900},
       {"Sprite 1.5L", 3000}}}},
    {"korean",
     {"본죽", "김밥천국", "Bibimbap House"},
     {{{"전복죽", 13000},
       {"참치김밥", 4500},
       {"돌솥비빔밥", 9500},
       {"김치찌개", 8500},
       {"Soybean paste stew", 8000}}}},
    {"chinese",
     {"홍콩반점0410", "Lotus Garden", "만리장성"},
     {{{"짜장면", 7000}, {"짬뽕", 8500}, {"탕수육 (소)", 16000}, {"군만두", 6000}, {"Fried rice", 8000}}}},
    {"cafe",
     {"스타벅스", "Ediya Coffee", "투썸플레이스"},
     {{{"아이스 아메리카노", 4500},
       {"카페 라떼", 5000},
       {"Strawberry cheesecake", 6500},
       {"Chocolate cake", 6000},
       {"Croissant", 3800}}}},
}};

const std::array<const char *, 10> kRegions{"강남구",     "서초구",    "송파구",    "마포구", "용산구",
                                            "Gangnam-gu", "Seocho-gu", "Jongno-gu", "성동구", "영등포구"};
const std::array<const char *, 5> kBranches{"강남역점", "역삼점", "Sinsa Branch", "홍대입구점",
                                            "Jamsil Branch"};
const std::array<const char *, 4> kPayments{"card", "kakaopay", "naverpay", "cash"};

std::string synthesize(std::size_t records)
{
    Rng rng(20260301);
    NdjsonEncoder encoder;
    std::string out;
    out.reserve(records * 470);
    OrderEvent e;
    TimestampMs t = 1772323200000; // 2026-03-01T00:00:00Z
    char buf[64];
    for (std::size_t i = 0; i < records; ++i) {
        e.clear();
        const Menu &menu = kMenus[rng.below(kMenus.size())];
        const auto merchant = rng.below(2000);
        std::snprintf(buf, sizeof buf, "O-%09zu", i + 1);
        e.orderId = buf;
        t += static_cast<TimestampMs>(rng.below(120)); // ~17 orders per second
        e.eventTime = t;
        std::snprintf(buf, sizeof buf, "C-%07llu", static_cast<unsigned long long>(rng.below(500000)));
        e.customerId = buf;
        std::snprintf(buf, sizeof buf, "R-%05llu", static_cast<unsigned long long>(merchant));
        e.merchantId = buf;
        e.merchantName =
            std::string(menu.merchants[merchant % 3]) + " " + kBranches[merchant % kBranches.size()];
        e.category = menu.category;
        e.region = kRegions[merchant % kRegions.size()];
        Money total = 0;
        const auto itemCount = 1 + rng.below(3);
        for (std::uint64_t k = 0; k < itemCount; ++k) {
            const auto &[name, price] = menu.items[rng.below(menu.items.size())];
            const auto qty = static_cast<std::int32_t>(1 + rng.below(3) / 2);
            e.items.push_back({name, qty, price});
            total += qty * price;
        }
        e.deliveryFee = static_cast<Money>(rng.below(5)) * 500 + 1000;
        e.amount = total + *e.deliveryFee;
        e.distanceKm = static_cast<double>(1 + rng.below(80)) / 10.0;
        e.promisedMin = static_cast<double>(25 + 5 * rng.below(8));
        const auto roll = rng.below(100);
        if (roll < 4) {
            e.status = OrderStatus::Cancelled;
        } else {
            e.status = OrderStatus::Delivered;
            e.deliveryMin = static_cast<double>(150 + rng.below(500)) / 10.0;
            if (roll < 65)
                e.rating = static_cast<double>(rng.below(11)) / 2.0;
        }
        std::snprintf(
            buf, sizeof buf, "%llu.%llu.%llu.%llu", static_cast<unsigned long long>(1 + rng.below(223)),
            static_cast<unsigned long long>(rng.below(256)), static_cast<unsigned long long>(rng.below(256)),
            static_cast<unsigned long long>(1 + rng.below(254)));
        e.ip = buf;
        e.payment = kPayments[rng.below(kPayments.size())];
        encoder.encode(e, out);
        out += '\n';
    }
    return out;
}

// Consumes events so the work cannot be optimized away, and gives a checksum to compare.
class SummingHandler : public EventHandler
{
public:
    void onEvent(OrderEvent &e) override
    {
        sum += e.amount.value_or(0) + static_cast<Money>(e.items.size()) + e.eventTime % 1000;
    }
    void onQuarantine(QuarantineRecord &&) override {}
    std::int64_t sum = 0;
};

// What a straightforward Qt implementation looks like: QJsonDocument per line, QString
// conversions, the same OrderEvent and the same validation rules.
class QtJsonBaseline
{
public:
    bool decode(std::string_view line, OrderEvent &e)
    {
        e.clear();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(line.data(), static_cast<qsizetype>(line.size())), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject())
            return false;
        const QJsonObject o = doc.object();
        if (const QJsonValue v = o.value(QLatin1String("type")); v.isString()) {
            const auto t = eventTypeFromName(v.toString().toStdString());
            if (!t)
                return false;
            e.type = *t;
        }
        e.orderId = o.value(QLatin1String("order_id")).toString().toStdString();
        const QJsonValue time = o.value(QLatin1String("event_time"));
        if (time.isString()) {
            const auto t = parseEventTime(time.toString().toStdString());
            if (!t)
                return false;
            e.eventTime = *t;
        } else if (time.isDouble()) {
            e.eventTime = time.toInteger();
        }
        e.customerId = o.value(QLatin1String("customer_id")).toString().toStdString();
        e.merchantId = o.value(QLatin1String("merchant_id")).toString().toStdString();
        e.merchantName = o.value(QLatin1String("merchant_name")).toString().toStdString();
        e.category = o.value(QLatin1String("category")).toString().toStdString();
        e.region = o.value(QLatin1String("region")).toString().toStdString();
        for (const QJsonValue item : o.value(QLatin1String("items")).toArray()) {
            const QJsonObject io = item.toObject();
            e.items.push_back({io.value(QLatin1String("name")).toString().toStdString(),
                               static_cast<std::int32_t>(io.value(QLatin1String("qty")).toInteger()),
                               io.value(QLatin1String("unit_price")).toInteger()});
        }
        auto money = [&](const char *key, std::optional<Money> &out) {
            if (const QJsonValue v = o.value(QLatin1String(key)); v.isDouble())
                out = v.toInteger();
        };
        auto number = [&](const char *key, std::optional<double> &out) {
            if (const QJsonValue v = o.value(QLatin1String(key)); v.isDouble())
                out = v.toDouble();
        };
        money("amount", e.amount);
        money("delivery_fee", e.deliveryFee);
        number("distance_km", e.distanceKm);
        number("promised_min", e.promisedMin);
        number("delivery_min", e.deliveryMin);
        number("rating", e.rating);
        if (const QJsonValue v = o.value(QLatin1String("status")); v.isString())
            e.status = orderStatusFromName(v.toString().toStdString());
        e.ip = o.value(QLatin1String("ip")).toString().toStdString();
        e.payment = o.value(QLatin1String("payment")).toString().toStdString();
        return !validateEvent(e, m_rules);
    }

    ValidationRules m_rules;
};

struct Result
{
    double seconds = 0; // CPU time of this thread: other processes on the machine do not count
    double wallSeconds = 0;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
    std::int64_t checksum = 0;
};

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

template<typename F> Result best(int repeat, F run)
{
    Result bestResult;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        const double cpuStart = threadCpuSeconds();
        Result r = run();
        r.seconds = threadCpuSeconds() - cpuStart;
        r.wallSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (i == 0 || r.seconds < bestResult.seconds)
            bestResult = r;
    }
    return bestResult;
}

template<typename F> void forEachLine(std::string_view data, F f)
{
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t end = data.find('\n', pos);
        if (end == std::string_view::npos)
            end = data.size();
        if (end > pos)
            f(data.substr(pos, end - pos));
        pos = end + 1;
    }
}

void printRow(const char *name, const Result &r, std::size_t bytes)
{
    const double records = static_cast<double>(r.accepted + r.quarantined);
    std::printf("%-34s %12.0f %9.1f %10lld %11lld %8.3f %8.3f\n", name, records / r.seconds,
                static_cast<double>(bytes) / r.seconds / 1e6, static_cast<long long>(r.accepted),
                static_cast<long long>(r.quarantined), r.seconds, r.wallSeconds);
}

} // namespace

int main(int argc, char **argv)
{
    std::string file;
    std::size_t records = 1000000;
    int repeat = 3;
    bool baselineToo = true; // --no-baseline: for profiling the simdjson decoder alone
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--records" && i + 1 < argc) {
            records = std::stoul(argv[++i]);
        } else if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::stoi(argv[++i]));
        } else if (arg == "--no-baseline") {
            baselineToo = false;
        } else if (arg == "--help" || arg == "-h" || arg.substr(0, 2) == "--") {
            std::fprintf(arg == "--help" || arg == "-h" ? stdout : stderr,
                         "usage: bench_ndjson_decode [FILE] [--records N] [--repeat R] [--no-baseline]\n");
            return arg == "--help" || arg == "-h" ? 0 : 2;
        } else {
            file = arg;
        }
    }

    std::string data;
    if (file.empty()) {
        data = synthesize(records);
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "bench_ndjson_decode: cannot read %s\n", file.c_str());
            return 1;
        }
        std::ostringstream ss;
        ss << in.rdbuf();
        data = std::move(ss).str();
    }
    const std::size_t lines = static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n'));
    std::printf("input: %s, %zu lines, %.1f MB, %.0f bytes/line\n",
                file.empty() ? "synthesized" : file.c_str(), lines, static_cast<double>(data.size()) / 1e6,
                static_cast<double>(data.size()) / static_cast<double>(std::max<std::size_t>(lines, 1)));

    // Like a file replay: 1 MiB reads fed to one decoder.
    const Result stream = best(repeat, [&] {
        NdjsonDecoder decoder;
        SummingHandler handler;
        decoder.begin(file, handler);
        constexpr std::size_t kChunk = 1 << 20;
        for (std::size_t pos = 0; pos < data.size(); pos += kChunk)
            decoder.feed(std::string_view(data).substr(pos, kChunk));
        decoder.finish();
        return Result{0, 0, decoder.accepted(), decoder.quarantined(), handler.sum};
    });
    // Like Kafka: one message at a time through decodeRecord.
    const Result single = best(repeat, [&] {
        NdjsonDecoder decoder;
        SummingHandler handler;
        OrderEvent event;
        Result r;
        forEachLine(data, [&](std::string_view line) {
            if (decoder.decodeRecord(line, event)) {
                ++r.quarantined;
            } else {
                ++r.accepted;
                handler.onEvent(event);
            }
        });
        r.checksum = handler.sum;
        return r;
    });
    const Result baseline = best(baselineToo ? 1 : 0, [&] {
        QtJsonBaseline decoder;
        SummingHandler handler;
        OrderEvent event;
        Result r;
        forEachLine(data, [&](std::string_view line) {
            if (decoder.decode(line, event)) {
                ++r.accepted;
                handler.onEvent(event);
            } else {
                ++r.quarantined;
            }
        });
        r.checksum = handler.sum;
        return r;
    });

    std::printf("\n%-34s %12s %9s %10s %11s %8s %8s\n", "decoder", "records/s", "MB/s", "accepted",
                "quarantined", "cpu s", "wall s");
    printRow("NdjsonDecoder feed (1 MiB chunks)", stream, data.size());
    printRow("NdjsonDecoder::decodeRecord", single, data.size());
    if (baselineToo)
        printRow("QJsonDocument baseline", baseline, data.size());
    std::printf("\nrates use this thread's CPU time, best of %d runs%s\n", repeat,
                baselineToo ? " (baseline: one run)" : "");
    if (baselineToo)
        std::printf("speed-up over QJsonDocument: %.1fx\n", baseline.seconds / stream.seconds);
    if (stream.checksum != single.checksum || (baselineToo && stream.checksum != baseline.checksum)) {
        // On a file with malformed lines the baseline may reject differently; on synthesized
        // data every decoder must agree.
        std::fprintf(stderr, "bench_ndjson_decode: decoders disagree (checksums %lld, %lld, %lld)\n",
                     static_cast<long long>(stream.checksum), static_cast<long long>(single.checksum),
                     static_cast<long long>(baseline.checksum));
        return file.empty() ? 1 : 0;
    }
    return 0;
}
