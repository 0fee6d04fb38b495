#include "GeneratorTestSupport.h"
#include "io/Generator.h"
#include "io/GeneratorCatalog.h"
#include "io/GeneratorIds.h"
#include "io/Validation.h"
#include "model/OrderEvent.h"
#include "model/Timestamp.h"

#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace op;
using namespace optest;

namespace {

bool isTenths(double v)
{
    const double scaled = v * 10.0;
    return scaled == static_cast<double>(std::llround(scaled));
}

bool isDottedQuad(const std::string &ip)
{
    int parts = 0;
    int value = -1;
    for (const char c : ip + '.') {
        if (c == '.') {
            if (value < 0 || value > 255)
                return false;
            ++parts;
            value = -1;
        } else if (c >= '0' && c <= '9') {
            value = (value < 0 ? 0 : value * 10) + (c - '0');
        } else {
            return false;
        }
    }
    return parts == 4;
}

// FNV-1a over every field of every record: a change anywhere changes the value.
class Fingerprint
{
public:
    void add(std::string_view bytes)
    {
        for (const unsigned char c : bytes)
            m_hash = (m_hash ^ c) * 0x100000001b3ULL;
        m_hash = (m_hash ^ 0xff) * 0x100000001b3ULL; // field separator
    }
    void add(std::int64_t v) { add(std::to_string(v)); }
    void add(const std::optional<double> &v) { add(v ? std::llround(*v * 10) : -1); }
    void add(const GeneratedRecord &r)
    {
        const OrderEvent &e = r.event;
        add(static_cast<std::int64_t>(r.bad));
        add(static_cast<std::int64_t>(e.type));
        for (const std::string *text : {&e.orderId, &e.customerId, &e.merchantId, &e.merchantName,
                                        &e.category, &e.region, &e.ip, &e.payment})
            add(*text);
        add(e.eventTime);
        for (const auto &item : e.items) {
            add(item.name);
            add(item.qty);
            add(item.unitPrice);
        }
        add(e.amount.value_or(-1));
        add(e.deliveryFee.value_or(-1));
        add(e.distanceKm);
        add(e.promisedMin);
        add(e.deliveryMin);
        add(e.rating);
        add(e.status ? static_cast<std::int64_t>(*e.status) : -1);
    }
    [[nodiscard]] std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

std::uint64_t fingerprintOf(const GeneratorOptions &options)
{
    Fingerprint f;
    for (const auto &r : generateAll(options))
        f.add(r);
    return f.value();
}

} // namespace

class TestGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameSequence()
    {
        GeneratorOptions o;
        o.orders = 20000;
        o.badRate = 0.01;
        o.seed = 7;
        const auto a = generateAll(o);
        const auto b = generateAll(o);
        QCOMPARE(a.size(), b.size());
        for (std::size_t i = 0; i < a.size(); ++i) {
            QVERIFY2(a[i].event == b[i].event, qPrintable(QString::number(i)));
            QVERIFY(a[i].bad == b[i].bad);
        }
        o.lifecycle = true;
        const auto c = generateAll(o);
        const auto d = generateAll(o);
        QCOMPARE(c.size(), d.size());
        QVERIFY(std::equal(c.begin(), c.end(), d.begin(), [](const auto &x, const auto &y) {
            return x.event == y.event && x.bad == y.bad;
        }));
    }

    // Same seed, same bytes on any machine: pinned values catch anything that varies between
    // compilers or standard libraries (argument evaluation order, std:: distributions, sort
    // stability, floating-point maths). A deliberate change to the generator updates them.
    void goldenFingerprints()
    {
        GeneratorOptions complete;
        complete.orders = 20000;
        complete.badRate = 0.01;
        GeneratorOptions lifecycle = complete;
        lifecycle.lifecycle = true;
        lifecycle.seed = 99;
        const std::uint64_t a = fingerprintOf(complete);
        const std::uint64_t b = fingerprintOf(lifecycle);
        qInfo("fingerprints: complete %016llx, lifecycle %016llx", static_cast<unsigned long long>(a),
              static_cast<unsigned long long>(b));
        QCOMPARE(a, std::uint64_t(0x4c35039caf296ecaULL));
        QCOMPARE(b, std::uint64_t(0x67387c311e59ffeaULL));
    }

