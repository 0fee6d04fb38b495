#pragma once

#include "io/GeneratorCustomers.h"
#include "io/GeneratorMerchants.h"
#include "io/GeneratorOptions.h"
#include "io/GeneratorOrderBuilder.h"
#include "io/GeneratorTimePlan.h"
#include "model/OrderEvent.h"

#include <array>
#include <cstdint>
#include <memory>
#include <queue>
#include <string>
#include <string_view>
#include <vector>

namespace op {

// Why a generated record is bad. The semantic kinds are already applied to the event; the
// syntactic kinds (Syntax, InvalidUtf8, Oversized) are only marked: the format writer breaks the
// encoded bytes.
enum class BadKind : std::uint8_t
{
    None,
    NegativeAmount,   // amount < 0
    MissingOrderId,   // order_id empty
    MissingEventTime, // event_time 0 (the writer omits it)
    FutureTime,       // event_time in 2099
    Syntax,           // writer: unparsable record
    InvalidUtf8,      // writer: invalid UTF-8 bytes in a text field
    Oversized,        // writer: a record over 1 MiB
};
constexpr std::array<BadKind, 7> kBadKinds{
    BadKind::NegativeAmount, BadKind::MissingOrderId, BadKind::MissingEventTime, BadKind::FutureTime,
    BadKind::Syntax,         BadKind::InvalidUtf8,    BadKind::Oversized};
// "negative_amount", "missing_order_id", ... ("none" for None).
std::string_view badKindName(BadKind kind);

struct GeneratedRecord
{
    OrderEvent event;
    BadKind bad = BadKind::None;
};

// Streams a deterministic, realistic Korean food-delivery dataset (see GeneratorOptions).
//
// Exactly `orders` good orders with ids O-0000001.. in time order, placed in [start, start + days).
// Complete mode gives one `order` record per order with its final status; lifecycle mode gives
// `placed`, then `delivered` or `cancelled`, then sometimes `rated`, merged in event-time order
// (follow-ups of the last orders may fall after the span). Records come in event-time order,
// except bad records of kinds MissingEventTime and FutureTime. Bad records are extra, have ids
// X-0000001.. (or none), and sit at the time of the good order they precede.
//
// Memory is the customers' alias table (8 bytes each), the shops, and the follow-ups in flight.
class Generator
{
public:
    explicit Generator(GeneratorOptions options);

    // false when done.
    bool next(GeneratedRecord &out);

    // The options with every automatic value resolved.
    [[nodiscard]] const GeneratorOptions &options() const { return m_options; }
    [[nodiscard]] std::int64_t customerCount() const { return m_customers.size(); }
    [[nodiscard]] std::int64_t merchantCount() const { return static_cast<std::int64_t>(m_merchants.size()); }
    [[nodiscard]] TimestampMs endTime() const { return m_plan.end(); }
    // Bad records of one kind / of all kinds the run will contain.
    [[nodiscard]] std::int64_t badRecordCount(BadKind kind) const;
    [[nodiscard]] std::int64_t badRecordCount() const { return m_badTotal; }
    // Orders placed in fraud bursts (about 10 %), and the addresses placing them.
    [[nodiscard]] std::int64_t burstOrderCount() const { return m_burstOrders; }
    [[nodiscard]] std::vector<std::string> abusiveIps() const;
    // Lifecycle events scheduled but not yet returned (what bounds memory in lifecycle mode).
    [[nodiscard]] std::size_t followUpsInFlight() const { return m_followUps.size(); }

private:
    struct FollowUp
    {
        TimestampMs time;
        std::uint64_t sequence; // tie-break: the order they were scheduled in
        std::int64_t orderNumber;
        EventType type;
        std::int32_t value; // delivery tenths or rating halves

        friend bool operator>(const FollowUp &a, const FollowUp &b)
        {
            return a.time != b.time ? a.time > b.time : a.sequence > b.sequence;
        }
    };

    static GeneratorOptions resolved(GeneratorOptions options);
    void emitGood(GeneratedRecord &out);
    void emitBad(GeneratedRecord &out);
    void emitFollowUp(GeneratedRecord &out);
    void render(const GeneratorOrderBuilder::Order &order, EventType type, OrderEvent &event) const;

    GeneratorOptions m_options;
    int m_orderIdWidth;
    int m_customerIdWidth;
    std::int64_t m_burstOrders = 0;
    GeneratorCustomers m_customers;
    GeneratorMerchants m_merchants;
    GeneratorOrderBuilder m_builder; // before m_plan, which needs its abusive IP count
    GeneratorTimePlan m_plan;

    GeneratorTimePlan::Placement m_pending;
    bool m_hasPending = false;
    std::int64_t m_goodEmitted = 0;
    TimestampMs m_lastTime;

    std::int64_t m_badTotal = 0;
    std::int64_t m_badEmitted = 0;
    std::array<std::int64_t, kBadKinds.size()> m_badPlanned{};
    std::array<std::int64_t, kBadKinds.size()> m_badLeft{};
    GeneratorRng m_badRng;

    GeneratorOrderBuilder::Order m_order;
    std::priority_queue<FollowUp, std::vector<FollowUp>, std::greater<>> m_followUps;
    std::uint64_t m_followUpSequence = 0;
};

} // namespace op
