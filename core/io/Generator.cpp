#include "io/Generator.h"

#include "io/GeneratorCatalog.h"
#include "io/GeneratorIds.h"
#include "io/GeneratorMath.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace op {

namespace {

constexpr std::uint64_t kSaltOrder = 0x6f726465;
constexpr std::uint64_t kSaltBad = 0x62616472;
constexpr std::uint64_t kSaltBadPlan = 0x62616470;
constexpr std::uint64_t kSaltAbusive = 0x61627573;
constexpr TimestampMs kSeoulOffsetMs = 9 * kMsPerHour;
constexpr int kMaxDays = 36600; // a century: keeps the minute walk and its weights in range

// Orders placed by bots: about 10 % of all, in bursts of 10–25, once there are enough for one.
std::int64_t burstOrdersFor(std::int64_t orders)
{
    const std::int64_t n = (orders + 5) / 10;
    return n >= GeneratorTimePlan::kMinBurst ? n : 0;
}

std::int64_t burstsFor(std::int64_t burstOrders)
{
    if (burstOrders == 0)
        return 0;
    const std::int64_t typical = (2 * burstOrders + 17) / 35; // mean size 17.5
    return std::clamp(typical,
                      (burstOrders + GeneratorTimePlan::kMaxBurst - 1) / GeneratorTimePlan::kMaxBurst,
                      burstOrders / GeneratorTimePlan::kMinBurst);
}

// A handful (5–10) of distinct addresses from the documentation ranges, hosts .200–.254, which
// ordinary customers never use.
std::vector<std::uint32_t> abusiveIpsFor(std::uint64_t seed, std::int64_t bursts)
{
    static constexpr std::uint32_t kNets[] = {0xC0000200u /* 192.0.2.0 */, 0xC6336400u /* 198.51.100.0 */,
                                              0xCB007100u /* 203.0.113.0 */};
    GeneratorRng rng(GeneratorRng::hash(seed, kSaltAbusive));
    const auto count = static_cast<std::size_t>(std::min<std::int64_t>(bursts, 5 + rng.below(6)));
    std::vector<std::uint32_t> ips;
    while (ips.size() < count) {
        const std::uint32_t net = kNets[rng.below(3)]; // one draw per statement: see sumBelow
        const std::uint32_t ip = net + 200 + rng.below(55);
        if (std::find(ips.begin(), ips.end(), ip) == ips.end())
            ips.push_back(ip);
    }
    return ips;
}

} // namespace

std::string_view badKindName(BadKind kind)
{
    switch (kind) {
    case BadKind::None:
        return "none";
    case BadKind::NegativeAmount:
        return "negative_amount";
    case BadKind::MissingOrderId:
        return "missing_order_id";
    case BadKind::MissingEventTime:
        return "missing_event_time";
    case BadKind::FutureTime:
        return "future_time";
    case BadKind::Syntax:
        return "syntax";
    case BadKind::InvalidUtf8:
        return "invalid_utf8";
    case BadKind::Oversized:
        return "oversized";
    }
    return "none";
}

GeneratorOptions Generator::resolved(GeneratorOptions o)
{
    o.orders = std::max<std::int64_t>(o.orders, 0);
    if (o.customers <= 0)
        o.customers = std::max<std::int64_t>(1, o.orders / 8);
    o.customers = std::min<std::int64_t>(o.customers, std::numeric_limits<std::uint32_t>::max());
    if (o.merchants <= 0)
        o.merchants = std::clamp<std::int64_t>(o.orders / 20, 1, 200);
    o.days = std::clamp(o.days, 1, kMaxDays);
    if (!(o.badRate > 0.0)) // also catches NaN
        o.badRate = 0.0;
    o.badRate = std::min(o.badRate, 1.0);
    return o;
}

