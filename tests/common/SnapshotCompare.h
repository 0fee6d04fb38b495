#pragma once

#include "analytics/Snapshot.h"

#include <QTest>

namespace optest {

// Field-by-field comparison of two snapshots (Snapshot has no operator==: it holds shared_ptrs
// and health lists). QCOMPARE failures return from here; callers check QTest::currentTestFailed().
inline void compareSnapshotFields(const op::Snapshot &a, const op::Snapshot &b)
{
    QCOMPARE(a.sequence, b.sequence);
    QCOMPARE(a.wallTimeMs, b.wallTimeMs);
    QCOMPARE(a.watermark, b.watermark);
    QCOMPARE(a.maxEventTime, b.maxEventTime);
    QVERIFY(a.events == b.events);
    QVERIFY(a.totals == b.totals);
    QVERIFY(a.recentWindows == b.recentWindows);
    QVERIFY(a.topItemsNow == b.topItemsNow);
    QVERIFY(a.topItemsAllTime == b.topItemsAllTime);
    QVERIFY(a.minuteTrend == b.minuteTrend);
    QVERIFY(a.hourlyTrend == b.hourlyTrend);
    QVERIFY(a.dailyTrend == b.dailyTrend);
    QVERIFY(a.hourOfWeek == b.hourOfWeek);
    QVERIFY(a.customers.segmentCounts == b.customers.segmentCounts);
    QVERIFY(a.customers.segmentRevenue == b.customers.segmentRevenue);
    QVERIFY(a.customers.rfGrid == b.customers.rfGrid);
    QVERIFY(a.customers.gradeCounts == b.customers.gradeCounts);
    QVERIFY(a.customers.clvHistogram == b.customers.clvHistogram);
    QCOMPARE(a.customers.computedAtEventTime, b.customers.computedAtEventTime);
    QCOMPARE(static_cast<bool>(a.customers.table), static_cast<bool>(b.customers.table));
    if (a.customers.table)
        QVERIFY(*a.customers.table == *b.customers.table);
    QVERIFY(a.merchants == b.merchants);
    QVERIFY(a.delivery == b.delivery);
    QVERIFY(a.deliveryPercentiles == b.deliveryPercentiles);
    QVERIFY(a.recentAlerts == b.recentAlerts);
    QCOMPARE(a.openAlerts, b.openAlerts);
    QCOMPARE(a.sources.size(), b.sources.size());
    for (std::size_t i = 0; i < a.sources.size(); ++i) {
        const op::SourceHealth &x = a.sources[i];
        const op::SourceHealth &y = b.sources[i];
        QCOMPARE(x.name, y.name);
        QCOMPARE(x.state, y.state);
        QCOMPARE(x.lastError, y.lastError);
        QCOMPARE(x.messagesPerSecond, y.messagesPerSecond);
        QCOMPARE(x.bytesPerSecond, y.bytesPerSecond);
        QCOMPARE(x.progress, y.progress);
        QCOMPARE(x.rebalances, y.rebalances);
        QCOMPARE(x.lag.size(), y.lag.size());
        for (std::size_t j = 0; j < x.lag.size(); ++j) {
            QCOMPARE(x.lag[j].topic, y.lag[j].topic);
            QCOMPARE(x.lag[j].partition, y.lag[j].partition);
            QCOMPARE(x.lag[j].lag, y.lag[j].lag);
            QCOMPARE(x.lag[j].offset, y.lag[j].offset);
        }
    }
}

} // namespace optest
