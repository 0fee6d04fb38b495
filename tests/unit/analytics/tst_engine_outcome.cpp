// Engine::process tells what it did with a record, and replaying stored records with their late
// flag (what `report` does) gives the report the original arrival order gave.
#include "RandomOrders.h"

#include "analytics/Engine.h"

#include <QTest>

#include <algorithm>

using namespace op;
using optest::at;
using optest::makeOrder;

namespace {

const TimestampMs kT0 = at("2026-03-01T00:00:00Z");

OrderEvent order(const std::string &id, TimestampMs t, Money amount = 10000)
{
    OrderEvent e = makeOrder(id, t, "C-1", amount);
    e.items = {OrderItem{"Kimbap", 1, amount}};
    return e;
}

struct Stored
{
    OrderEvent event;
    bool late = false;
};

} // namespace

class TestEngineOutcome : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processReportsAcceptedLateAndDuplicate()
    {
        Engine engine; // lateness 10 s
        OrderEvent a = order("A", kT0 + 60000);
        QCOMPARE(engine.process(a), Engine::Outcome::Accepted);
        OrderEvent again = order("A", kT0 + 61000);
        QCOMPARE(engine.process(again), Engine::Outcome::Duplicate);
        OrderEvent old = order("B", kT0);
        QCOMPARE(engine.process(old), Engine::Outcome::Late);
        OrderEvent forced = order("C", kT0 + 59000);
        QCOMPARE(engine.process(forced, 0, Engine::Lateness::Late), Engine::Outcome::Late);
        QCOMPARE(engine.events().late, 2);
        QCOMPARE(engine.events().duplicates, 1);
        QCOMPARE(engine.events().accepted, 3);
        engine.finish();
        OrderEvent after = order("D", kT0 + 62000);
        QCOMPARE(engine.process(after), Engine::Outcome::Ignored);
    }

    void sortedReplayWithLateFlagsEqualsArrivalOrder()
    {
        // Arrival order with some events beyond the lateness: they count in totals, not windows.
        std::vector<OrderEvent> arrival;
        for (int i = 0; i < 200; ++i)
            arrival.push_back(order("O" + std::to_string(1000 + i), kT0 + i * 1500, 1000 + i));
        arrival.push_back(order("L1", kT0 + 5000, 777));   // 5 min late
        arrival.push_back(order("L2", kT0 + 100000, 888)); // late too
        for (int i = 200; i < 260; ++i)
            arrival.push_back(order("O" + std::to_string(1000 + i), kT0 + i * 1500, 1000 + i));

        Engine original;
        std::vector<Stored> stored;
        for (OrderEvent e : arrival) {
            const Engine::Outcome outcome = original.process(e);
            stored.push_back({e, outcome == Engine::Outcome::Late});
        }
        original.finish();
        QCOMPARE(original.events().late, 2);

        std::stable_sort(stored.begin(), stored.end(), [](const Stored &x, const Stored &y) {
            return std::tie(x.event.eventTime, x.event.orderId) < std::tie(y.event.eventTime, y.event.orderId);
        });
        Engine replay;
        for (Stored &s : stored)
            replay.process(s.event, 0, s.late ? Engine::Lateness::Late : Engine::Lateness::ByWatermark);
        replay.finish();

        const Report a = original.report();
        const Report b = replay.report();
        QCOMPARE(b.events.late, a.events.late);
        QCOMPARE(b.totals.orders, a.totals.orders);
        QCOMPARE(b.totals.sales, a.totals.sales);
        QCOMPARE(b.realtimeStats.size(), a.realtimeStats.size());
        for (std::size_t i = 0; i < a.realtimeStats.size(); ++i) {
            QCOMPARE(b.realtimeStats[i].windowStart, a.realtimeStats[i].windowStart);
            QCOMPARE(b.realtimeStats[i].totalOrders, a.realtimeStats[i].totalOrders);
            QCOMPARE(b.realtimeStats[i].totalSales, a.realtimeStats[i].totalSales);
        }
        QCOMPARE(b.popularItems.size(), a.popularItems.size());
    }
};

QTEST_GUILESS_MAIN(TestEngineOutcome)
#include "tst_engine_outcome.moc"
