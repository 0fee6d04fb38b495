// Event time: window alignment, watermark, lateness, partitions and idleness.
#include "RandomOrders.h"

#include "analytics/Engine.h"
#include "analytics/FraudAnalysis.h"
#include "analytics/RealtimeStatsAnalysis.h"

#include <QTest>

using namespace op;
using optest::at;
using optest::makeOrder;

namespace {

const TimestampMs kT0 = at("2026-03-01T00:00:00Z");

void feed(Engine &engine, OrderEvent e, int partition = 0)
{
    engine.process(e, partition);
}

OrderEvent order(const std::string &id, TimestampMs t, Money amount = 10000)
{
    OrderEvent e = makeOrder(id, t, "C-1", amount);
    e.items = {OrderItem{"Kimbap", 1, amount}};
    return e;
}

const RealtimeStatsRow *windowAt(const Report &r, TimestampMs start)
{
    for (const RealtimeStatsRow &row : r.realtimeStats)
        if (row.windowStart == start)
            return &row;
    return nullptr;
}

} // namespace

class TestEngineWindows : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void windowsAlignToTheEpochIncludingNegativeTimes()
    {
        QCOMPARE(floorTo(-1, 30000), -30000);
        QCOMPARE(floorTo(-30000, 30000), -30000);
        QCOMPARE(floorTo(-30001, 30000), -60000);
        QCOMPARE(floorTo(29999, 30000), 0);

        Engine engine;
        feed(engine, order("E", -30001));
        feed(engine, order("D", -30000));
        feed(engine, order("A", -1));
        feed(engine, order("B", 0));
        feed(engine, order("C", 29999));
        QCOMPARE(engine.events().late, 0);
        engine.finish();
        const Report r = engine.report();
        QCOMPARE(r.realtimeStats.size(), std::size_t(3));
        QCOMPARE(r.realtimeStats[0].windowStart, -60000);
        QCOMPARE(r.realtimeStats[0].windowEnd, -30000);
        QCOMPARE(r.realtimeStats[0].totalOrders, 1); // E
        QCOMPARE(r.realtimeStats[1].windowStart, -30000);
        QCOMPARE(r.realtimeStats[1].totalOrders, 2); // A, D
        QCOMPARE(r.realtimeStats[2].windowStart, 0);
        QCOMPARE(r.realtimeStats[2].totalOrders, 2); // B, C
        // Hourly buckets too: -1 ms is in the hour before the epoch.
        QCOMPARE(r.trends.hourly.front().start, -kMsPerHour);
        QCOMPARE(r.trends.hourly.front().orders, 3);
    }

    void realtimeStatsRoundAverageHalfAwayFromZero()
    {
        Engine engine;
        feed(engine, order("A", kT0, 2));
        feed(engine, order("B", kT0 + 1, 3)); // 5 / 2 = 2.5 -> 3
        feed(engine, order("C", kT0 + 30000, 10));
        feed(engine, order("D", kT0 + 30001, 10));
        feed(engine, order("E", kT0 + 30002, 10)); // 30 / 3 = 10
        engine.finish();
        const Report r = engine.report();
        QCOMPARE(r.realtimeStats.size(), std::size_t(2));
        QCOMPARE(r.realtimeStats[0].totalSales, 5);
        QCOMPARE(r.realtimeStats[0].avgOrderValue, 3);
        QCOMPARE(r.realtimeStats[1].avgOrderValue, 10);
        QCOMPARE(r.totals.avgOrderValue, 7); // 35 / 5
    }

    void outOfOrderWithinLatenessCountsNormally()
    {
        Engine engine;
        feed(engine, order("A", kT0 + 100000));
        feed(engine, order("B", kT0 + 91000)); // 9 s behind the max: watermark is max - 10 s
        QCOMPARE(engine.watermark(), kT0 + 90000);
        feed(engine, order("C", kT0 + 90000)); // exactly at the watermark: not late
        QCOMPARE(engine.events().late, 0);
        engine.finish();
        const Report r = engine.report();
        QCOMPARE(r.events.late, 0);
        const RealtimeStatsRow *w = windowAt(r, kT0 + 90000);
        QVERIFY(w);
        QCOMPARE(w->totalOrders, 3);
    }

    void lateEventsCountInTotalsButNotInWindows()
    {
        Engine engine;
        feed(engine, order("A", kT0 + 100000, 1000));
        feed(engine, order("B", kT0 + 200000, 1000)); // watermark 190 s
        // Late, and its 30 s window [150, 180) s never existed.
        feed(engine, order("L1", kT0 + 150000, 7000));
        // Late although its window [180, 210) s is still open: late is late.
        feed(engine, order("L2", kT0 + 185000, 5000));
        QCOMPARE(engine.events().late, 2);
        QCOMPARE(engine.events().accepted, 4);
        engine.finish();
        const Report r = engine.report();
        QCOMPARE(r.events.late, 2);
        QCOMPARE(r.totals.orders, 4);
        QCOMPARE(r.totals.sales, 14000);
        QCOMPARE(r.trends.hourly.size(), std::size_t(1));
        QCOMPARE(r.trends.hourly[0].orders, 4); // trends take late orders
        QCOMPARE(r.trends.hourly[0].sales, 14000);
        QVERIFY(!windowAt(r, kT0 + 150000));
        const RealtimeStatsRow *open = windowAt(r, kT0 + 180000);
        QVERIFY(open);
        QCOMPARE(open->totalOrders, 1);
        QCOMPARE(open->totalSales, 1000);
        // Popular items skip them too.
        for (const PopularItemRow &p : r.popularItems)
            QCOMPARE(p.quantity, 1);
    }

    void closedWindowsNeverChange()
    {
        Engine engine;
        feed(engine, order("A", kT0 + 1000));
        feed(engine, order("B", kT0 + 200000)); // closes [0, 30) s (and its IP minute)
        const Report before = engine.report();
        feed(engine, order("L", kT0 + 2000)); // late
        engine.finish();
        const Report after = engine.report();
        QCOMPARE(windowAt(after, kT0)->totalOrders, 1);
        QCOMPARE(*windowAt(after, kT0), *windowAt(before, kT0));
        QCOMPARE(after.totals.orders, 3);
    }

    void realtimeWindowsWaitForTheirIpWindows()
    {
        EngineSettings settings;
        FraudAnalysis fraud(settings);
        RealtimeStatsAnalysis realtime(settings, fraud);
        // [0, 30) and [30, 60) both lie in the IP minute [0, 60): both close at 60 s.
        QCOMPARE(realtime.closesAt(0), 60000);
        QCOMPARE(realtime.closesAt(30000), 60000);
        QCOMPARE(realtime.closesAt(-30000), 0);
        settings.ipVelocityWindowMs = 45000; // IP windows not aligned with the 30 s windows
        FraudAnalysis fraud45(settings);
        RealtimeStatsAnalysis realtime45(settings, fraud45);
        QCOMPARE(realtime45.closesAt(30000), 90000); // overlaps [45, 90)
        QCOMPARE(realtime45.closesAt(60000), 90000);
        QCOMPARE(realtime45.closesAt(90000), 135000);
    }

    void aWindowClosesWhenTheWatermarkReachesItsEnd()
    {
        Engine engine;
        feed(engine, order("A", kT0 + 1000));
        feed(engine, order("B", kT0 + 39999)); // watermark 29.999 s: [0, 30) still open
        QVERIFY(engine.snapshot()->topItemsNow.empty());
        feed(engine, order("C", kT0 + 40000)); // watermark 30 s: closed
        const auto snapshot = engine.snapshot();
        QCOMPARE(snapshot->topItemsNow.size(), std::size_t(1));
        QCOMPARE(snapshot->topItemsNow[0].windowStart, kT0);
        QCOMPARE(snapshot->topItemsNow[0].quantity, 1);
    }

    void watermarkIsTheMinimumOverPartitions()
    {
        Engine engine;
        engine.registerPartition(0);
        engine.registerPartition(1);
        feed(engine, order("A", kT0 + 100000), 0);
        QCOMPARE(engine.watermark(), WatermarkTracker::kMinusInfinity); // partition 1 holds it
        feed(engine, order("B", kT0 + 50000), 1);
        QCOMPARE(engine.watermark(), kT0 + 40000);
        // Interleaving across partitions never makes an event late.
        feed(engine, order("C", kT0 + 45000), 1);
        feed(engine, order("D", kT0 + 42000), 0);
        QCOMPARE(engine.events().late, 0);
        feed(engine, order("E", kT0 + 120000), 1);
        QCOMPARE(engine.watermark(), kT0 + 90000);
    }

    void aSilentRegisteredPartitionHoldsTheWatermark()
    {
        Engine engine;
        engine.registerPartition(0);
        engine.registerPartition(7);
        for (int i = 0; i < 100; ++i)
            feed(engine, order("O" + std::to_string(i), kT0 + i * kMsPerMinute), 0);
        QCOMPARE(engine.watermark(), WatermarkTracker::kMinusInfinity);
        feed(engine, order("OLD", kT0 - kMsPerDay), 0);
        QCOMPARE(engine.events().late, 0);
        // Nothing closed: every window is still open in the snapshot.
        QVERIFY(engine.snapshot()->topItemsNow.empty());
    }

    void anIdlePartitionIsLeftOut()
    {
        Engine engine;
        engine.registerPartition(0);
        engine.registerPartition(1);
        feed(engine, order("A", kT0 + 100000), 0);
        feed(engine, order("B", kT0 + 50000), 1);
        QCOMPARE(engine.watermark(), kT0 + 40000);
        engine.setPartitionIdle(1, true);
        QCOMPARE(engine.watermark(), kT0 + 90000);
        feed(engine, order("C", kT0 + 200000), 0);
        QCOMPARE(engine.watermark(), kT0 + 190000);
        // The idle partition speaks again: it is active, and the watermark does not go back.
        feed(engine, order("D", kT0 + 60000), 1);
        QCOMPARE(engine.events().late, 1); // 60 s < 190 s
        QCOMPARE(engine.watermark(), kT0 + 190000);
        feed(engine, order("E", kT0 + 300000), 0);
        QCOMPARE(engine.watermark(), kT0 + 190000); // partition 1 (at 60 s) holds it; it is never lowered
        feed(engine, order("F", kT0 + 250000), 1);
        QCOMPARE(engine.watermark(), kT0 + 240000);
    }

    void everyPartitionIdleUsesTheMaximum()
    {
        Engine engine;
        engine.registerPartition(0);
        engine.registerPartition(1);
        feed(engine, order("A", kT0 + 100000), 0);
        feed(engine, order("B", kT0 + 50000), 1);
        engine.setPartitionIdle(0, true);
        QCOMPARE(engine.watermark(), kT0 + 40000); // only partition 1 is active
        engine.setPartitionIdle(1, true);
        QCOMPARE(engine.watermark(), kT0 + 90000); // none active: the max over all
        engine.setPartitionIdle(1, false);
        QCOMPARE(engine.watermark(), kT0 + 90000); // never decreases
    }

    void finishedPartitionsAreLeftOut()
    {
        Engine engine;
        engine.registerPartition(0);
        engine.registerPartition(1);
        engine.registerPartition(2);
        feed(engine, order("A", kT0 + 100000), 0);
        feed(engine, order("B", kT0 + 50000), 1);
        QCOMPARE(engine.watermark(), WatermarkTracker::kMinusInfinity); // 2 is silent
        engine.finishPartition(2);
        QCOMPARE(engine.watermark(), kT0 + 40000);
        engine.finishPartition(1);
        QCOMPARE(engine.watermark(), kT0 + 90000);
        engine.finishPartition(0);
        QCOMPARE(engine.watermark(), kT0 + 90000); // all finished: the max over all
        QVERIFY(!engine.isFinished());
        engine.finish();
        QVERIFY(engine.isFinished());
        feed(engine, order("AFTER", kT0 + 500000), 0); // ignored after finish()
        QCOMPARE(engine.report().totals.orders, 2);
    }

    void aPartialReportShowsOpenWindows()
    {
        Engine engine;
        feed(engine, order("A", kT0 + 1000));
        feed(engine, order("B", kT0 + 2000));
        Report partial = engine.report();
        QCOMPARE(partial.realtimeStats.size(), std::size_t(1));
        QCOMPARE(partial.realtimeStats[0].totalOrders, 2);
        QCOMPARE(partial.popularItems.size(), std::size_t(1));
        QCOMPARE(partial.popularItems[0].quantity, 2);
        engine.finish();
        QCOMPARE(engine.report().realtimeStats, partial.realtimeStats);
    }

    void snapshotsCarryRecentWindowsAndCounts()
    {
        EngineSettings settings;
        settings.snapshotWindows = 3;
        Engine engine(settings);
        for (int i = 0; i < 10; ++i)
            feed(engine, order("O" + std::to_string(i), kT0 + i * 30000));
        const auto s1 = engine.snapshot();
        const auto s2 = engine.snapshot();
        QCOMPARE(s2->sequence, s1->sequence + 1);
        QCOMPARE(s1->events.accepted, 10);
        QCOMPARE(s1->totals.orders, 10);
        QCOMPARE(s1->maxEventTime, kT0 + 9 * 30000);
        QCOMPARE(s1->watermark, kT0 + 9 * 30000 - 10000);
        // 3 closed windows plus the open ones; the newest last.
        QVERIFY(s1->recentWindows.size() >= 4);
        QCOMPARE(s1->recentWindows.back().windowStart, kT0 + 9 * 30000);
        QCOMPARE(s1->minuteTrend.back().start, kT0 + 4 * kMsPerMinute);
        QCOMPARE(s1->minuteTrend.back().orders, 2);
        QCOMPARE(s1->topItemsAllTime.size(), std::size_t(1));
        QCOMPARE(s1->topItemsAllTime[0].quantity, 10);
    }
};

QTEST_GUILESS_MAIN(TestEngineWindows)
#include "tst_engine_windows.moc"