    void differentSeedsDiffer()
    {
        GeneratorOptions o;
        o.orders = 2000;
        const auto a = generateAll(o);
        o.seed = 43;
        const auto b = generateAll(o);
        QCOMPARE(a.size(), b.size());
        std::size_t same = 0;
        for (std::size_t i = 0; i < a.size(); ++i)
            same += a[i].event == b[i].event ? 1 : 0;
        QCOMPARE(same, std::size_t(0));
    }

    // Bad records are extra: adding them leaves every good order exactly as it was.
    void badRecordsDoNotDisturbGoodOrders()
    {
        GeneratorOptions o;
        o.orders = 5000;
        const auto clean = generateAll(o);
        o.badRate = 0.05;
        const auto dirty = generateAll(o);
        QCOMPARE(dirty.size(), clean.size() + 250);
        QVERIFY(goodEvents(dirty) == goodEvents(clean));
    }

    void exactCounts_data()
    {
        QTest::addColumn<qint64>("orders");
        QTest::addColumn<double>("badRate");
        QTest::addColumn<bool>("lifecycle");
        QTest::newRow("one") << qint64(1) << 0.0 << false;
        QTest::newRow("seven") << qint64(7) << 1.0 << false;
        QTest::newRow("ninety-nine") << qint64(99) << 0.1 << false;
        QTest::newRow("hundred") << qint64(100) << 0.07 << true;
        QTest::newRow("odd") << qint64(12345) << 0.013 << false;
        QTest::newRow("odd lifecycle") << qint64(12345) << 0.013 << true;
        QTest::newRow("all bad") << qint64(300) << 1.0 << false;
    }
    void exactCounts()
    {
        QFETCH(qint64, orders);
        QFETCH(double, badRate);
        QFETCH(bool, lifecycle);
        GeneratorOptions o;
        o.orders = orders;
        o.badRate = badRate;
        o.lifecycle = lifecycle;
        Generator g(o);
        const std::int64_t expectedBad = std::llround(static_cast<double>(orders) * badRate);
        QCOMPARE(g.badRecordCount(), expectedBad);

        std::map<BadKind, std::int64_t> badCounts;
        std::int64_t good = 0;
        GeneratedRecord r;
        while (g.next(r)) {
            if (r.bad != BadKind::None)
                ++badCounts[r.bad];
            else if (r.event.type == EventType::Order || r.event.type == EventType::Placed)
                ++good;
        }
        QCOMPARE(good, orders);
        std::int64_t badTotal = 0;
        for (const BadKind kind : kBadKinds) {
            QCOMPARE(badCounts[kind], g.badRecordCount(kind));
            // Split evenly: every kind is present once there is one of each to give.
            QVERIFY(badCounts[kind] >= expectedBad / std::int64_t(kBadKinds.size()));
            badTotal += badCounts[kind];
        }
        QCOMPARE(badTotal, expectedBad);
    }

    void noOrdersNoRecords()
    {
        GeneratorOptions o;
        o.orders = 0;
        o.badRate = 0.5;
        Generator g(o);
        GeneratedRecord r;
        QVERIFY(!g.next(r));
        QVERIFY(!g.next(r));
    }

