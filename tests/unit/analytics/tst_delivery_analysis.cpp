#include "analytics/DeliveryAnalysis.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace op;

namespace {

constexpr TimestampMs kT0 = 1'772'323'200'000; // 2026-03-01T00:00:00Z = 09:00 in Seoul

int seoulHour(TimestampMs t)
{
    return static_cast<int>(((t + 9 * kMsPerHour) % kMsPerDay) / kMsPerHour);
}

OrderEvent placed(const std::string &id, TimestampMs t, std::optional<double> km = std::nullopt,
                  std::optional<double> promised = std::nullopt)
{
    OrderEvent e;
    e.type = EventType::Placed;
    e.orderId = id;
    e.customerId = "C-1";
    e.merchantId = "R-1";
    e.eventTime = t;
    e.amount = 10'000;
    e.status = OrderStatus::Placed;
    e.distanceKm = km;
    e.promisedMin = promised;
    return e;
}

// Keeps merged order states and passes before/after like the engine.
class Driver
{
public:
    explicit Driver(Analysis &a)
        : m_a(a)
    {
    }
    void place(const OrderEvent &e)
    {
        m_orders[e.orderId] = e;
        m_ctx.maxEventTime = std::max(m_ctx.maxEventTime, e.eventTime);
        m_a.onOrderPlaced(e, m_ctx);
    }
    template<typename Change> void update(const std::string &id, Change change)
    {
        const auto it = m_orders.find(id);
        QVERIFY(it != m_orders.end());
        const OrderEvent before = it->second;
        change(it->second);
        m_a.onOrderUpdated(before, it->second, m_ctx);
    }
    void deliver(const std::string &id, double minutes)
    {
        update(id, [&](OrderEvent &e) {
            e.status = OrderStatus::Delivered;
            e.deliveryMin = minutes;
        });
    }
    void cancel(const std::string &id)
    {
        update(id, [](OrderEvent &e) { e.status = OrderStatus::Cancelled; });
    }
    void rate(const std::string &id, double rating)
    {
        update(id, [&](OrderEvent &e) { e.rating = rating; });
    }

private:
    Analysis &m_a;
    EventContext m_ctx{false, 0, 0, nullptr};
    std::unordered_map<std::string, OrderEvent> m_orders;
};

DeliveryReport reportOf(const DeliveryAnalysis &a)
{
    Report r;
    a.fillReport(r);
    return r.delivery;
}

DeliveryAnalysis makeAnalysis()
{
    return DeliveryAnalysis(EngineSettings{}, seoulHour);
}

} // namespace

class TestDeliveryAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyHasAllDistanceBuckets()
    {
        DeliveryAnalysis a = makeAnalysis();
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.count, std::int64_t(0));
        QVERIFY(!r.mean && !r.p50 && !r.p90 && !r.p99);
        QVERIFY(r.histogram.empty());
        QCOMPARE(r.byDistance.size(), std::size_t(5));
        const double from[] = {0, 1, 2, 3, 5};
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(r.byDistance[i].fromKm, from[i]);
            QCOMPARE(r.byDistance[i].count, std::int64_t(0));
            QVERIFY(!r.byDistance[i].mean.has_value());
        }
        QCOMPARE(r.byDistance[3].toKm, std::optional<double>(5));
        QVERIFY(!r.byDistance[4].toKm.has_value());
        for (const auto &h : r.lateRateByHour)
            QVERIFY(!h.has_value());
    }

    void placedDeliveredRated()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        d.place(placed("O-1", kT0, 2.4, 40));
        QCOMPARE(reportOf(a).count, std::int64_t(0)); // placed: not delivered yet
        d.deliver("O-1", 37.5);
        d.rate("O-1", 4.5);
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.count, std::int64_t(1));
        QCOMPARE(r.mean, std::optional<double>(37.5));
        QCOMPARE(r.p50, std::optional<double>(37.5));
        QCOMPARE(r.p90, std::optional<double>(37.5));
        QCOMPARE(r.p99, std::optional<double>(37.5));
        QCOMPARE(r.histogram.size(), std::size_t(8)); // [0,5) .. [35,40), contiguous
        QCOMPARE(r.histogram.back(), (HistogramBucket{35, 40, 1}));
        QCOMPARE(r.histogram.front(), (HistogramBucket{0, 5, 0}));
        QCOMPARE(r.byDistance[2].count, std::int64_t(1));
        QCOMPARE(r.byDistance[2].mean, std::optional<double>(37.5));
        QCOMPARE(r.lateRateByHour[9], std::optional<double>(0.0)); // placed 09:xx Seoul, on time
    }

    void cancelledIsNotCountedAndRetracts()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        d.place(placed("O-1", kT0, 0.5, 30));
        d.place(placed("O-2", kT0, 6.0, 30));
        d.cancel("O-1"); // placed -> cancelled: never counted
        QCOMPARE(reportOf(a).count, std::int64_t(0));
        d.deliver("O-2", 45);
        QCOMPARE(reportOf(a).count, std::int64_t(1));
        QCOMPARE(reportOf(a).lateRateByHour[9], std::optional<double>(1.0));
        d.cancel("O-2"); // delivered -> cancelled: retracted everywhere
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.count, std::int64_t(0));
        QVERIFY(!r.mean && !r.p50);
        QVERIFY(r.histogram.empty());
        QCOMPARE(r.byDistance[4].count, std::int64_t(0));
        QVERIFY(!r.byDistance[4].mean.has_value());
        QVERIFY(!r.lateRateByHour[9].has_value());
    }

    void deliveredWithoutMinutesIsLeftOut()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        OrderEvent e = placed("O-1", kT0, 1.0, 30);
        e.status = OrderStatus::Delivered; // a complete record without delivery_min
        d.place(e);
        OrderEvent f = placed("O-2", kT0, 1.0, 30);
        f.deliveryMin = 20; // minutes without delivered status
        d.place(f);
        QCOMPARE(reportOf(a).count, std::int64_t(0));
        QCOMPARE(reportOf(a).byDistance[1].count, std::int64_t(0));
    }

    void histogramEdges()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        const double minutes[] = {0, 4.999, 4.9996, 5.0, 12.0, 14.9999};
        for (std::size_t i = 0; i < std::size(minutes); ++i) {
            d.place(placed("O-" + std::to_string(i), kT0));
            d.deliver("O-" + std::to_string(i), minutes[i]);
        }
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.histogram.size(), std::size_t(3));
        QCOMPARE(r.histogram[0], (HistogramBucket{0, 5, 3})); // 4.9996 stays below 5
        QCOMPARE(r.histogram[1], (HistogramBucket{5, 10, 1}));
        QCOMPARE(r.histogram[2], (HistogramBucket{10, 15, 2}));
        // Rank 3 of 6 is 4.9996; its bucket also holds 4.999 and 5.0, so the mean is reported.
        QVERIFY(std::abs(*r.p50 - 4.9996) <= 0.01 * 4.9996);
        QCOMPARE(r.p99, std::optional<double>(15.0)); // 14.9999 is 15.000 in thousandths
    }

    void absurdMinutesStayBounded()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        d.place(placed("O-1", kT0));
        d.deliver("O-1", 1e9);
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.histogram.size(), std::size_t(DeliveryAnalysis::kMaxHistogramBuckets));
        QCOMPARE(r.histogram.back().count, std::int64_t(1));
        QVERIFY(std::abs(*r.p50 - 1e9) <= 0.01 * 1e9);
    }

    void distanceBucketEdges()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        const double km[] = {0.0, 0.999, 1.0, 1.999, 2.0, 3.0, 4.999, 5.0, 50.0};
        const int expected[] = {0, 0, 1, 1, 2, 3, 3, 4, 4};
        for (std::size_t i = 0; i < std::size(km); ++i) {
            const std::string id = "O-" + std::to_string(i);
            d.place(placed(id, kT0, km[i]));
            d.deliver(id, 10.0 * static_cast<double>(i + 1));
        }
        d.place(placed("O-none", kT0)); // no distance: only in the overall figures
        d.deliver("O-none", 99);
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.count, std::int64_t(10));
        std::int64_t counts[5] = {};
        double sums[5] = {};
        for (std::size_t i = 0; i < std::size(km); ++i) {
            ++counts[expected[i]];
            sums[expected[i]] += 10.0 * static_cast<double>(i + 1);
        }
        for (int b = 0; b < 5; ++b) {
            QCOMPARE(r.byDistance[b].count, counts[b]);
            QCOMPARE(*r.byDistance[b].mean, std::round(sums[b] / double(counts[b]) * 10000) / 10000);
        }
    }

    void lateRateByPlacementHour()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        // 23:59:59.999 Seoul and 00:00 Seoul fall in different hours.
        const TimestampMs beforeMidnight = kT0 + 15 * kMsPerHour - 1; // 23:59:59.999 in Seoul
        d.place(placed("O-1", beforeMidnight, 1.0, 30));
        d.place(placed("O-2", beforeMidnight + 1, 1.0, 30));
        d.place(placed("O-3", beforeMidnight + 2, 1.0, 30));
        d.place(placed("O-4", beforeMidnight + 3, 1.0)); // no promised_min: no late base
        d.deliver("O-1", 30);                            // equal: not late
        d.deliver("O-2", 30.001);                        // late
        d.deliver("O-3", 10);
        d.deliver("O-4", 99);
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.lateRateByHour[23], std::optional<double>(0.0));
        QCOMPARE(r.lateRateByHour[0], std::optional<double>(0.5));
        for (int h = 1; h < 23; ++h)
            QVERIFY(!r.lateRateByHour[h].has_value());
    }

    void percentilesWithinOnePercentUnderUpdates()
    {
        DeliveryAnalysis a = makeAnalysis();
        Driver d(a);
        std::mt19937_64 rng(8);
        std::vector<double> kept;
        for (int i = 0; i < 20'000; ++i) {
            const std::string id = "O-" + std::to_string(i);
            d.place(placed(id, kT0 + i * 1000));
            const double minutes = static_cast<double>(5'000 + rng() % 80'000) / 1000.0;
            d.deliver(id, minutes);
            if (i % 5 == 0)
                d.cancel(id); // cancelled after delivery: out again
            else
                kept.push_back(minutes);
        }
        std::sort(kept.begin(), kept.end());
        const DeliveryReport r = reportOf(a);
        QCOMPARE(r.count, std::int64_t(kept.size()));
        const auto exact = [&](int p) {
            const std::size_t rank = (static_cast<std::size_t>(p) * kept.size() + 99) / 100;
            return kept[rank - 1];
        };
        QVERIFY(std::abs(*r.p50 - exact(50)) <= 0.01 * exact(50));
        QVERIFY(std::abs(*r.p90 - exact(90)) <= 0.01 * exact(90));
        QVERIFY(std::abs(*r.p99 - exact(99)) <= 0.01 * exact(99));
        std::int64_t histogramTotal = 0;
        for (const auto &b : r.histogram)
            histogramTotal += b.count;
        QCOMPARE(histogramTotal, r.count);
    }

    void snapshotMatchesReportAndChartsMinutes()
    {
        EngineSettings settings;
        settings.snapshotMinutes = 3;
        DeliveryAnalysis a(settings, seoulHour);
        Driver d(a);
        for (int minute = 0; minute < 5; ++minute) {
            for (int i = 0; i < 10; ++i) {
                const std::string id = "O-" + std::to_string(minute) + "-" + std::to_string(i);
                d.place(placed(id, kT0 + minute * kMsPerMinute + i * 1000));
                d.deliver(id, 10.0 * (minute + 1) + i);
            }
        }
        Snapshot s;
        a.fillSnapshot(s);
        QCOMPARE(s.delivery, reportOf(a));
        // The last three placement minutes: 2, 3, 4.
        QCOMPARE(s.deliveryPercentiles.size(), std::size_t(3));
        QCOMPARE(s.deliveryPercentiles[0].start, kT0 + 2 * kMsPerMinute);
        QCOMPARE(s.deliveryPercentiles[2].start, kT0 + 4 * kMsPerMinute);
        for (std::size_t k = 0; k < 3; ++k) {
            const double base = 10.0 * double(k + 3);
            QCOMPARE(s.deliveryPercentiles[k].count, std::int64_t(10));
            QVERIFY(std::abs(s.deliveryPercentiles[k].p50 - (base + 4)) <= 0.02 * (base + 4));
            QVERIFY(std::abs(s.deliveryPercentiles[k].p90 - (base + 8)) <= 0.02 * (base + 8));
        }
        // Cancelling a charted order takes it out of its minute.
        d.cancel("O-4-9");
        a.fillSnapshot(s);
        QCOMPARE(s.deliveryPercentiles[2].count, std::int64_t(9));
        // and cancelling one of a minute no longer charted changes only the totals.
        d.cancel("O-0-0");
        a.fillSnapshot(s);
        QCOMPARE(s.delivery.count, std::int64_t(48));
        QCOMPARE(s.deliveryPercentiles.size(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestDeliveryAnalysis)
#include "tst_delivery_analysis.moc"
