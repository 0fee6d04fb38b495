#include "io/GeneratorOrderBuilder.h"

#include "io/GeneratorCatalog.h"
#include "io/GeneratorMath.h"

#include <algorithm>

namespace op {

namespace {

using generatormath::floorDiv;
using generatormath::floorMod;
using MenuRole = GeneratorCatalog::MenuRole;

constexpr std::uint64_t kSaltMulePool = 0x6d756c65;
constexpr TimestampMs kSeoulOffsetMs = 9 * kMsPerHour;
constexpr std::size_t kCard = 0; // index in GeneratorCatalog::paymentMethods()
constexpr std::size_t kTossPay = 3;

struct LocalTime
{
    int minuteOfDay;
    int weekday; // 0 = Monday
};

LocalTime seoulTime(TimestampMs t)
{
    const TimestampMs local = t + kSeoulOffsetMs;
    return {static_cast<int>(floorMod(local, kMsPerDay) / kMsPerMinute),
            static_cast<int>(floorMod(floorDiv(local, kMsPerDay) + 3, 7))};
}

bool isRushHour(int minuteOfDay)
{
    return (minuteOfDay >= 11 * 60 + 30 && minuteOfDay < 13 * 60) ||
           (minuteOfDay >= 17 * 60 + 30 && minuteOfDay < 20 * 60);
}

std::size_t pickMain(GeneratorRng &rng, std::span<const GeneratorCatalog::MenuItem> menu)
{
    for (int attempt = 0; attempt < 8; ++attempt) {
        const std::size_t i = rng.below(menu.size());
        if (menu[i].role == MenuRole::Main)
            return i;
    }
    return 0; // every menu starts with a main dish
}

} // namespace

GeneratorOrderBuilder::GeneratorOrderBuilder(const GeneratorCustomers &customers,
                                             const GeneratorMerchants &merchants,
                                             std::vector<std::uint32_t> abusiveIps, std::int64_t burstOrders,
                                             std::uint64_t seed)
    : m_customers(customers)
    , m_merchants(merchants)
    , m_abusiveIps(std::move(abusiveIps))
    , m_seed(seed)
    // Each abusive IP rotates through its own accounts, about 8 burst orders per account (an
    // ordinary customer's average), so fraud rings do not turn into RFM champions at any scale.
    , m_mulePoolSize(std::max<std::uint64_t>(
          3, m_abusiveIps.empty() ? 0 : static_cast<std::uint64_t>(burstOrders) / m_abusiveIps.size() / 8))
{
    std::uint64_t sum = 0;
    for (const auto &p : GeneratorCatalog::paymentMethods())
        m_paymentCumulative.push_back(sum += p.weight);
}

std::uint32_t GeneratorOrderBuilder::muleCustomer(GeneratorRng &rng, std::int32_t burst) const
{
    const auto ip = static_cast<std::uint64_t>(burst);
    const std::uint64_t slot = rng.below64(m_mulePoolSize);
    return static_cast<std::uint32_t>(GeneratorRng::hash(m_seed, kSaltMulePool, (ip << 40) | slot) %
                                      m_customers.size());
}

void GeneratorOrderBuilder::pickLines(GeneratorRng &rng, const GeneratorMerchants::Merchant &m, bool catering,
                                      Order &out) const
{
    const auto menu = GeneratorCatalog::categories()[m.category].menu;
    out.lineCount = 0;
    out.itemsTotal = 0;
    auto has = [&](std::size_t item) {
        for (std::size_t i = 0; i < out.lineCount; ++i)
            if (out.lines[i].menu == item)
                return true;
        return false;
    };
    auto add = [&](std::size_t item, std::int32_t qty) {
        out.lines[out.lineCount++] = {static_cast<std::uint8_t>(item), qty};
        out.itemsTotal += m.prices[item] * qty;
    };

    if (catering) {
        // Office lunches and parties: one to three main dishes by the dozen, 0.5–1.5 M won in all.
        const std::size_t lines = 1 + rng.below(3);
        const Money target = kHighValue + static_cast<Money>(rng.below(1000000));
        for (std::size_t i = 0; i < lines; ++i) {
            const std::size_t item = pickMain(rng, menu);
            if (has(item))
                continue;
            const Money price = m.prices[item];
            const Money share = i + 1 == lines ? target - out.itemsTotal : target / static_cast<Money>(lines);
            add(item, static_cast<std::int32_t>(std::max<Money>(1, (share + price - 1) / price)));
        }
        Line &last = out.lines[out.lineCount - 1];
        while (out.itemsTotal < kHighValue) {
            ++last.qty;
            out.itemsTotal += m.prices[last.menu];
        }
        return;
    }

    const std::uint32_t r = rng.below(100);
    const std::size_t wanted = std::min<std::size_t>(r < 45 ? 1 : r < 78 ? 2 : r < 93 ? 3 : 4, menu.size());
    const std::size_t first = pickMain(rng, menu); // argument order is unspecified: draw first
    add(first, rng.chance(1200) ? 2 : 1);
    for (int attempt = 0; out.lineCount < wanted && attempt < 16; ++attempt) {
        const std::size_t item = rng.below(menu.size());
        if (has(item))
            continue;
        const std::uint32_t q = rng.below(100);
        switch (menu[item].role) {
        case MenuRole::Main:
            add(item, q < 88 ? 1 : q < 98 ? 2 : 3);
            break;
        case MenuRole::Side:
            add(item, q < 80 ? 1 : 2);
            break;
        case MenuRole::Drink:
            add(item, q < 65 ? 1 : q < 95 ? 2 : 3);
            break;
        }
    }
    // Shops take no basket under their minimum: people add another portion instead.
    while (out.itemsTotal < kMinimumOrder) {
        ++out.lines[0].qty;
        out.itemsTotal += m.prices[out.lines[0].menu];
    }
}

void GeneratorOrderBuilder::build(std::uint64_t streamSeed, TimestampMs time, std::int32_t burst,
                                  Order &out) const
{
    GeneratorRng rng(streamSeed);
    const bool fraud = burst >= 0 && static_cast<std::size_t>(burst) < m_abusiveIps.size();
    const LocalTime local = seoulTime(time);
    const bool rush = isRushHour(local.minuteOfDay);
    const auto daypart = GeneratorCatalog::daypartOfHour(local.minuteOfDay / 60);

    out.time = time;
    out.customer = fraud ? muleCustomer(rng, burst) : m_customers.pick(rng, time);
    const std::size_t district = m_customers.homeDistrict(out.customer);
    out.merchant = static_cast<std::uint32_t>(m_merchants.pick(rng, district, daypart));
    const GeneratorMerchants::Merchant &m = m_merchants.at(out.merchant);

    const bool catering = !fraud && rng.chance(kCateringPer10k);
    pickLines(rng, m, catering, out);

    // Most orders come from shops in the customer's own district: 0.3–3.7 km, peaking near 2 km;
    // the rest cross a district boundary: 2–8 km.
    out.distanceTenths = m.district == district ? static_cast<std::int32_t>(3 + rng.sumBelow(18, 2))
                                                : static_cast<std::int32_t>(20 + rng.sumBelow(31, 2));
    Money fee = m.baseFee + (out.distanceTenths > 30 ? 500 : 0) + (out.distanceTenths > 50 ? 500 : 0);
    if (rng.chance(800)) // free-delivery coupon
        fee = 0;
    out.fee = std::min<Money>(fee, 4000);
    // The app quotes longer at rush hour and for catering; 30–60 min in 5-minute steps.
    out.promisedMin =
        catering ? 60
                 : std::min(60, 30 + 5 * (out.distanceTenths / 15) + m.promisedExtraMin + (rush ? 5 : 0));

    // Kitchen time (longer at rush hour and for big orders) + waiting for a rider + riding
    // (2.2–3.8 min/km) + noise, with a tail of badly delayed orders.
    std::int32_t tenths = m.prepTenths + (catering ? 150 : 0);
    if (rush)
        tenths += 20 + static_cast<std::int32_t>(rng.below(61));
    if (local.weekday >= 5 && daypart == GeneratorCatalog::Dinner)
        tenths += 20;
    tenths += 20 + static_cast<std::int32_t>(rng.below(81));
    tenths += out.distanceTenths * (22 + static_cast<std::int32_t>(rng.below(17))) / 10;
    tenths += static_cast<std::int32_t>(rng.sumBelow(41, 4)) - 80;
    if (rng.chance(500))
        tenths += 80 + static_cast<std::int32_t>(rng.below(251));
    out.deliveryTenths = std::max(80, tenths);

    std::uint32_t cancelPer10k = 280;
    if (rush)
        cancelPer10k += 120;
    if (out.distanceTenths > 50)
        cancelPer10k += 150;
    if (fraud) // card testing: many orders get cancelled or declined
        cancelPer10k += 800;
    out.cancelled = rng.chance(cancelPer10k);
    out.cancelAfterMs = kMsPerMinute + static_cast<TimestampMs>(rng.below(14 * kMsPerMinute));

    // About 60 % of delivered orders are rated, mostly 4.5–5 stars (app averages sit near 4.7);
    // lateness costs a star per 8 minutes.
    out.ratingHalves = 0;
    if (!out.cancelled && rng.chance(6000)) {
        const std::int32_t lateTenths = out.deliveryTenths - out.promisedMin * 10;
        std::int32_t stars = m.qualityTenths + static_cast<std::int32_t>(rng.sumBelow(11, 2)) - 10 -
                             (lateTenths > 0 ? std::min(25, lateTenths / 8) : 0);
        if (rng.chance(300)) // an unhappy customer, whatever happened
            stars = 10 + static_cast<std::int32_t>(rng.below(11));
        stars = std::clamp(stars, 10, 50);
        out.ratingHalves = (stars + 2) / 5;
    }
    out.rateAfterMs = 5 * kMsPerMinute + static_cast<TimestampMs>(rng.below(175 * kMsPerMinute));

    if (fraud) {
        out.payment = rng.chance(7000) ? kCard : kTossPay;
        out.ip = m_abusiveIps[static_cast<std::size_t>(burst)];
    } else {
        if (rng.chance(7000)) {
            out.payment = m_customers.favouritePayment(out.customer);
        } else {
            const std::uint64_t r = rng.below64(m_paymentCumulative.back());
            out.payment = static_cast<std::size_t>(
                std::upper_bound(m_paymentCumulative.begin(), m_paymentCumulative.end(), r) -
                m_paymentCumulative.begin());
        }
        if (rng.chance(7500)) {
            out.ip = m_customers.homeIp(out.customer);
        } else { // on the phone network: a fresh carrier-grade NAT address (100.64.0.0/10)
            const std::uint64_t x = rng.next();
            out.ip = (100u << 24) | static_cast<std::uint32_t>((64 + x % 64) << 16) |
                     static_cast<std::uint32_t>(((x >> 8) % 256) << 8) |
                     static_cast<std::uint32_t>(1 + (x >> 16) % 254);
        }
    }
}

} // namespace op