    void idsUniqueAndIncreasing()
    {
        GeneratorOptions o;
        o.orders = 30000;
        o.badRate = 0.02;
        const auto records = generateAll(o);
        Generator g(o);
        std::set<std::string> ids;
        std::int64_t expectedNumber = 1;
        std::int64_t badNumber = 1;
        char buffer[32];
        for (const auto &r : records) {
            const auto &e = r.event;
            if (r.bad == BadKind::None) {
                std::snprintf(buffer, sizeof buffer, "O-%07lld", static_cast<long long>(expectedNumber++));
                QCOMPARE(e.orderId, std::string(buffer));
            } else {
                std::snprintf(buffer, sizeof buffer, "X-%07lld", static_cast<long long>(badNumber++));
                QCOMPARE(e.orderId, r.bad == BadKind::MissingOrderId ? std::string() : std::string(buffer));
            }
            if (!e.orderId.empty())
                QVERIFY(ids.insert(e.orderId).second);
            QCOMPARE(e.customerId.size(), std::size_t(7)); // C-00001 .. C-03750
            const int customer = std::stoi(e.customerId.substr(2));
            QVERIFY(e.customerId.rfind("C-", 0) == 0 && customer >= 1 && customer <= g.customerCount());
            QCOMPARE(e.merchantId.size(), std::size_t(6)); // R-0001 .. R-0200
            const int merchant = std::stoi(e.merchantId.substr(2));
            QVERIFY(e.merchantId.rfind("R-", 0) == 0 && merchant >= 1 && merchant <= g.merchantCount());
        }
        QCOMPARE(expectedNumber - 1, o.orders);
        QCOMPARE(g.customerCount(), qint64(3750));
        QCOMPARE(g.merchantCount(), qint64(200));
    }

    void explicitPopulationSizes()
    {
        GeneratorOptions o;
        o.orders = 3000;
        o.customers = 50;
        o.merchants = 3;
        Generator g(o);
        QCOMPARE(g.customerCount(), qint64(50));
        QCOMPARE(g.merchantCount(), qint64(3));
        std::set<std::string> customers;
        std::set<std::string> merchants;
        GeneratedRecord r;
        while (g.next(r)) {
            customers.insert(r.event.customerId);
            merchants.insert(r.event.merchantId);
        }
        QCOMPARE(merchants, (std::set<std::string>{"R-0001", "R-0002", "R-0003"}));
        QVERIFY(customers.size() > 40 && customers.size() <= 50);
        QVERIFY(*customers.begin() >= "C-00001" && *customers.rbegin() <= "C-00050");
    }

    void idFormatting()
    {
        QCOMPARE(GeneratorIds::format('O', 42, 7), std::string("O-0000042"));
        QCOMPARE(GeneratorIds::format('O', 10000000, 8), std::string("O-10000000"));
        QCOMPARE(GeneratorIds::format('R', 12345, 4), std::string("R-12345")); // widens, never truncates
        std::string ip = "stale";
        GeneratorIds::formatIpv4Into(ip, 0xCB00710Au);
        QCOMPARE(ip, std::string("203.0.113.10"));
        GeneratorIds::formatIpv4Into(ip, 0x64400001u);
        QCOMPARE(ip, std::string("100.64.0.1"));
    }

    void timesSortedWithinSpan_data()
    {
        QTest::addColumn<qint64>("startOffset");
        QTest::addColumn<int>("days");
        QTest::newRow("default") << qint64(0) << 30;
        QTest::newRow("unaligned start, one day") << qint64(12345) << 1;
        QTest::newRow("a week") << qint64(7 * kMsPerHour) << 7;
    }
    void timesSortedWithinSpan()
    {
        QFETCH(qint64, startOffset);
        QFETCH(int, days);
        GeneratorOptions o;
        o.orders = 20000;
        o.days = days;
        o.start += startOffset;
        o.badRate = 0.01;
        Generator g(o);
        const TimestampMs end = o.start + days * kMsPerDay;
        QCOMPARE(g.endTime(), end);
        const TimestampMs futureMin = *parseIsoTimestamp("2099-01-01T00:00:00+09:00");
        TimestampMs last = o.start;
        GeneratedRecord r;
        while (g.next(r)) {
            const TimestampMs t = r.event.eventTime;
            if (r.bad == BadKind::MissingEventTime) {
                QCOMPARE(t, TimestampMs(0));
                continue;
            }
            if (r.bad == BadKind::FutureTime) {
                QVERIFY(t >= futureMin && t < futureMin + kMsPerDay);
                continue;
            }
            QVERIFY2(t >= last, qPrintable(QString::fromStdString(r.event.orderId)));
            QVERIFY(t >= o.start && t < end);
            last = t;
        }
    }

