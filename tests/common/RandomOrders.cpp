#include "RandomOrders.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <numeric>

namespace optest {

using namespace op;

namespace {

// splitmix64: tiny, fast, and the same everywhere.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed * 0x9E3779B97F4A7C15ULL + 0x632BE59BD9B4E019ULL)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    // [0, n)
    std::int64_t below(std::int64_t n) { return n <= 1 ? 0 : static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n)); }
    std::int64_t between(std::int64_t lo, std::int64_t hi) { return lo + below(hi - lo + 1); }
    double unit() { return static_cast<double>(next() >> 11) / 9007199254740992.0; }
    bool chance(double p) { return unit() < p; }

private:
    std::uint64_t m_state;
};

std::string numbered(const char *format, std::int64_t n)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, static_cast<long long>(n));
    return buf;
}

struct CatalogueItem
{
    std::string name;
    Money price;
};

std::vector<CatalogueItem> makeCatalogue(Rng &rng, int n)
{
    static const char *const kBases[] = {"Fried chicken", "Fried chicken set", "Tteokbokki", "떡볶이", "김밥",
                                         "Bibimbap",      "Pizza",             "Pizza XL",   "짜장면", "Cola"};
    std::vector<CatalogueItem> items;
    for (int i = 0; i < n; ++i) {
        const std::string base = kBases[i % 10];
        std::string name = i < 10 ? base : base + " " + std::to_string(i / 10);
        items.push_back(CatalogueItem{std::move(name), rng.between(10, 300) * 100});
    }
    return items;
}

// One generated record with its arrival key.
struct Pending
{
    double key;
    std::int64_t sequence;
    OrderEvent event;
};

} // namespace

OrderEvent makeOrder(const std::string &orderId, TimestampMs eventTime, const std::string &customerId, Money amount,
                     const std::string &merchantId)
{
    OrderEvent e;
    e.type = EventType::Order;
    e.orderId = orderId;
    e.eventTime = eventTime;
    e.customerId = customerId;
    e.merchantId = merchantId;
    e.merchantName = "Merchant " + merchantId;
    e.amount = amount;
    e.status = OrderStatus::Delivered;
    return e;
}

OrderEvent makeOutcome(EventType type, const std::string &orderId, TimestampMs eventTime, std::optional<double> value)
{
    OrderEvent e;
    e.type = type;
    e.orderId = orderId;
    e.eventTime = eventTime;
    if (type == EventType::Delivered)
        e.deliveryMin = value;
    if (type == EventType::Rated)
        e.rating = value;
    return e;
}

TimestampMs at(const char *iso)
{
    const auto t = parseIsoTimestamp(iso);
    if (!t) {
        std::fprintf(stderr, "bad test timestamp %s\n", iso);
        std::abort();
    }
    return *t;
}