Generator::Generator(GeneratorOptions options)
    : m_options(resolved(options))
    , m_orderIdWidth(std::max(7, GeneratorIds::digits(m_options.orders)))
    , m_customerIdWidth(std::max(5, GeneratorIds::digits(m_options.customers)))
    , m_burstOrders(burstOrdersFor(m_options.orders))
    , m_customers(m_options.customers, m_options.seed, m_options.start,
                  m_options.start + m_options.days * kMsPerDay)
    , m_merchants(m_options.merchants, m_options.seed)
    , m_builder(m_customers, m_merchants, abusiveIpsFor(m_options.seed, burstsFor(m_burstOrders)),
                m_burstOrders, m_options.seed)
    , m_plan(m_options.start, m_options.days, m_options.orders - m_burstOrders, m_burstOrders,
             burstsFor(m_burstOrders), static_cast<int>(m_builder.abusiveIps().size()), m_options.seed)
    , m_lastTime(m_options.start)
    , m_badRng(GeneratorRng::hash(m_options.seed, kSaltBadPlan))
{
    m_badTotal = std::llround(static_cast<double>(m_options.orders) * m_options.badRate);
    const auto kinds = static_cast<std::int64_t>(kBadKinds.size());
    for (std::size_t i = 0; i < kBadKinds.size(); ++i)
        m_badPlanned[i] = m_badTotal / kinds + (static_cast<std::int64_t>(i) < m_badTotal % kinds ? 1 : 0);
    m_badLeft = m_badPlanned;
}

std::int64_t Generator::badRecordCount(BadKind kind) const
{
    for (std::size_t i = 0; i < kBadKinds.size(); ++i)
        if (kBadKinds[i] == kind)
            return m_badPlanned[i];
    return 0;
}

std::vector<std::string> Generator::abusiveIps() const
{
    std::vector<std::string> out;
    for (const std::uint32_t ip : m_builder.abusiveIps()) {
        std::string s;
        GeneratorIds::formatIpv4Into(s, ip);
        out.push_back(std::move(s));
    }
    return out;
}

bool Generator::next(GeneratedRecord &out)
{
    if (!m_hasPending && m_goodEmitted < m_options.orders)
        m_hasPending = m_plan.next(m_pending);
    const std::int64_t goodLeft = m_hasPending ? m_options.orders - m_goodEmitted : 0;
    const std::int64_t badLeft = m_badTotal - m_badEmitted;
    const bool placementsLeft = m_hasPending || badLeft > 0;
    const TimestampMs placementTime = m_hasPending ? m_pending.time : m_lastTime;

    if (!m_followUps.empty() && (!placementsLeft || m_followUps.top().time <= placementTime)) {
        emitFollowUp(out);
        return true;
    }
    if (!placementsLeft)
        return false;
    // Selection sampling over the record slots: exact counts, uniformly spread, nothing stored.
    if (badLeft > 0 && (goodLeft == 0 || m_badRng.below64(static_cast<std::uint64_t>(badLeft + goodLeft)) <
                                             static_cast<std::uint64_t>(badLeft))) {
        emitBad(out);
        return true;
    }
    emitGood(out);
    return true;
}

void Generator::emitGood(GeneratedRecord &out)
{
    const std::int64_t number = ++m_goodEmitted;
    m_hasPending = false;
    m_lastTime = m_pending.time;
    m_builder.build(GeneratorRng::hash(m_options.seed, kSaltOrder, static_cast<std::uint64_t>(number)),
                    m_pending.time, m_pending.burst, m_order);
    render(m_order, m_options.lifecycle ? EventType::Placed : EventType::Order, out.event);
    GeneratorIds::formatInto(out.event.orderId, 'O', number, m_orderIdWidth);
    out.bad = BadKind::None;
    if (!m_options.lifecycle)
        return;
    if (m_order.cancelled) {
        m_followUps.push(
            {m_order.time + m_order.cancelAfterMs, m_followUpSequence++, number, EventType::Cancelled, 0});
        return;
    }
    const TimestampMs delivered = m_order.time + m_order.deliveryTenths * (kMsPerMinute / 10);
    m_followUps.push({delivered, m_followUpSequence++, number, EventType::Delivered, m_order.deliveryTenths});
    if (m_order.ratingHalves > 0)
        m_followUps.push({delivered + m_order.rateAfterMs, m_followUpSequence++, number, EventType::Rated,
                          m_order.ratingHalves});
}