    void defaultStartIsSeoulMidnight()
    {
        QCOMPARE(GeneratorOptions{}.start, *parseIsoTimestamp("2026-03-01T00:00:00+09:00"));
    }

    void everyFieldPlausible()
    {
        const auto records = generateAll(realisticOptions());
        std::set<std::string_view> categories;
        std::set<std::string_view> regions;
        std::set<std::string_view> payments;
        for (const auto &c : GeneratorCatalog::categories())
            categories.insert(c.code);
        for (const auto &d : GeneratorCatalog::districts())
            regions.insert(d.nameKo);
        for (const auto &p : GeneratorCatalog::paymentMethods())
            payments.insert(p.code);
        QCOMPARE(regions.size(), std::size_t(25));
        ValidationRules rules;
        rules.nowMs = realisticOptions().start + 31 * kMsPerDay;

        std::set<std::string_view> seenCategories;
        std::set<std::string_view> seenRegions;
        for (const auto &r : records) {
            const OrderEvent &e = r.event;
            const QByteArray id = QByteArray::fromStdString(e.orderId);
            QVERIFY2(!validateEvent(e, rules).has_value(), id);
            QCOMPARE(e.type, EventType::Order);
            QVERIFY2(categories.count(e.category) == 1, id);
            QVERIFY(regions.count(e.region) == 1);
            QVERIFY(payments.count(e.payment) == 1);
            seenCategories.insert(*categories.find(e.category));
            seenRegions.insert(*regions.find(e.region));
            QVERIFY(!e.merchantName.empty() && isValidUtf8(e.merchantName));
            QVERIFY2(isDottedQuad(e.ip), e.ip.c_str());

            QVERIFY(!e.items.empty() && e.items.size() <= 4);
            Money items = 0;
            for (const auto &item : e.items) {
                QVERIFY(!item.name.empty() && isValidUtf8(item.name));
                QVERIFY(item.qty >= 1);
                QVERIFY2(item.unitPrice >= 100 && item.unitPrice <= 50000 && item.unitPrice % 100 == 0, id);
                items += item.qty * item.unitPrice;
            }
            QVERIFY(items >= 12000); // shops' minimum order
            const Money fee = *e.deliveryFee;
            QVERIFY(fee >= 0 && fee <= 4000 && fee % 500 == 0);
            QCOMPARE(*e.amount, items + fee);

            const double km = *e.distanceKm;
            QVERIFY2(km >= 0.3 && km <= 8.0 && isTenths(km), id);
            const double promised = *e.promisedMin;
            QVERIFY(promised >= 30 && promised <= 60 && static_cast<int>(promised) % 5 == 0);
            QVERIFY(e.status == OrderStatus::Delivered || e.status == OrderStatus::Cancelled);
            if (e.status == OrderStatus::Delivered) {
                QVERIFY(e.deliveryMin && *e.deliveryMin >= 8 && *e.deliveryMin < 120 &&
                        isTenths(*e.deliveryMin));
            } else {
                QVERIFY(!e.deliveryMin && !e.rating);
            }
            if (e.rating) {
                const double halves = *e.rating * 2;
                QVERIFY(*e.rating >= 1 && *e.rating <= 5 && halves == static_cast<int>(halves));
            }
        }
        QCOMPARE(seenCategories.size(), categories.size());
        QCOMPARE(seenRegions.size(), regions.size());
    }

    void semanticBadKindsBreakTheRightRule()
    {
        GeneratorOptions o;
        o.orders = 2000;
        o.badRate = 0.05;
        ValidationRules rules;
        rules.nowMs = o.start + 31 * kMsPerDay;
        const std::map<BadKind, std::string> reasons{
            {BadKind::NegativeAmount, "negative amount"},
            {BadKind::MissingOrderId, "missing order_id"},
            {BadKind::MissingEventTime, "missing event_time"},
            {BadKind::FutureTime, "event_time more than 1 day in the future"},
        };
        for (const auto &r : generateAll(o)) {
            const auto reason = validateEvent(r.event, rules);
            const auto expected = reasons.find(r.bad);
            if (expected == reasons.end()) // good, or broken later by the writer
                QVERIFY(!reason.has_value());
            else
                QCOMPARE(reason.value_or("valid"), expected->second);
        }
        QCOMPARE(badKindName(BadKind::InvalidUtf8), std::string_view("invalid_utf8"));
    }

