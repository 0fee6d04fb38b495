// Records: de-duplication, lifecycle merging in any arrival order, state retention.
#include "RandomOrders.h"

#include "analytics/Engine.h"
#include "analytics/StandardAnalyses.h"

#include <QTest>

#include <algorithm>
#include <map>

using namespace op;
using optest::at;
using optest::makeOrder;
using optest::makeOutcome;

namespace {

const TimestampMs kT0 = at("2026-03-01T00:00:00Z");

// What the analyses were told, per order id.
struct Log
{
    std::map<std::string, int> placedCalls;
    std::map<std::string, OrderEvent> latest; // the merged order after the last call
    int updates = 0;
};

class Recorder : public Analysis
{
public:
    explicit Recorder(Log &log)
        : m_log(log)
    {
    }
    void onOrderPlaced(const OrderEvent &order, const EventContext &) override
    {
        ++m_log.placedCalls[order.orderId];
        m_log.latest[order.orderId] = order;
    }
    void onOrderUpdated(const OrderEvent &before, const OrderEvent &after, const EventContext &) override
    {
        // The placement fields are the same on both sides; the analysis saw `before` last.
        QCOMPARE(before, m_log.latest[after.orderId]);
        QCOMPARE(before.eventTime, after.eventTime);
        QCOMPARE(before.customerId, after.customerId);
        QCOMPARE(before.amount, after.amount);
        QCOMPARE(before.items, after.items);
        ++m_log.updates;
        m_log.latest[after.orderId] = after;
    }
    void fillReport(Report &) const override {}

private:
    Log &m_log;
};

Engine::AnalysisFactory withRecorder(Log &log)
{
    return [&log](const EngineSettings &s, const DisplayZone &z) {
        auto analyses = makeStandardAnalyses(s, z);
        analyses.push_back(std::make_unique<Recorder>(log));
        return analyses;
    };
}

void feed(Engine &engine, OrderEvent e, int partition = 0)
{
    engine.process(e, partition);
}

OrderEvent placed(const std::string &id, TimestampMs t)
{
    OrderEvent e = makeOrder(id, t, "C-1", 20000);
    e.type = EventType::Placed;
    e.status.reset();
    e.distanceKm = 2.5;
    e.promisedMin = 40;
    e.items = {OrderItem{"Pizza", 1, 17000}};
    return e;
}

} // namespace

class TestEngineLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void duplicatesChangeNothing()
    {
        Log log;
        Engine engine(EngineSettings{}, withRecorder(log));
        feed(engine, makeOrder("A", kT0, "C-1", 1000));
        const TimestampMs watermark = engine.watermark();
        feed(engine, makeOrder("A", kT0 + kMsPerHour, "C-2", 99999)); // same id, later time: a duplicate
        OrderEvent p = placed("A", kT0);
        feed(engine, p); // order and placed are one kind
        QCOMPARE(engine.events().duplicates, 2);
        QCOMPARE(engine.events().accepted, 1);
        QCOMPARE(engine.watermark(), watermark); // duplicates do not move the watermark
        QCOMPARE(engine.totals().orders, 1);
        QCOMPARE(engine.totals().sales, 1000);
        QCOMPARE(engine.totals().customers, 1);
        QCOMPARE(log.placedCalls["A"], 1);

        // Each outcome kind counts once per order.
        feed(engine, makeOutcome(EventType::Rated, "A", kT0 + 60000, 4.0));
        feed(engine, makeOutcome(EventType::Rated, "A", kT0 + 70000, 1.0));
        feed(engine, makeOutcome(EventType::Delivered, "A", kT0 + 80000, 30.0));
        feed(engine, makeOutcome(EventType::Delivered, "A", kT0 + 90000, 99.0));
        QCOMPARE(engine.events().duplicates, 4);
        QCOMPARE(engine.events().accepted, 3);
        QCOMPARE(log.latest["A"].rating, std::optional<double>(4.0));
        QCOMPARE(log.latest["A"].deliveryMin, std::optional<double>(30.0));
        QCOMPARE(log.updates, 2);

        QuarantineRecord bad;
        bad.reason = "negative amount";
        engine.onQuarantine(bad);
        QCOMPARE(engine.events().quarantined, 1);
    }

    void lifecycleMergesInAnyArrivalOrder()
    {
        const std::vector<OrderEvent> records{
            placed("X", kT0),
            makeOutcome(EventType::Delivered, "X", kT0 + 25 * kMsPerMinute, 25.5),
            makeOutcome(EventType::Rated, "X", kT0 + 40 * kMsPerMinute, 4.5),
        };
        std::vector<int> order{0, 1, 2};
        std::optional<OrderEvent> first;
        do {
            Log log;
            Engine engine(EngineSettings{}, withRecorder(log));
            for (int i : order)
                feed(engine, records[static_cast<std::size_t>(i)]);
            QCOMPARE(log.placedCalls["X"], 1);
            const OrderEvent &merged = log.latest["X"];
            QCOMPARE(merged.status, std::optional<OrderStatus>(OrderStatus::Delivered));
            QCOMPARE(merged.deliveryMin, std::optional<double>(25.5));
            QCOMPARE(merged.rating, std::optional<double>(4.5));
            QCOMPARE(merged.eventTime, kT0); // counted at its placement time
            QCOMPARE(merged.amount, std::optional<Money>(20000));
            QCOMPARE(merged.distanceKm, std::optional<double>(2.5));
            QCOMPARE(engine.totals().orders, 1);
            QCOMPARE(engine.events().accepted, 3);
            // Outcomes before the placement are merged into it: onOrderPlaced sees them.
            const auto placedAt = std::find(order.begin(), order.end(), 0) - order.begin();
            QCOMPARE(log.updates, static_cast<int>(order.size()) - 1 - static_cast<int>(placedAt));
            if (!first)
                first = merged;
            QCOMPARE(merged, *first);
        } while (std::next_permutation(order.begin(), order.end()));
    }

    void deliveredBeforePlacedWaitsAndIsNotCountedAlone()
    {
        Log log;
        Engine engine(EngineSettings{}, withRecorder(log));
        feed(engine, makeOutcome(EventType::Delivered, "Y", kT0 + 5000, 12.0));
        QCOMPARE(engine.totals().orders, 0);
        QCOMPARE(engine.pendingStateCount(), std::size_t(1));
        QVERIFY(log.placedCalls.empty());
        feed(engine, placed("Y", kT0));
        QCOMPARE(engine.totals().orders, 1);
        QCOMPARE(engine.pendingStateCount(), std::size_t(0));
        QCOMPARE(log.latest["Y"].status, std::optional<OrderStatus>(OrderStatus::Delivered));
        QCOMPARE(log.latest["Y"].deliveryMin, std::optional<double>(12.0));
        QCOMPARE(log.updates, 0);
    }

    void outcomesFillButNeverOverwritePlacementFacts()
    {
        Log log;
        Engine engine(EngineSettings{}, withRecorder(log));
        OrderEvent p = placed("Z", kT0);
        p.promisedMin.reset();
        feed(engine, p);
        OrderEvent d = makeOutcome(EventType::Delivered, "Z", kT0 + 60000, 33.0);
        d.distanceKm = 9.9;   // the placement has 2.5: kept
        d.promisedMin = 45.0; // the placement has none: filled
        d.status = OrderStatus::Cancelled; // an outcome's own status field is not what counts
        feed(engine, d);
        const OrderEvent &merged = log.latest["Z"];
        QCOMPARE(merged.distanceKm, std::optional<double>(2.5));
        QCOMPARE(merged.promisedMin, std::optional<double>(45.0));
        QCOMPARE(merged.status, std::optional<OrderStatus>(OrderStatus::Delivered));
    }

    void conflictingOutcomesTheLaterWinsATieGoesToCancelled()
    {
        struct Case
        {
            TimestampMs delivered;
            TimestampMs cancelled;
            OrderStatus expected;
        };
        const Case cases[] = {{kT0 + 100, kT0 + 200, OrderStatus::Cancelled},
                              {kT0 + 200, kT0 + 100, OrderStatus::Delivered},
                              {kT0 + 150, kT0 + 150, OrderStatus::Cancelled}};
        for (const Case &c : cases) {
            for (int arrival = 0; arrival < 2; ++arrival) {
                Log log;
                Engine engine(EngineSettings{}, withRecorder(log));
                feed(engine, placed("W", kT0));
                const OrderEvent d = makeOutcome(EventType::Delivered, "W", c.delivered, 20.0);
                const OrderEvent x = makeOutcome(EventType::Cancelled, "W", c.cancelled);
                feed(engine, arrival == 0 ? d : x);
                feed(engine, arrival == 0 ? x : d);
                QCOMPARE(log.latest["W"].status, std::optional<OrderStatus>(c.expected));
            }
        }
    }

    void aPlacedEventWithoutStatusIsPlaced()
    {
        Log log;
        Engine engine(EngineSettings{}, withRecorder(log));
        feed(engine, placed("P", kT0));
        QCOMPARE(log.latest["P"].status, std::optional<OrderStatus>(OrderStatus::Placed));
    }

    void retentionDropsCompletedOrders()
    {
        EngineSettings settings;
        settings.orderStateRetentionMs = kMsPerHour;
        Engine engine(settings);
        feed(engine, makeOrder("A", kT0, "C-1", 1000)); // complete at once
        feed(engine, placed("B", kT0));                  // in flight: kept until it completes
        feed(engine, makeOutcome(EventType::Rated, "B", kT0 + 1000, 5.0));
        QCOMPARE(engine.orderStateCount(), std::size_t(2));

        // Within retention a resent record is a duplicate.
        feed(engine, makeOrder("A", kT0 + 30 * kMsPerMinute, "C-1", 1000));
        QCOMPARE(engine.events().duplicates, 1);

        // Watermark past A's completion + 1 h: A's state (and its id) is gone.
        feed(engine, makeOrder("Z1", kT0 + kMsPerHour + 10 * kMsPerSecond, "C-9", 1));
        feed(engine, makeOrder("A", kT0 + kMsPerHour + 11 * kMsPerSecond, "C-1", 1000));
        QCOMPARE(engine.events().duplicates, 1);
        QCOMPARE(engine.totals().orders, 4); // A, B, Z1 and A again

        // B completes at delivery; an hour later it is dropped too.
        feed(engine, makeOutcome(EventType::Delivered, "B", kT0 + 2 * kMsPerHour, 20.0));
        feed(engine, makeOrder("Z2", kT0 + 3 * kMsPerHour + 20 * kMsPerSecond, "C-9", 1));
        feed(engine, makeOrder("Z3", kT0 + 5 * kMsPerHour, "C-9", 1)); // sweeps the wheel
        QCOMPARE(engine.orderStateCount(), std::size_t(1)); // only Z3 is within its hour
        feed(engine, makeOutcome(EventType::Rated, "B", kT0 + 5 * kMsPerHour, 3.0));
        QCOMPARE(engine.events().duplicates, 1); // not a duplicate: B's state is gone
        QCOMPARE(engine.pendingStateCount(), std::size_t(1)); // a new pending state, never counted
        QCOMPARE(engine.totals().orders, 6);
    }

    void pendingStatesWithoutPlacementAreDroppedAfterRetention()
    {
        EngineSettings settings;
        settings.orderStateRetentionMs = kMsPerHour;
        Log log;
        Engine engine(settings, withRecorder(log));
        feed(engine, makeOutcome(EventType::Delivered, "ORPHAN", kT0, 10.0));
        QCOMPARE(engine.pendingStateCount(), std::size_t(1));
        feed(engine, makeOrder("N", kT0 + 2 * kMsPerHour, "C-1", 1));
        QCOMPARE(engine.pendingStateCount(), std::size_t(0));
        // The placement, far too late, is counted as a plain order: the outcome is gone.
        feed(engine, placed("ORPHAN", kT0 - 1000));
        QCOMPARE(engine.totals().orders, 2);
        QCOMPARE(log.latest["ORPHAN"].status, std::optional<OrderStatus>(OrderStatus::Placed));
        QCOMPARE(log.latest["ORPHAN"].deliveryMin, std::optional<double>());
    }

    void ordersThatNeverCompleteAreDroppedAfterTheInFlightCap()
    {
        EngineSettings settings;
        settings.orderStateRetentionMs = kMsPerHour;
        settings.inFlightOrderRetentionMs = 3 * kMsPerHour;
        Log log;
        Engine engine(settings, withRecorder(log));
        feed(engine, placed("P", kT0));                                          // never completes
        feed(engine, placed("Q", kT0));                                          // completes in time
        feed(engine, makeOutcome(EventType::Rated, "P", kT0 + kMsPerHour, 4.0)); // not a completion
        feed(engine, makeOutcome(EventType::Delivered, "Q", kT0 + 2 * kMsPerHour, 30.0));
        QCOMPARE(log.updates, 2);
        QCOMPARE(engine.orderStateCount(), std::size_t(2));

        // Three hours after P's last event it is gone; Q went an hour after its delivery.
        feed(engine, makeOrder("Z", kT0 + 4 * kMsPerHour + kMsPerMinute, "C-9", 1));
        feed(engine, makeOrder("Z2", kT0 + 4 * kMsPerHour + 15 * kMsPerMinute, "C-9", 1)); // sweeps
        QCOMPARE(engine.orderStateCount(), std::size_t(2)); // Z and Z2
        QCOMPARE(engine.pendingStateCount(), std::size_t(0));

        // A delivery after the cap finds no order: it waits as a pending state, changing nothing.
        feed(engine, makeOutcome(EventType::Delivered, "P", kT0 + 4 * kMsPerHour + 16 * kMsPerMinute, 25.0));
        QCOMPARE(engine.events().duplicates, 0);
        QCOMPARE(log.updates, 2);
        QCOMPARE(engine.pendingStateCount(), std::size_t(1));
        QCOMPARE(engine.totals().orders, 4);
        QCOMPARE(log.latest["P"].status, std::optional<OrderStatus>(OrderStatus::Placed));
        QCOMPARE(log.latest["P"].rating, std::optional<double>(4.0));
    }

    void stateMemoryIsBoundedByRetentionNotByStreamLength()
    {
        EngineSettings settings;
        settings.orderStateRetentionMs = kMsPerHour;
        Engine engine(settings);
        // 20,000 orders, one every 6 s, over 33 hours: about 600 states live at once.
        for (int i = 0; i < 20000; ++i)
            feed(engine, makeOrder("O-" + std::to_string(i), kT0 + i * 6000, "C-" + std::to_string(i % 100), 100));
        QVERIFY2(engine.orderStateCount() < 700, qPrintable(QString::number(engine.orderStateCount())));
        QCOMPARE(engine.totals().orders, 20000);
        QCOMPARE(engine.totals().customers, 100);
    }
};

QTEST_GUILESS_MAIN(TestEngineLifecycle)
#include "tst_engine_lifecycle.moc"
