#include "analytics/ClvCalculator.h"
#include "analytics/CustomerAnalysis.h"
#include "analytics/GradeHorizon.h"
#include "analytics/GradeRules.h"
#include "analytics/Report.h"
#include "analytics/RfmScoring.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace op;

namespace {

constexpr TimestampMs kT0 = 1'772'336'096'789; // 2026-03-01T03:34:56.789Z
constexpr TimestampMs kHorizon = 183 * kMsPerDay;

// Feeds orders as the engine would: placement order, maxEventTime running.
class Feeder
{
public:
    explicit Feeder(CustomerAnalysis &analysis)
        : m_analysis(analysis)
    {
    }
    void place(const std::string &customer, TimestampMs t, Money amount)
    {
        OrderEvent e;
        e.orderId = "O-" + std::to_string(++m_next);
        e.customerId = customer;
        e.eventTime = t;
        e.amount = amount;
        m_max = std::max(m_max, t);
        EventContext ctx;
        ctx.maxEventTime = m_max;
        m_analysis.onOrderPlaced(e, ctx);
    }

private:
    CustomerAnalysis &m_analysis;
    TimestampMs m_max = std::numeric_limits<TimestampMs>::min();
    int m_next = 0;
};

Report reportOf(const CustomerAnalysis &a)
{
    Report r;
    a.fillReport(r);
    return r;
}

const CustomerRow &row(const Report &r, const std::string &id)
{
    const auto it = std::find_if(r.customers.begin(), r.customers.end(),
                                 [&](const CustomerRow &c) { return c.customerId == id; });
    if (it == r.customers.end())
        qFatal("no customer %s", id.c_str());
    return *it;
}

std::vector<int> ntileOf(std::size_t n)
{
    std::vector<int> out;
    for (std::size_t i = 0; i < n; ++i)
        out.push_back(ntileGroup(i, n));
    return out;
}

} // namespace

class TestCustomerAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ntileMatchesSql()
    {
        QCOMPARE(ntileOf(1), (std::vector<int>{1}));
        QCOMPARE(ntileOf(2), (std::vector<int>{1, 2}));
        QCOMPARE(ntileOf(4), (std::vector<int>{1, 2, 3, 4}));
        QCOMPARE(ntileOf(5), (std::vector<int>{1, 2, 3, 4, 5}));
        QCOMPARE(ntileOf(6), (std::vector<int>{1, 1, 2, 3, 4, 5}));
        QCOMPARE(ntileOf(11), (std::vector<int>{1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5}));
        QCOMPARE(ntileOf(14), (std::vector<int>{1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5}));
    }

    void scoresThroughTheAnalysis_data()
    {
        QTest::addColumn<int>("customers");
        QTest::addColumn<QList<int>>("expected");
        QTest::newRow("1") << 1 << QList<int>{1};
        QTest::newRow("2") << 2 << QList<int>{1, 2};
        QTest::newRow("4") << 4 << QList<int>{1, 2, 3, 4};
        QTest::newRow("5") << 5 << QList<int>{1, 2, 3, 4, 5};
        QTest::newRow("6") << 6 << QList<int>{1, 1, 2, 3, 4, 5};
        QTest::newRow("11") << 11 << QList<int>{1, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    }
    void scoresThroughTheAnalysis()
    {
        QFETCH(int, customers);
        QFETCH(QList<int>, expected);
        CustomerAnalysis a{EngineSettings{}};
        Feeder feed(a);
        // Customer k: k+1 orders, amount growing with k, last order later with k. The ids run
        // against the metric order (Z..A) so that only the metric decides.
        for (int k = 0; k < customers; ++k) {
            const std::string id = std::string("C-") + char('Z' - k);
            for (int j = 0; j <= k; ++j)
                feed.place(id, kT0 + k * kMsPerHour + j, 1000 * (k + 1));
        }
        const Report r = reportOf(a);
        QCOMPARE(r.customers.size(), std::size_t(customers));
        for (int k = 0; k < customers; ++k) {
            const CustomerRow &c = row(r, std::string("C-") + char('Z' - k));
            QCOMPARE(c.r, expected[k]);
            QCOMPARE(c.f, expected[k]);
            QCOMPARE(c.m, expected[k]);
            QCOMPARE(c.frequency, std::int64_t(k + 1));
            QCOMPARE(c.monetary, Money(1000 * (k + 1) * (k + 1)));
            QCOMPARE(c.lastOrder, kT0 + k * kMsPerHour + k);
        }
        // Report rows come by customer_id.
        QVERIFY(std::is_sorted(
            r.customers.begin(), r.customers.end(),
            [](const CustomerRow &x, const CustomerRow &y) { return x.customerId < y.customerId; }));
    }

    void tiesAreBrokenByCustomerIdBytes()
    {
        CustomerAnalysis a{EngineSettings{}};
        Feeder feed(a);
        // Same time, count and amount for all: the byte order of the ids decides every score.
        // Byte order: "C-10" < "C-9" < "c-1" < "\xea..." (UTF-8 Korean after ASCII).
        const std::vector<std::string> byBytes{"C-10", "C-9", "c-1", "\xea\xb3\xa0\xea\xb0\x9d",
                                               "\xed\x9b\x84"};
        for (auto it = byBytes.rbegin(); it != byBytes.rend(); ++it)
            feed.place(*it, kT0, 5000);
        const Report r = reportOf(a);
        for (std::size_t i = 0; i < byBytes.size(); ++i) {
            QCOMPARE(r.customers[i].customerId, byBytes[i]);
            QCOMPARE(r.customers[i].r, int(i + 1));
            QCOMPARE(r.customers[i].f, int(i + 1));
            QCOMPARE(r.customers[i].m, int(i + 1));
        }
    }

    void everyRfPairHasItsSegment()
    {
        // DESIGN.md: r1-2 f1-2 Hibernating; r1-2 f3-4 At Risk; r1-2 f5 Can't Lose Them; r3 f1-2 About to
        // Sleep; r3 f3 Need Attention; r3-4 f4-5 Loyal; r4 f1 Promising; r5 f1 New; r4-5 f2-3
        // Potential Loyalist; r5 f4-5 Champions.
        const char *expected[5][5] = {
            {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
            {"Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"},
            {"About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"},
            {"Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"},
            {"New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"},
        };
        for (int r = 1; r <= 5; ++r) {
            for (int f = 1; f <= 5; ++f)
                QCOMPARE(std::string(kSegmentNames[segmentIndex(r, f)]), std::string(expected[r - 1][f - 1]));
        }
    }

    void segmentsAndGradesInTheReport()
    {
        CustomerAnalysis a{EngineSettings{}};
        Feeder feed(a);
        // Five customers: A oldest and fewest ... E newest and most: r = f = 1..5.
        const std::string ids[] = {"A", "B", "C", "D", "E"};
        for (int k = 0; k < 5; ++k) {
            for (int j = 0; j <= k; ++j)
                feed.place(ids[k], kT0 + k * kMsPerDay + j, 100'000);
        }
        const Report r = reportOf(a);
        QCOMPARE(row(r, "A").segment, std::string("Hibernating"));
        QCOMPARE(row(r, "C").segment, std::string("Need Attention"));
        QCOMPARE(row(r, "D").segment, std::string("Loyal"));
        QCOMPARE(row(r, "E").segment, std::string("Champions"));
        QCOMPARE(r.segments.size(), kSegmentNames.size());
        std::int64_t total = 0;
        for (std::size_t i = 0; i < kSegmentNames.size(); ++i) {
            QCOMPARE(r.segments[i].first, std::string(kSegmentNames[i]));
            total += r.segments[i].second;
        }
        QCOMPARE(total, std::int64_t(5));
        QCOMPARE(r.segments[0].second, std::int64_t(2)); // A and B: Hibernating
        QCOMPARE(r.grades.size(), std::size_t(4));
        QCOMPARE(r.grades[0], (std::pair<std::string, std::int64_t>("VIP", 0)));
        QCOMPARE(r.grades[2],
                 (std::pair<std::string, std::int64_t>("SILVER", 3))); // C, D, E: >= 3 orders, >= 300,000
        QCOMPARE(r.grades[3], (std::pair<std::string, std::int64_t>("BRONZE", 2)));
    }

    void gradeThresholds_data()
    {
        QTest::addColumn<qint64>("sales");
        QTest::addColumn<qint64>("orders");
        QTest::addColumn<QString>("grade");
        QTest::newRow("vip exact") << qint64(3'000'000) << qint64(15) << "VIP";
        QTest::newRow("vip short a won") << qint64(2'999'999) << qint64(15) << "GOLD";
        QTest::newRow("vip short an order") << qint64(3'000'000) << qint64(14) << "GOLD";
        QTest::newRow("gold exact") << qint64(1'000'000) << qint64(8) << "GOLD";
        QTest::newRow("gold short a won") << qint64(999'999) << qint64(8) << "SILVER";
        QTest::newRow("gold short an order") << qint64(5'000'000) << qint64(7) << "SILVER";
        QTest::newRow("silver exact") << qint64(300'000) << qint64(3) << "SILVER";
        QTest::newRow("silver short a won") << qint64(299'999) << qint64(3) << "BRONZE";
        QTest::newRow("silver short an order") << qint64(9'000'000) << qint64(2) << "BRONZE";
        QTest::newRow("nothing") << qint64(0) << qint64(0) << "BRONZE";
    }
    void gradeThresholds()
    {
        QFETCH(qint64, sales);
        QFETCH(qint64, orders);
        QFETCH(QString, grade);
        QCOMPARE(QString::fromLatin1(kGradeNames[gradeIndex(sales, orders)]), grade);

        // The same through the analysis: `orders` orders adding up to `sales`.
        if (orders == 0)
            return;
        CustomerAnalysis a{EngineSettings{}};
        Feeder feed(a);
        for (qint64 i = 0; i < orders; ++i) {
            const Money amount = sales / orders + (i < sales % orders ? 1 : 0);
            feed.place("C-1", kT0 + i * kMsPerMinute, amount);
        }
        QCOMPARE(QString::fromStdString(reportOf(a).customers.at(0).grade), grade);
    }

    void horizonBoundaryToTheMillisecond()
    {
        // 15 orders of 200,000 make a VIP; one of them sits exactly on now - 183 days.
        auto run = [](TimestampMs now, bool lateArrival) {
            CustomerAnalysis a{EngineSettings{}};
            Feeder feed(a);
            if (lateArrival)
                feed.place("Other", now, 1); // now is already there: the old order arrives late
            feed.place("C-1", kT0, 200'000);
            for (int i = 1; i < 15; ++i)
                feed.place("C-1", kT0 + i * kMsPerDay, 200'000);
            if (!lateArrival)
                feed.place("Other", now, 1); // now moves past the boundary afterwards
            return row(reportOf(a), "C-1").grade;
        };
        for (const bool late : {false, true}) {
            QCOMPARE(run(kT0 + kHorizon - 1, late), std::string("VIP"));  // kT0 > now - 183 d
            QCOMPARE(run(kT0 + kHorizon, late), std::string("GOLD"));     // kT0 == now - 183 d: out
            QCOMPARE(run(kT0 + kHorizon + 1, late), std::string("GOLD")); // 14 orders, 2.8 M
        }
    }

    void gradeHorizonMatchesBruteForce()
    {
        // Random orders over ~400 days arriving out of order; after every step, the totals kept
        // from the ledger's callbacks, minus its stale orders, equal a brute-force sum over
        // (now - 183 d, now].
        std::mt19937_64 rng(11);
        GradeHorizon horizon(kHorizon);
        struct Order
        {
            std::uint32_t customer;
            TimestampMs t;
            Money amount;
        };
        std::vector<Order> seen;
        std::map<std::uint32_t, std::pair<Money, std::int64_t>> kept;
        const auto expired = [&](std::uint32_t customer, Money amount) {
            kept[customer].first -= amount;
            --kept[customer].second;
        };
        TimestampMs now = std::numeric_limits<TimestampMs>::min();
        const TimestampMs span = 400 * kMsPerDay;
        for (int step = 0; step < 6000; ++step) {
            // Mostly moving forward, sometimes far back (late), now and then a jump of a day.
            const TimestampMs base = kT0 + static_cast<TimestampMs>(step) * (span / 6000);
            TimestampMs t = base + static_cast<TimestampMs>(rng() % (3 * kMsPerHour));
            if (rng() % 10 == 0)
                t -= static_cast<TimestampMs>(rng() % (200 * kMsPerDay));
            if (rng() % 500 == 0)
                t += kMsPerDay;
            const Order o{static_cast<std::uint32_t>(rng() % 7), t, static_cast<Money>(rng() % 500'000)};
            now = std::max(now, t);
            horizon.advanceNow(now, expired);
            if (horizon.add(o.customer, o.t, o.amount, expired)) {
                kept[o.customer].first += o.amount;
                ++kept[o.customer].second;
            } else {
                QVERIFY(o.t <= now - kHorizon);
            }
            seen.push_back(o);
            if (step % 97 != 0 && step != 5999)
                continue;
            std::map<std::uint32_t, std::pair<Money, std::int64_t>> brute, exact = kept;
            for (const Order &x : seen) {
                if (x.t > now - kHorizon) {
                    brute[x.customer].first += x.amount;
                    ++brute[x.customer].second;
                }
            }
            horizon.forEachStale([&](std::uint32_t customer, Money amount) {
                exact[customer].first -= amount;
                --exact[customer].second;
            });
            for (std::uint32_t c = 0; c < 7; ++c)
                QCOMPARE(exact[c], brute[c]);
        }
        // Whole hours that left the horizon were freed.
        std::size_t live = 0;
        for (const Order &x : seen)
            live += x.t > now - kHorizon ? 1 : 0;
        QVERIFY(horizon.ordersHeld() >= live);
        QVERIFY(horizon.ordersHeld() < live + 200); // at most the straddling hour on top
    }

    void clvBelowAndAboveThirtyDays()
    {
        // Span under 30 days counts as 30 days: M x 12.
        QCOMPARE(customerLifetimeValue(300'000, kT0, kT0 + 10 * kMsPerDay, 12), Money(3'600'000));
        QCOMPARE(customerLifetimeValue(300'000, kT0, kT0, 12), Money(3'600'000));
        QCOMPARE(customerLifetimeValue(300'000, kT0, kT0 + 30 * kMsPerDay, 12), Money(3'600'000));
        // 60 days: half as many orders per 30 days.
        QCOMPARE(customerLifetimeValue(300'000, kT0, kT0 + 60 * kMsPerDay, 12), Money(1'800'000));
        // 90 days, 100,000 won: 100000 x 30/90 x 12 = 400,000.
        QCOMPARE(customerLifetimeValue(100'000, kT0, kT0 + 90 * kMsPerDay, 12), Money(400'000));
        // Rounding half away from zero: 1 won x 30/720 x 12 = 0.5 -> 1; a millisecond more -> 0.
        QCOMPARE(customerLifetimeValue(1, kT0, kT0 + 720 * kMsPerDay, 12), Money(1));
        QCOMPARE(customerLifetimeValue(1, kT0, kT0 + 720 * kMsPerDay + 1, 12), Money(0));
        // 10 won over 7 x 30 days x 12 months = 17.142857 -> 17; 11 won -> 18.857 -> 19.
        QCOMPARE(customerLifetimeValue(10, kT0, kT0 + 210 * kMsPerDay, 12), Money(17));
        QCOMPARE(customerLifetimeValue(11, kT0, kT0 + 210 * kMsPerDay, 12), Money(19));
        // Large money needs 128 bits: 10^15 won x 2.592e9 ms x 12 overflows int64.
        QCOMPARE(customerLifetimeValue(1'000'000'000'000'000, kT0, kT0 + 30 * kMsPerDay, 12),
                 Money(12'000'000'000'000'000));

        // Through the analysis, with the lifetime setting.
        EngineSettings settings;
        settings.clvLifetimeMonths = 6;
        CustomerAnalysis a{settings};
        Feeder feed(a);
        feed.place("A", kT0, 50'000);
        feed.place("A", kT0 + 45 * kMsPerDay, 70'000); // 120000 x 30/45 x 6 = 480,000
        feed.place("B", kT0 + kMsPerDay, 33'333);      // 33333 x 6
        const Report r = reportOf(a);
        QCOMPARE(row(r, "A").clv, Money(480'000));
        QCOMPARE(row(r, "B").clv, Money(199'998));
    }

    void lateOrdersCountForRfm()
    {
        CustomerAnalysis a{EngineSettings{}};
        Feeder feed(a);
        feed.place("A", kT0 + 10 * kMsPerDay, 1000);
        feed.place("A", kT0, 2000); // older, arrives later: first order moves back
        const Report r = reportOf(a);
        QCOMPARE(row(r, "A").lastOrder, kT0 + 10 * kMsPerDay);
        QCOMPARE(row(r, "A").frequency, std::int64_t(2));
        QCOMPARE(row(r, "A").monetary, Money(3000));
        QCOMPARE(row(r, "A").clv, Money(3000 * 12));
    }

    void snapshotRefreshPolicy()
    {
        EngineSettings settings;
        settings.customerSnapshotRefreshMs = 2000;
        settings.customerSnapshotGrowthPercent = 10;
        CustomerAnalysis a{settings};
        std::int64_t wall = 1'000'000;
        a.setWallClock([&wall] { return wall; });
        Feeder feed(a);
        for (int i = 0; i < 100; ++i)
            feed.place("C-" + std::to_string(i), kT0 + i, 1000 + i);

        Snapshot s1;
        a.fillSnapshot(s1);
        QCOMPARE(a.snapshotScorings(), std::int64_t(1));
        QCOMPARE(s1.customers.table->size(), std::size_t(100));

        // A change within the interval and under the growth threshold: the cached table.
        feed.place("C-100", kT0 + 500, 5000); // +1 %
        wall += 1999;
        Snapshot s2;
        a.fillSnapshot(s2);
        QCOMPARE(a.snapshotScorings(), std::int64_t(1));
        QCOMPARE(s2.customers.table.get(), s1.customers.table.get());
        QCOMPARE(s2.customers.computedAtEventTime, kT0 + 99);

        // The interval elapsed: re-scored.
        wall += 1;
        Snapshot s3;
        a.fillSnapshot(s3);
        QCOMPARE(a.snapshotScorings(), std::int64_t(2));
        QCOMPARE(s3.customers.table->size(), std::size_t(101));
        QCOMPARE(s3.customers.computedAtEventTime, kT0 + 500);

        // Nothing changed: the same table, however much time passes.
        wall += 60'000;
        Snapshot s4;
        a.fillSnapshot(s4);
        QCOMPARE(a.snapshotScorings(), std::int64_t(2));
        QCOMPARE(s4.customers.table.get(), s3.customers.table.get());

        // More than 10 % new customers: re-scored at once.
        for (int i = 101; i < 113; ++i)
            feed.place("C-" + std::to_string(i), kT0 + 600 + i, 1000);
        Snapshot s5;
        a.fillSnapshot(s5);
        QCOMPARE(a.snapshotScorings(), std::int64_t(3));
        QCOMPARE(s5.customers.table->size(), std::size_t(113));

        // The summary agrees with the exact report.
        const Report r = reportOf(a);
        QCOMPARE(*s5.customers.table, r.customers);
        std::int64_t gridTotal = 0, segmentTotal = 0, gradeTotal = 0, clvTotal = 0;
        Money revenue = 0;
        for (const auto &rowCounts : s5.customers.rfGrid)
            for (const auto c : rowCounts)
                gridTotal += c;
        for (std::size_t i = 0; i < kSegmentNames.size(); ++i) {
            QCOMPARE(s5.customers.segmentCounts[i], r.segments[i].second);
            segmentTotal += s5.customers.segmentCounts[i];
            revenue += s5.customers.segmentRevenue[i];
        }
        for (std::size_t i = 0; i < kGradeNames.size(); ++i) {
            QCOMPARE(s5.customers.gradeCounts[i], r.grades[i].second);
            gradeTotal += s5.customers.gradeCounts[i];
        }
        for (const auto &b : s5.customers.clvHistogram) {
            QVERIFY(b.from < b.to);
            clvTotal += b.count;
        }
        Money expectedRevenue = 0;
        for (const auto &c : r.customers)
            expectedRevenue += c.monetary;
        QCOMPARE(gridTotal, std::int64_t(113));
        QCOMPARE(segmentTotal, std::int64_t(113));
        QCOMPARE(gradeTotal, std::int64_t(113));
        QCOMPARE(clvTotal, std::int64_t(113));
        QCOMPARE(revenue, expectedRevenue);
    }

    void snapshotRescoringIsThrottledByItsCost()
    {
        CustomerAnalysis a{EngineSettings{}}; // 2 s, 10 %
        std::int64_t wall = 0;
        std::int64_t tick = 0; // what every clock reading adds: scoring "takes" one tick
        a.setWallClock([&] { return wall += tick; });
        Feeder feed(a);
        feed.place("C-0", kT0, 1000);
        tick = 500;
        Snapshot s;
        a.fillSnapshot(s); // reads 500, scores, reads 1000: cost 500 ms
        QCOMPARE(a.snapshotScorings(), std::int64_t(1));
        tick = 0;
        for (int i = 1; i < 50; ++i) // +4900 %
            feed.place("C-" + std::to_string(i), kT0 + i, 1000);
        wall = 500 + 4999; // 4.999 s after the last scoring began: under 10 x 500 ms
        a.fillSnapshot(s);
        QCOMPARE(a.snapshotScorings(), std::int64_t(1));
        QCOMPARE(s.customers.table->size(), std::size_t(1));
        wall = 500 + 5000;
        a.fillSnapshot(s);
        QCOMPARE(a.snapshotScorings(), std::int64_t(2));
        QCOMPARE(s.customers.table->size(), std::size_t(50));
    }

    void emptyReportHasAllKeys()
    {
        CustomerAnalysis a{EngineSettings{}};
        const Report r = reportOf(a);
        QVERIFY(r.customers.empty());
        QCOMPARE(r.segments.size(), std::size_t(10));
        QCOMPARE(r.grades.size(), std::size_t(4));
        Snapshot s;
        a.fillSnapshot(s);
        QVERIFY(s.customers.table->empty());
        QVERIFY(s.customers.clvHistogram.empty());
    }

    void measuresAMillionCustomers()
    {
        // Not a timing test (those live in tests/bench): it prints what a full fillReport costs at a
        // million customers, in CPU time since the machine may be shared, and checks the memory bound.
        constexpr int kCustomers = 1'000'000;
        constexpr int kOrders = 3 * kCustomers;
        std::mt19937_64 rng(2026);
        std::vector<OrderEvent> orders(kOrders);
        for (int i = 0; i < kOrders; ++i) {
            char id[16];
            std::snprintf(id, sizeof id, "C-%07d", static_cast<int>(rng() % kCustomers));
            orders[i].orderId = "O-" + std::to_string(i);
            orders[i].customerId = id;
            orders[i].eventTime = kT0 + i * 300LL; // 3 M orders over ~10 days
            orders[i].amount = static_cast<Money>(5000 + rng() % 60'000);
        }
        CustomerAnalysis a{EngineSettings{}};
        const auto cpuMs = [] {
            return 1000.0 * double(std::clock()) / CLOCKS_PER_SEC;
        };
        double t = cpuMs();
        EventContext ctx;
        for (const OrderEvent &o : orders) {
            ctx.maxEventTime = o.eventTime;
            a.onOrderPlaced(o, ctx);
        }
        const double ingestMs = cpuMs() - t;
        t = cpuMs();
        Report r;
        a.fillReport(r);
        const double firstReportMs = cpuMs() - t;
        t = cpuMs();
        Report r2;
        a.fillReport(r2);
        const double reportMs = cpuMs() - t;
        t = cpuMs();
        Snapshot snap;
        a.fillSnapshot(snap);
        const double snapshotMs = cpuMs() - t;
        const double perCustomer = double(a.memoryBytes()) / double(a.customerCount());
        qDebug("%zu customers, %d orders (CPU time): onOrderPlaced %.0f ns an order; fillReport %.0f ms the "
               "first time (sorting the ids), %.0f ms again; a snapshot re-scoring %.0f ms; state %.1f MB = "
               "%.1f bytes a customer with its 3.2 horizon orders",
               a.customerCount(), kOrders, ingestMs * 1e6 / kOrders, firstReportMs, reportMs, snapshotMs,
               a.memoryBytes() / 1e6, perCustomer);
        QCOMPARE(r.customers.size(), a.customerCount());
        QVERIFY(r == r2);
        QVERIFY(a.customerCount() > 900'000);
        QVERIFY2(perCustomer < 150, qPrintable(QString::number(perCustomer)));
    }
};

QTEST_GUILESS_MAIN(TestCustomerAnalysis)
#include "tst_customer_analysis.moc"