std::vector<OrderEvent> makeRandomOrders(const RandomOrdersOptions &o)
{
    Rng rng(o.seed);
    const auto catalogue = makeCatalogue(rng, std::max(1, o.catalogue));
    static const char *const kCategories[] = {"chicken", "korean", "pizza", "chinese", "snack"};
    static const char *const kRegions[] = {"Gangnam-gu", "Mapo-gu", "Jongno-gu", "Songpa-gu"};
    static const char *const kPayments[] = {"card", "cash", "kakaopay", "naverpay"};

    // Placement times: uniform over the span, plus bursts of one IP inside one minute.
    struct Plan
    {
        TimestampMs time;
        std::string ip;
    };
    std::vector<Plan> plans;
    plans.reserve(static_cast<std::size_t>(o.orders));
    for (int i = 0; i < o.orders; ++i) {
        TimestampMs t = o.start + rng.below(std::max<TimestampMs>(1, o.spanMs));
        if (o.secondResolution)
            t = floorTo(t, kMsPerSecond);
        std::string ip = rng.chance(0.05) ? std::string()
                                          : numbered("10.%lld", rng.below(250)) + numbered(".%lld", rng.below(250))
                                                + numbered(".%lld", rng.below(250));
        plans.push_back(Plan{t, std::move(ip)});
    }
    for (int b = 0; b < o.ipBursts; ++b) {
        int size = static_cast<int>(rng.between(o.burstMinSize, std::max(o.burstMinSize, o.burstMaxSize)));
        if (o.ipBursts >= 3 && b < 3)
            size = b == 0 ? 9 : b == 1 ? 10 : 20;
        const TimestampMs minute = floorTo(o.start + rng.below(std::max<TimestampMs>(1, o.spanMs)), kMsPerMinute);
        const std::string ip = numbered("203.0.113.%lld", b % 250) + (b >= 250 ? numbered("-%lld", b / 250) : "");
        // Some bursts straddle a minute boundary: part of them in the next minute.
        const bool straddle = rng.chance(0.2);
        for (int k = 0; k < size; ++k) {
            TimestampMs t = minute + rng.below(kMsPerMinute);
            if (straddle && k % 3 == 0)
                t += kMsPerMinute;
            if (o.secondResolution || rng.chance(0.3))
                t = floorTo(t, kMsPerSecond); // equal times make order_id break ties
            plans.push_back(Plan{t, ip});
        }
    }
    std::stable_sort(plans.begin(), plans.end(), [](const Plan &a, const Plan &b) { return a.time < b.time; });

    std::vector<Pending> records;
    std::int64_t sequence = 0;
    const auto add = [&](double key, OrderEvent e) { records.push_back(Pending{key, sequence++, std::move(e)}); };
    const auto shuffled = [&](TimestampMs t) {
        double key = static_cast<double>(t);
        if (o.shuffleMs > 0)
            key += static_cast<double>(rng.below(o.shuffleMs));
        if (o.lateShare > 0 && rng.chance(o.lateShare))
            key += static_cast<double>(o.lateDelayMs);
        return key;
    };

    for (std::size_t i = 0; i < plans.size(); ++i) {
        const TimestampMs t = plans[i].time;
        OrderEvent e;
        e.orderId = numbered("O-%08lld", static_cast<std::int64_t>(i) * 7 % 100000007 + 1);
        e.eventTime = t;
        // Skewed customers: a few order a lot.
        const double u = rng.unit();
        e.customerId = numbered("C-%05lld", static_cast<std::int64_t>(u * u * o.customers));
        const std::int64_t merchant = rng.below(std::max(1, o.merchants));
        e.merchantId = numbered("R-%04lld", merchant);
        const std::int64_t nameRoll = rng.below(20);
        e.merchantName = nameRoll == 0 ? std::string() : nameRoll == 1 ? numbered("Store %lld (renamed)", merchant)
                                                                        : numbered("Store %lld", merchant);
        e.category = kCategories[rng.below(5)];
        e.region = kRegions[rng.below(4)];
        const int lines = static_cast<int>(rng.between(1, 3));
        Money sum = 0;
        for (int l = 0; l < lines; ++l) {
            const CatalogueItem &item = catalogue[static_cast<std::size_t>(rng.below(static_cast<std::int64_t>(catalogue.size())))];
            const auto qty = static_cast<std::int32_t>(rng.between(1, 3));
            e.items.push_back(OrderItem{item.name, qty, item.price});
            sum += qty * item.price;
        }
        e.deliveryFee = rng.below(5) * 1000;
        e.amount = sum + *e.deliveryFee;
        if (rng.chance(o.highValueShare))
            e.amount = rng.chance(0.3) ? 1000000 + rng.below(500000) : 500000 + rng.below(10) * 50000;
        if (rng.chance(0.95))
            e.distanceKm = static_cast<double>(rng.between(1, 90)) / 10.0;
        e.promisedMin = static_cast<double>(rng.between(20, 60));
        e.ip = plans[i].ip;
        e.payment = kPayments[rng.below(4)];

        const bool cancelled = rng.chance(o.cancelShare);
        const bool inFlight = !cancelled && rng.chance(0.03);
        std::optional<double> deliveryMin;
        if (!cancelled && !inFlight && rng.chance(0.97))
            deliveryMin = static_cast<double>(rng.between(80, 900)) / 10.0;
        std::optional<double> rating;
        if (!cancelled && !inFlight && rng.chance(0.7))
            rating = static_cast<double>(rng.between(2, 10)) / 2.0;
        const OrderStatus status = cancelled ? OrderStatus::Cancelled : inFlight ? OrderStatus::Delivering
                                                                                 : OrderStatus::Delivered;

        if (!o.lifecycle) {
            e.type = EventType::Order;
            e.status = status;
            e.deliveryMin = deliveryMin;
            e.rating = rating;
            add(shuffled(t), std::move(e));
            continue;
        }
        e.type = EventType::Placed;
        e.status = OrderStatus::Placed;
        std::vector<OrderEvent> outcomes;
        TimestampMs outcomeTime = t;
        if (cancelled) {
            outcomeTime = t + rng.between(1, 10) * kMsPerMinute;
            outcomes.push_back(makeOutcome(EventType::Cancelled, e.orderId, outcomeTime));
        } else if (!inFlight) {
            outcomeTime = t + static_cast<TimestampMs>(std::llround(deliveryMin.value_or(30.0) * kMsPerMinute));
            outcomes.push_back(makeOutcome(EventType::Delivered, e.orderId, outcomeTime, deliveryMin));
            if (rating) {
                outcomeTime += rng.between(5, 60) * kMsPerMinute;
                outcomes.push_back(makeOutcome(EventType::Rated, e.orderId, outcomeTime, rating));
            }
            if (rng.chance(o.conflictShare)) {
                // Contradictory outcomes: the later one wins, a tie goes to cancelled.
                const TimestampMs delivered = outcomes.front().eventTime;
                const std::int64_t roll = rng.below(3);
                const TimestampMs when = roll == 0 ? delivered : delivered + (roll == 1 ? -1 : 1) * kMsPerMinute;
                outcomes.push_back(makeOutcome(EventType::Cancelled, e.orderId, when));
            }
        }
        if (!outcomes.empty() && rng.chance(o.outcomeFirstShare)) {
            // The placement was held up somewhere: it arrives right after its outcomes.
            double key = 0;
            for (OrderEvent &out : outcomes) {
                key = shuffled(out.eventTime);
                add(key, std::move(out));
            }
            add(key + 0.5, std::move(e));
            continue;
        }
        add(shuffled(t), std::move(e));
        for (OrderEvent &out : outcomes) {
            const TimestampMs when = out.eventTime;
            add(shuffled(when), std::move(out));
        }
    }

    if (o.duplicateShare > 0) {
        const std::size_t n = records.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (!rng.chance(o.duplicateShare))
                continue;
            const double key = records[i].key + static_cast<double>(rng.below(std::max<TimestampMs>(1, o.shuffleMs)));
            OrderEvent copy = records[i].event;
            if (o.duplicateTimeShift && rng.chance(0.5)) // a resent record with another time is still a duplicate
                copy.eventTime += rng.below(3 * kMsPerMinute);
            add(key, std::move(copy));
        }
    }

    std::stable_sort(records.begin(), records.end(), [](const Pending &a, const Pending &b) {
        return a.key != b.key ? a.key < b.key : a.sequence < b.sequence;
    });
    std::vector<OrderEvent> out;
    out.reserve(records.size());
    for (Pending &p : records)
        out.push_back(std::move(p.event));
    return out;
}

} // namespace optest
