#include "analytics/MerchantAnalysis.h"

#include <QTest>
#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace op;

namespace {

constexpr TimestampMs kT0 = 1'772'336'096'789;

OrderEvent order(const std::string &id, const std::string &merchant, TimestampMs t, Money amount,
                 const std::string &name = {})
{
    OrderEvent e;
    e.type = EventType::Placed;
    e.orderId = id;
    e.customerId = "C-1";
    e.merchantId = merchant;
    e.merchantName = name;
    e.eventTime = t;
    e.amount = amount;
    e.status = OrderStatus::Placed;
    return e;
}

// Drives an analysis the way the engine does: keeps each order's merged state and passes
// before/after on every change.
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
    void deliver(const std::string &id, double minutes, std::optional<double> promised = std::nullopt)
    {
        update(id, [&](OrderEvent &e) {
            e.status = OrderStatus::Delivered;
            e.deliveryMin = minutes;
            if (promised)
                e.promisedMin = promised;
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
    EventContext m_ctx;
    std::unordered_map<std::string, OrderEvent> m_orders;
};

MerchantRow rowOf(const MerchantAnalysis &a, const std::string &merchant)
{
    Report r;
    a.fillReport(r);
    for (const MerchantRow &m : r.merchants) {
        if (m.merchantId == merchant)
            return m;
    }
    qFatal("no merchant %s", merchant.c_str());
}

} // namespace

class TestMerchantAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void placedDeliveredRated()
    {
        MerchantAnalysis a{EngineSettings{}};
        Driver d(a);
        d.place(order("O-1", "R-1", kT0, 21'000, "Kyochon"));
        MerchantRow m = rowOf(a, "R-1");
        QCOMPARE(m.orders, std::int64_t(1));
        QCOMPARE(m.sales, Money(21'000));
        QCOMPARE(m.avgOrderValue, Money(21'000));
        QCOMPARE(m.name, std::string("Kyochon"));
        QVERIFY(!m.rating.has_value()); // nothing rated yet: null, not 0
        QVERIFY(!m.deliveryMin.has_value());
        QCOMPARE(m.lateRate, 0.0);
        QCOMPARE(m.cancelRate, 0.0);

        d.deliver("O-1", 37.5, 40);
        m = rowOf(a, "R-1");
        QCOMPARE(m.deliveryMin, std::optional<double>(37.5));
        QVERIFY(!m.rating.has_value());
        QCOMPARE(m.lateRate, 0.0);

        d.rate("O-1", 4.5);
        m = rowOf(a, "R-1");
        QCOMPARE(m.rating, std::optional<double>(4.5));
        QCOMPARE(m.deliveryMin, std::optional<double>(37.5));
        QCOMPARE(m.orders, std::int64_t(1)); // updates never count an order again
        QCOMPARE(m.sales, Money(21'000));
    }

    void placedCancelled()
    {
        MerchantAnalysis a{EngineSettings{}};
        Driver d(a);
        d.place(order("O-1", "R-1", kT0, 10'000));
        d.place(order("O-2", "R-1", kT0 + 1, 10'001));
        d.cancel("O-2");
        MerchantRow m = rowOf(a, "R-1");
        QCOMPARE(m.orders, std::int64_t(2)); // a cancelled order still counts, in sales too
        QCOMPARE(m.sales, Money(20'001));
        QCOMPARE(m.avgOrderValue, Money(10'001)); // 10000.5 rounds half away from zero
        QCOMPARE(m.cancelRate, 0.5);

        // Delivered, then cancelled: the delivery is retracted.
        d.deliver("O-1", 50, 30);
        QCOMPARE(rowOf(a, "R-1").lateRate, 1.0);
        d.cancel("O-1");
        m = rowOf(a, "R-1");
        QCOMPARE(m.cancelRate, 1.0);
        QVERIFY(!m.deliveryMin.has_value());
        QCOMPARE(m.lateRate, 0.0);
    }

    void nullRatingAndDelivery()
    {
        MerchantAnalysis a{EngineSettings{}};
        Driver d(a);
        OrderEvent e = order("O-1", "R-1", kT0, 5000);
        e.status = OrderStatus::Delivered; // delivered but no delivery_min
        d.place(e);
        OrderEvent f = order("O-2", "R-1", kT0, 5000);
        f.deliveryMin = 12; // a delivery_min without delivered status does not count
        d.place(f);
        const MerchantRow m = rowOf(a, "R-1");
        QVERIFY(!m.deliveryMin.has_value());
        QVERIFY(!m.rating.has_value());
        QCOMPARE(m.lateRate, 0.0);

        // A rating counts whatever the status, also 0.
        d.rate("O-2", 0.0);
        QCOMPARE(rowOf(a, "R-1").rating, std::optional<double>(0.0));
    }

    void lateRateBoundaries()
    {
        MerchantAnalysis a{EngineSettings{}};
        Driver d(a);
        for (int i = 1; i <= 5; ++i)
            d.place(order("O-" + std::to_string(i), "R-1", kT0 + i, 1000));
        d.deliver("O-1", 40, 40);     // equal: not late
        d.deliver("O-2", 40.001, 40); // late
        d.deliver("O-3", 39.999, 40); // on time
        d.deliver("O-4", 90);         // no promised_min: outside the late base
        // O-5 never delivered
        const MerchantRow m = rowOf(a, "R-1");
        QCOMPARE(m.lateRate, 0.3333);                         // 1 / 3, four decimals
        QCOMPARE(m.deliveryMin, std::optional<double>(52.5)); // (40 + 40.001 + 39.999 + 90) / 4
    }

    void meansAreRoundedFromIntegerSums()
    {
        MerchantAnalysis a{EngineSettings{}};
        Driver d(a);
        const double ratings[] = {4.5, 4.0, 3.9};
        const double minutes[] = {10.0, 10.0, 10.001};
        for (int i = 0; i < 3; ++i) {
            const std::string id = "O-" + std::to_string(i);
            d.place(order(id, "R-1", kT0 + i, 1000));
            d.rate(id, ratings[i]);
            d.deliver(id, minutes[i]);
        }
        const MerchantRow m = rowOf(a, "R-1");
        QCOMPARE(m.rating, std::optional<double>(4.1333));       // 1240 / 300
        QCOMPARE(m.deliveryMin, std::optional<double>(10.0003)); // 30001 / 3000 = 10.000333
        QCOMPARE(m.cancelRate, 0.0);
    }

    void nameOfTheLatestNamedOrder()
    {
        MerchantAnalysis a{EngineSettings{}};
        Driver d(a);
        d.place(order("O-5", "R-1", kT0 + 10, 1000, "Late name"));
        d.place(order("O-1", "R-1", kT0, 1000, "Early name")); // older: ignored
        d.place(order("O-9", "R-1", kT0 + 20, 1000));          // newest but unnamed
        QCOMPARE(rowOf(a, "R-1").name, std::string("Late name"));
        d.place(order("O-6", "R-1", kT0 + 10, 1000, "Same time, larger id"));
        QCOMPARE(rowOf(a, "R-1").name, std::string("Same time, larger id"));
        d.place(order("O-4", "R-1", kT0 + 10, 1000, "Same time, smaller id"));
        QCOMPARE(rowOf(a, "R-1").name, std::string("Same time, larger id"));

        MerchantAnalysis b{EngineSettings{}};
        Driver e(b);
        e.place(order("O-1", "R-2", kT0, 1000));
        QCOMPARE(rowOf(b, "R-2").name, std::string()); // no named order at all
    }

    void rowsByMerchantIdBytesAndNoEmptyId()
    {
        MerchantAnalysis a{EngineSettings{}};
        Driver d(a);
        for (const char *m : {"r-1", "R-10", "R-9", "", "\xea\xb0\x80"})
            d.place(order(std::string("O-") + m, m, kT0, 1000));
        Report r;
        a.fillReport(r);
        std::vector<std::string> ids;
        for (const auto &m : r.merchants)
            ids.push_back(m.merchantId);
        QCOMPARE(ids, (std::vector<std::string>{"R-10", "R-9", "r-1", "\xea\xb0\x80"}));
        Snapshot s;
        a.fillSnapshot(s);
        QCOMPARE(s.merchants, r.merchants);
    }

    void arrivalOrderNeverChangesBits()
    {
        // The same orders and final outcomes through different interleavings of placements and
        // updates give identical reports.
        std::mt19937_64 rng(77);
        struct Plan
        {
            OrderEvent placed;
            std::optional<double> delivered, promised, rating;
            bool cancelAfter = false;
        };
        std::vector<Plan> plans;
        for (int i = 0; i < 3000; ++i) {
            Plan p;
            p.placed = order("O-" + std::to_string(i), "R-" + std::to_string(rng() % 13),
                             kT0 + (rng() % 100000), static_cast<Money>(rng() % 90'000),
                             rng() % 3 ? "Name " + std::to_string(rng() % 5) : "");
            if (rng() % 4)
                p.delivered = static_cast<double>(rng() % 90'000) / 1000.0;
            if (rng() % 3)
                p.promised = static_cast<double>(rng() % 90);
            if (rng() % 2)
                p.rating = static_cast<double>(rng() % 51) / 10.0;
            p.cancelAfter = rng() % 10 == 0;
            plans.push_back(p);
        }
        auto run = [&](std::uint64_t seed) {
            std::mt19937_64 shuffle(seed);
            std::vector<Plan> order = plans;
            std::shuffle(order.begin(), order.end(), shuffle);
            MerchantAnalysis a{EngineSettings{}};
            Driver d(a);
            for (const Plan &p : order)
                d.place(p.placed);
            std::shuffle(order.begin(), order.end(), shuffle);
            for (const Plan &p : order) {
                if (p.rating)
                    d.rate(p.placed.orderId, *p.rating);
            }
            for (const Plan &p : order) {
                if (p.delivered)
                    d.deliver(p.placed.orderId, *p.delivered, p.promised);
                if (p.cancelAfter)
                    d.cancel(p.placed.orderId);
            }
            Report r;
            a.fillReport(r);
            return r.merchants;
        };
        const auto first = run(1);
        QCOMPARE(first.size(), std::size_t(13));
        QCOMPARE(run(2), first);
        QCOMPARE(run(3), first);
    }
};

QTEST_GUILESS_MAIN(TestMerchantAnalysis)
#include "tst_merchant_analysis.moc"