void Generator::emitBad(GeneratedRecord &out)
{
    const std::int64_t badLeft = m_badTotal - m_badEmitted;
    auto r = static_cast<std::int64_t>(m_badRng.below64(static_cast<std::uint64_t>(badLeft)));
    std::size_t k = 0;
    while (r >= m_badLeft[k])
        r -= m_badLeft[k++];
    --m_badLeft[k];
    const std::int64_t number = ++m_badEmitted;
    const TimestampMs time = m_hasPending ? m_pending.time : m_lastTime;

    m_builder.build(GeneratorRng::hash(m_options.seed, kSaltBad, static_cast<std::uint64_t>(number)), time,
                    -1, m_order);
    OrderEvent &e = out.event;
    render(m_order, m_options.lifecycle ? EventType::Placed : EventType::Order, e);
    GeneratorIds::formatInto(e.orderId, 'X', number, m_orderIdWidth);
    out.bad = kBadKinds[k];
    switch (out.bad) {
    case BadKind::NegativeAmount:
        e.amount = -*e.amount;
        break;
    case BadKind::MissingOrderId:
        e.orderId.clear();
        break;
    case BadKind::MissingEventTime:
        e.eventTime = 0;
        break;
    case BadKind::FutureTime: {
        // 2099-01-01 at the same Seoul clock time: far ahead of any wall clock, and deterministic.
        static const TimestampMs kFutureDay = daysFromCivil(2099, 1, 1) * kMsPerDay - kSeoulOffsetMs;
        e.eventTime = kFutureDay + generatormath::floorMod(time + kSeoulOffsetMs, kMsPerDay);
        break;
    }
    case BadKind::None:
    case BadKind::Syntax:
    case BadKind::InvalidUtf8:
    case BadKind::Oversized:
        break; // the format writer breaks the bytes
    }
}

void Generator::emitFollowUp(GeneratedRecord &out)
{
    const FollowUp f = m_followUps.top();
    m_followUps.pop();
    OrderEvent &e = out.event;
    e.clear();
    e.type = f.type;
    GeneratorIds::formatInto(e.orderId, 'O', f.orderNumber, m_orderIdWidth);
    e.eventTime = f.time;
    switch (f.type) {
    case EventType::Delivered:
        e.status = OrderStatus::Delivered;
        e.deliveryMin = f.value / 10.0;
        break;
    case EventType::Cancelled:
        e.status = OrderStatus::Cancelled;
        break;
    case EventType::Rated:
        e.rating = f.value / 2.0;
        break;
    case EventType::Order:
    case EventType::Placed:
        break;
    }
    out.bad = BadKind::None;
}

void Generator::render(const GeneratorOrderBuilder::Order &order, EventType type, OrderEvent &e) const
{
    const GeneratorMerchants::Merchant &m = m_merchants.at(order.merchant);
    const auto &category = GeneratorCatalog::categories()[m.category];
    e.type = type;
    e.eventTime = order.time;
    GeneratorIds::formatInto(e.customerId, 'C', order.customer + 1, m_customerIdWidth);
    e.merchantId.assign(m.id);
    e.merchantName.assign(m.name);
    e.category.assign(category.code);
    e.region.assign(GeneratorCatalog::districts()[m.district].nameKo);
    e.items.resize(order.lineCount);
    for (std::size_t i = 0; i < order.lineCount; ++i) {
        const auto &line = order.lines[i];
        e.items[i].name.assign(category.menu[line.menu].name);
        e.items[i].qty = line.qty;
        e.items[i].unitPrice = m.prices[line.menu];
    }
    e.amount = order.amount();
    e.deliveryFee = order.fee;
    // Exact tenths and halves: x / 10.0 is the same double as parsing the printed decimal.
    e.distanceKm = order.distanceTenths / 10.0;
    e.promisedMin = static_cast<double>(order.promisedMin);
    e.deliveryMin.reset();
    e.rating.reset();
    if (type == EventType::Placed) {
        e.status = OrderStatus::Placed;
    } else {
        e.status = order.cancelled ? OrderStatus::Cancelled : OrderStatus::Delivered;
        if (!order.cancelled)
            e.deliveryMin = order.deliveryTenths / 10.0;
        if (order.ratingHalves > 0)
            e.rating = order.ratingHalves / 2.0;
    }
    GeneratorIds::formatIpv4Into(e.ip, order.ip);
    e.payment.assign(GeneratorCatalog::paymentMethods()[order.payment].code);
}

} // namespace op