    void lifecyclePairsEveryOrder()
    {
        GeneratorOptions o;
        o.orders = 30000;
        o.badRate = 0.01;
        const auto complete = goodEvents(generateAll(o));
        o.lifecycle = true;
        Generator g(o);
        struct Seen
        {
            const OrderEvent *order = nullptr;
            int terminal = 0;
            int rated = 0;
            TimestampMs deliveredAt = 0;
        };
        std::unordered_map<std::string, Seen> seen;
        for (const auto &e : complete)
            seen[e.orderId].order = &e;
        std::size_t maxInFlight = 0;
        TimestampMs last = o.start;
        GeneratedRecord r;
        while (g.next(r)) {
            maxInFlight = std::max(maxInFlight, g.followUpsInFlight());
            const OrderEvent &e = r.event;
            if (r.bad != BadKind::None) {
                QCOMPARE(e.type, EventType::Placed);
                continue;
            }
            QVERIFY(e.eventTime >= last);
            last = e.eventTime;
            auto it = seen.find(e.orderId);
            QVERIFY2(it != seen.end(), e.orderId.c_str());
            Seen &s = it->second;
            const OrderEvent &order = *s.order;
            switch (e.type) {
            case EventType::Placed: {
                OrderEvent expected = order; // the same order, minus what is not known yet
                expected.type = EventType::Placed;
                expected.status = OrderStatus::Placed;
                expected.deliveryMin.reset();
                expected.rating.reset();
                QVERIFY(e == expected);
                break;
            }
            case EventType::Delivered:
                ++s.terminal;
                QCOMPARE(order.status, OrderStatus::Delivered);
                QCOMPARE(e.deliveryMin, order.deliveryMin);
                QCOMPARE(e.eventTime, order.eventTime + std::llround(*order.deliveryMin * kMsPerMinute));
                s.deliveredAt = e.eventTime;
                break;
            case EventType::Cancelled:
                ++s.terminal;
                QCOMPARE(order.status, OrderStatus::Cancelled);
                QVERIFY(e.eventTime > order.eventTime && e.eventTime <= order.eventTime + 15 * kMsPerMinute);
                break;
            case EventType::Rated:
                ++s.rated;
                QVERIFY(s.deliveredAt != 0 && e.eventTime > s.deliveredAt);
                QCOMPARE(e.rating, order.rating);
                break;
            case EventType::Order:
                QFAIL("complete record in lifecycle mode");
            }
        }
        for (const auto &[id, s] : seen) {
            QVERIFY2(s.terminal == 1, id.c_str());
            QCOMPARE(s.rated, s.order->rating ? 1 : 0);
        }
        qInfo("lifecycle follow-ups in flight: at most %zu", maxInFlight);
        QVERIFY(maxInFlight < 2000); // about rate x (delivery + rating delay), not the whole dataset
    }

    void generatesQuickly()
    {
        GeneratorOptions o;
        o.orders = 1000000;
        QElapsedTimer timer;
        timer.start();
        Generator g(o);
        GeneratedRecord r;
        std::int64_t n = 0;
        Money sales = 0;
        while (g.next(r)) {
            ++n;
            sales += *r.event.amount;
        }
        const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        qInfo("1,000,000 orders in %.3f s: %.2f M orders/s (mean order %lld won)", seconds,
              1e-6 * 1e6 / seconds, static_cast<long long>(sales / n));
        QCOMPARE(n, qint64(1000000));
    }
};

QTEST_GUILESS_MAIN(TestGenerator)
#include "tst_generator.moc"
