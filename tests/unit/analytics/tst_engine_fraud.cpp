// Fraud rules: IP velocity (live and settled) and high-value orders.
#include "RandomOrders.h"

#include "analytics/Engine.h"

#include <QTest>

#include <algorithm>
#include <random>

using namespace op;
using optest::at;
using optest::makeOrder;

namespace {

const TimestampMs kT0 = at("2026-03-01T00:00:00Z");

OrderEvent fromIp(const std::string &id, TimestampMs t, const std::string &ip, Money amount = 10000)
{
    OrderEvent e = makeOrder(id, t, "C-" + id, amount);
    e.ip = ip;
    return e;
}

void feed(Engine &engine, OrderEvent e)
{
    engine.process(e);
}

std::vector<Alert> ipAlerts(const Report &r)
{
    std::vector<Alert> out;
    std::copy_if(r.alerts.begin(), r.alerts.end(), std::back_inserter(out),
                 [](const Alert &a) { return a.rule == AlertRule::IpVelocity; });
    return out;
}

} // namespace

class TestEngineFraud : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ipVelocityFiresOnExactlyTheTenthOncePerWindow()
    {
        Engine engine;
        std::vector<Alert> live;
        engine.setAlertCallback([&live](const Alert &a) { live.push_back(a); });
        for (int i = 0; i < 9; ++i)
            feed(engine, fromIp("A" + std::to_string(i), kT0 + i * 1000, "198.51.100.1"));
        QVERIFY(live.empty());
        feed(engine, fromIp("A9", kT0 + 9000, "198.51.100.1"));
        QCOMPARE(live.size(), std::size_t(1));
        QCOMPARE(live[0].rule, AlertRule::IpVelocity);
        QCOMPARE(live[0].entity, std::string("198.51.100.1"));
        QCOMPARE(live[0].value, 10);
        QCOMPARE(live[0].eventTime, kT0 + 9000);
        QCOMPARE(live[0].orderId, std::string("A9"));
        QCOMPARE(live[0].windowStart, std::optional<TimestampMs>(kT0));
        QCOMPARE(live[0].severity, AlertSeverity::Warning);
        for (int i = 10; i < 25; ++i) // up to 25 in the same minute: no second alert
            feed(engine, fromIp("A" + std::to_string(i), kT0 + 10000 + i * 100, "198.51.100.1"));
        QCOMPARE(live.size(), std::size_t(1));
        QCOMPARE(engine.alertsEmitted(), 1);
        // Another IP and the next minute are separate.
        for (int i = 0; i < 10; ++i)
            feed(engine, fromIp("B" + std::to_string(i), kT0 + 20000 + i, "198.51.100.2"));
        for (int i = 0; i < 10; ++i)
            feed(engine, fromIp("C" + std::to_string(i), kT0 + 60000 + i, "198.51.100.1"));
        QCOMPARE(live.size(), std::size_t(3));
        QCOMPARE(engine.snapshot()->recentAlerts.size(), std::size_t(3));
        QCOMPARE(engine.snapshot()->recentAlerts.back().entity, std::string("198.51.100.1")); // newest last

        engine.finish();
        const auto settled = ipAlerts(engine.report());
        QCOMPARE(settled.size(), std::size_t(3));
        QCOMPARE(settled[0].entity, std::string("198.51.100.1"));
        QCOMPARE(settled[0].value, 25); // the final count
        QCOMPARE(settled[0].severity, AlertSeverity::Critical); // >= 2 x 10
        QCOMPARE(settled[0].eventTime, kT0 + 9000);
        QCOMPARE(settled[1].entity, std::string("198.51.100.2"));
        QCOMPARE(settled[1].value, 10);
        QCOMPARE(settled[1].severity, AlertSeverity::Warning);
        QCOMPARE(settled[2].windowStart, std::optional<TimestampMs>(kT0 + 60000));
    }

    void nineIsNotEnoughAndWindowsDoNotSpanMinutes()
    {
        Engine engine;
        for (int i = 0; i < 9; ++i)
            feed(engine, fromIp("A" + std::to_string(i), kT0 + 50000 + i * 100, "203.0.113.5"));
        for (int i = 0; i < 9; ++i) // 18 within 20 s, but split over two minutes
            feed(engine, fromIp("B" + std::to_string(i), kT0 + 60000 + i * 100, "203.0.113.5"));
        feed(engine, fromIp("EMPTY", kT0 + 61000, ""));
        engine.finish();
        QVERIFY(ipAlerts(engine.report()).empty());
        QCOMPARE(engine.alertsEmitted(), 0);
    }

    void settledAlertBelongsToTheTenthByTimeThenOrderId()
    {
        // 14 orders of one IP in one minute, some at equal times, arriving shuffled (within the
        // lateness). The live alert names whichever arrived tenth; the settled one the tenth in
        // (event_time, order_id) order.
        std::vector<OrderEvent> burst;
        const TimestampMs times[] = {1000, 3000, 3000, 3000, 5000, 7000, 8000, 8000, 9000, 9000, 9000, 9500, 9800, 10000};
        const char *ids[] = {"O-13", "O-07", "O-02", "O-11", "O-04", "O-05", "O-10", "O-01", "O-09", "O-03", "O-12", "O-06", "O-08", "O-00"};
        for (int i = 0; i < 14; ++i)
            burst.push_back(fromIp(ids[i], kT0 + 30000 + times[i], "192.0.2.77"));
        // The tenth by (time, id): 9 s apart at most, so no arrival order makes one late.
        std::vector<std::pair<TimestampMs, std::string>> keys;
        for (const OrderEvent &e : burst)
            keys.emplace_back(e.eventTime, e.orderId);
        std::sort(keys.begin(), keys.end());
        const auto tenth = keys[9];
        QCOMPARE(tenth.second, std::string("O-09"));

        std::mt19937 rng(7);
        for (int round = 0; round < 20; ++round) {
            std::shuffle(burst.begin(), burst.end(), rng);
            Engine engine;
            std::vector<Alert> live;
            engine.setAlertCallback([&live](const Alert &a) { live.push_back(a); });
            for (const OrderEvent &e : burst)
                feed(engine, e);
            QCOMPARE(live.size(), std::size_t(1));
            QCOMPARE(live[0].orderId, burst[9].orderId); // the tenth to arrive
            engine.finish();
            const Report r = engine.report();
            const auto settled = ipAlerts(r);
            QCOMPARE(settled.size(), std::size_t(1));
            QCOMPARE(settled[0].eventTime, tenth.first);
            QCOMPARE(settled[0].orderId, tenth.second);
            QCOMPARE(settled[0].value, 14);
            QCOMPARE(r.realtimeStats.size(), std::size_t(1));
            QCOMPARE(r.realtimeStats[0].suspiciousIpCount, 1);
        }
    }

    void suspiciousIpCountLandsInTheWindowOfTheSettledTenth()
    {
        // First: orders more than the lateness behind are late, and late orders are left out
        // of IP velocity.
        std::vector<OrderEvent> orders;
        for (int i = 0; i < 5; ++i)
            orders.push_back(fromIp("E" + std::to_string(i), kT0 + 20000 + i, "192.0.2.1"));
        for (int i = 0; i < 5; ++i)
            orders.push_back(fromIp("L" + std::to_string(i), kT0 + 40000 + i, "192.0.2.1"));
        Engine engine;
        std::vector<Alert> live;
        engine.setAlertCallback([&live](const Alert &a) { live.push_back(a); });
        for (int i = 5; i < 10; ++i) // the 40 s ones first: the watermark goes to 30 s
            feed(engine, orders[static_cast<std::size_t>(i)]);
        QCOMPARE(engine.watermark(), kT0 + 30004);
        for (int i = 0; i < 5; ++i) // so the 20 s ones are late
            feed(engine, orders[static_cast<std::size_t>(i)]);
        QCOMPARE(engine.events().late, 5);
        QVERIFY(live.empty());
        engine.finish();
        QVERIFY(ipAlerts(engine.report()).empty());

        // Within the lateness: the 40 s ones arrive first, then five at 31 s. The tenth to
        // arrive is at 31 s, window [30, 60); the tenth by time is the last 40 s one.
        Engine engine2;
        for (int i = 5; i < 10; ++i)
            feed(engine2, orders[static_cast<std::size_t>(i)]);
        for (int i = 0; i < 5; ++i)
            feed(engine2, fromIp("M" + std::to_string(i), kT0 + 31000 + i, "192.0.2.1"));
        engine2.finish();
        const Report r = engine2.report();
        const auto settled = ipAlerts(r);
        QCOMPARE(settled.size(), std::size_t(1));
        QCOMPARE(settled[0].eventTime, kT0 + 40004); // tenth by time
        QCOMPARE(r.realtimeStats.size(), std::size_t(1));
        QCOMPARE(r.realtimeStats[0].windowStart, kT0 + 30000);
        QCOMPARE(r.realtimeStats[0].suspiciousIpCount, 1);

        // Across the 30 s boundary: the tenth to arrive is at 31 s (window [30, 60)) but the
        // tenth by time is at 29 s: window [0, 30) gets the count, [30, 60) does not.
        Engine engine3;
        std::vector<Alert> live3;
        engine3.setAlertCallback([&live3](const Alert &a) { live3.push_back(a); });
        for (int i = 0; i < 9; ++i)
            feed(engine3, fromIp("N" + std::to_string(i), kT0 + 20000 + i * 1000, "192.0.2.9"));
        feed(engine3, fromIp("P0", kT0 + 31000, "192.0.2.9"));
        feed(engine3, fromIp("N9", kT0 + 29000, "192.0.2.9"));
        feed(engine3, fromIp("P1", kT0 + 31001, "192.0.2.9"));
        feed(engine3, fromIp("P2", kT0 + 31002, "192.0.2.9"));
        QCOMPARE(engine3.events().late, 0);
        QCOMPARE(live3.size(), std::size_t(1));
        QCOMPARE(live3[0].eventTime, kT0 + 31000);
        engine3.finish();
        const Report r3 = engine3.report();
        QCOMPARE(r3.realtimeStats.size(), std::size_t(2));
        QCOMPARE(r3.realtimeStats[0].suspiciousIpCount, 1);
        QCOMPARE(r3.realtimeStats[1].suspiciousIpCount, 0);
        QCOMPARE(ipAlerts(r3)[0].value, 13);
        QCOMPARE(ipAlerts(r3)[0].eventTime, kT0 + 29000);
    }

    void thresholdsAndWindowsAreSettings()
    {
        EngineSettings settings;
        settings.ipVelocityThreshold = 3;
        settings.ipVelocityWindowMs = 10 * kMsPerSecond;
        settings.highValueThreshold = 100;
        Engine engine(settings);
        feed(engine, fromIp("A", kT0 + 1000, "10.0.0.1", 50));
        feed(engine, fromIp("B", kT0 + 2000, "10.0.0.1", 50));
        feed(engine, fromIp("C", kT0 + 11000, "10.0.0.1", 50)); // next 10 s window
        feed(engine, fromIp("D", kT0 + 12000, "10.0.0.1", 150));
        feed(engine, fromIp("E", kT0 + 13000, "10.0.0.1", 200));
        engine.finish();
        const Report r = engine.report();
        const auto ip = ipAlerts(r);
        QCOMPARE(ip.size(), std::size_t(1));
        QCOMPARE(ip[0].windowStart, std::optional<TimestampMs>(kT0 + 10000));
        QCOMPARE(ip[0].orderId, std::string("E"));
        QCOMPARE(r.alerts.size(), std::size_t(3)); // D and E are high value
    }

    void highValueOrders()
    {
        Engine engine;
        std::vector<Alert> live;
        engine.setAlertCallback([&live](const Alert &a) { live.push_back(a); });
        feed(engine, makeOrder("H1", kT0 + 100000, "C-1", 500000));
        feed(engine, makeOrder("H0", kT0 + 101000, "C-1", 499999));
        feed(engine, makeOrder("H2", kT0 + 102000, "C-1", 1000000));
        feed(engine, makeOrder("LATE", kT0, "C-1", 700000)); // late: still an alert
        QCOMPARE(engine.events().late, 1);
        QCOMPARE(live.size(), std::size_t(3));
        engine.finish();
        const Report r = engine.report();
        QCOMPARE(r.alerts.size(), std::size_t(3));
        // Sorted by event time.
        QCOMPARE(r.alerts[0].entity, std::string("LATE"));
        QCOMPARE(r.alerts[0].value, 700000);
        QCOMPARE(r.alerts[0].severity, AlertSeverity::Warning);
        QCOMPARE(r.alerts[0].windowStart, std::optional<TimestampMs>());
        QCOMPARE(r.alerts[0].eventTime, kT0);
        QCOMPARE(r.alerts[1].entity, std::string("H1"));
        QCOMPARE(r.alerts[1].severity, AlertSeverity::Warning);
        QCOMPARE(r.alerts[2].entity, std::string("H2"));
        QCOMPARE(r.alerts[2].severity, AlertSeverity::Critical);
        QCOMPARE(r.alerts[2].orderId, std::string("H2"));
    }

    void alertsSortByTimeThenEntityThenRule()
    {
        Engine engine;
        // At the same time: a high-value order "203.0.113.1" (an id that looks like an IP) and
        // the IP 203.0.113.1 whose tenth order is at that time; and a high-value "100".
        for (int i = 0; i < 9; ++i)
            feed(engine, fromIp("Q" + std::to_string(i), kT0 + 1000 + i, "203.0.113.1"));
        feed(engine, fromIp("Q9", kT0 + 5000, "203.0.113.1"));
        feed(engine, makeOrder("203.0.113.1", kT0 + 5000, "C-1", 600000));
        feed(engine, makeOrder("100", kT0 + 5000, "C-1", 600000));
        engine.finish();
        const Report r = engine.report();
        QCOMPARE(r.alerts.size(), std::size_t(3));
        QCOMPARE(r.alerts[0].entity, std::string("100"));
        QCOMPARE(r.alerts[1].rule, AlertRule::HighValue); // "high_value" < "ip_velocity"
        QCOMPARE(r.alerts[2].rule, AlertRule::IpVelocity);
        QCOMPARE(r.alerts[1].entity, r.alerts[2].entity);
    }

    void recentAlertsAreCapped()
    {
        EngineSettings settings;
        settings.snapshotAlerts = 5;
        Engine engine(settings);
        for (int i = 0; i < 12; ++i)
            feed(engine, makeOrder("H" + std::to_string(i), kT0 + i, "C-1", 600000));
        const auto s = engine.snapshot();
        QCOMPARE(s->recentAlerts.size(), std::size_t(5));
        QCOMPARE(s->recentAlerts.back().entity, std::string("H11"));
        QCOMPARE(s->recentAlerts.front().entity, std::string("H7"));
        QCOMPARE(s->openAlerts, 12);
    }
};

QTEST_GUILESS_MAIN(TestEngineFraud)
#include "tst_engine_fraud.moc"
