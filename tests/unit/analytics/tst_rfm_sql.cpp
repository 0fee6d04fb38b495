// Differential test: the streaming analyses against the same definitions written in SQL (SQLite,
// NTILE window function, integer arithmetic), on generated datasets fed through placements and
// lifecycle updates in a shuffled order.
#include "analytics/CustomerAnalysis.h"
#include "analytics/DeliveryAnalysis.h"
#include "analytics/MerchantAnalysis.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace op;

namespace {

constexpr TimestampMs kT0 = 1'767'225'600'000; // 2026-01-01T00:00:00Z
constexpr TimestampMs kHorizonMs = 183 * kMsPerDay;

// SplitMix64: a generator whose sequence is the same on every platform and library.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
        : m_state(seed)
    {
    }
    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::int64_t below(std::int64_t n)
    {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
    bool chance(int percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

int seoulHour(TimestampMs t)
{
    return static_cast<int>(((t + 9 * kMsPerHour) % kMsPerDay + kMsPerDay) % kMsPerDay / kMsPerHour);
}

struct Profile
{
    const char *name;
    int customers;
    int merchants;
    int orders;
    TimestampMs spanMs;
    int distinctTimes; // > 0: event times drawn from this many values (ties in R)
    Money minAmount;
    Money maxAmount;
    int amountSteps; // > 0: amounts drawn from this many values (ties in M)
    std::uint64_t seed;
};

std::string customerId(int k)
{
    // Mixed shapes: byte order differs from numeric order, lower case sorts after upper case,
    // UTF-8 after ASCII, and some ids are longer than 15 bytes.
    switch (k % 6) {
    case 0:
        return "C-" + std::to_string(k);
    case 1:
        return "c-" + std::to_string(k);
    case 2:
        return "\xea\xb3\xa0\xea\xb0\x9d-" + std::to_string(k);
    case 3:
        return "customer-with-a-long-id-" + std::to_string(k);
    default: {
        char buf[16];
        std::snprintf(buf, sizeof buf, "C-%05d", k);
        return buf;
    }
    }
}

// One order's final merged state and how it got there.
struct GeneratedOrder
{
    OrderEvent final;
    bool lifecycle = false; // placed, then delivered / rated / cancelled as updates
};

std::vector<GeneratedOrder> generate(const Profile &p)
{
    Rng rng(p.seed);
    std::vector<GeneratedOrder> out;
    const char *names[] = {"Kyochon Gangnam", "BBQ Jamsil", "\xeb\xb0\x98\xec\x9d\x98", "Pizza Hut"};
    for (int i = 0; i < p.orders; ++i) {
        OrderEvent e;
        e.type = EventType::Order;
        char id[16];
        std::snprintf(id, sizeof id, "O-%07d", i);
        e.orderId = id;
        e.customerId = customerId(static_cast<int>(rng.below(p.customers)));
        const std::int64_t m = rng.below(p.merchants + 1);
        e.merchantId = m == p.merchants ? std::string() : "R-" + std::to_string(m); // some without merchant
        if (rng.chance(70))
            e.merchantName = names[rng.below(4)];
        e.eventTime = p.distinctTimes > 0 ? kT0 + rng.below(p.distinctTimes) * (p.spanMs / p.distinctTimes)
                                          : kT0 + rng.below(p.spanMs);
        e.amount = p.amountSteps > 0 ? p.minAmount + rng.below(p.amountSteps) *
                                                         ((p.maxAmount - p.minAmount) / p.amountSteps)
                                     : p.minAmount + rng.below(p.maxAmount - p.minAmount + 1);
        if (rng.chance(85)) {
            // Edges first: exact bucket bounds.
            static const double edges[] = {0.0, 1.0, 2.0, 3.0, 5.0, 0.999, 4.999};
            e.distanceKm = rng.chance(15) ? edges[rng.below(7)] : static_cast<double>(rng.below(80)) / 10.0;
        }
        if (rng.chance(80))
            e.promisedMin = static_cast<double>(20 + rng.below(40));
        const std::int64_t outcome = rng.below(100);
        if (outcome < 70) {
            e.status = OrderStatus::Delivered;
            if (rng.chance(95)) {
                // 1 to 3 decimals; sometimes exactly the promise, sometimes on a 5-minute edge.
                if (e.promisedMin && rng.chance(10))
                    e.deliveryMin = *e.promisedMin;
                else if (rng.chance(10))
                    e.deliveryMin = static_cast<double>(5 * rng.below(20));
                else
                    e.deliveryMin = static_cast<double>(5'000 + rng.below(85'000)) / 1000.0;
            }
            if (rng.chance(60))
                e.rating = static_cast<double>(rng.below(51)) / 10.0;
        } else if (outcome < 82) {
            e.status = OrderStatus::Cancelled;
        } else {
            e.status = OrderStatus::Placed;
            if (rng.chance(30))
                e.rating = static_cast<double>(rng.below(51)) / 10.0;
        }
        out.push_back(GeneratedOrder{e, rng.chance(60)});
    }
    return out;
}

struct Analyses
{
    CustomerAnalysis customers{EngineSettings{}};
    MerchantAnalysis merchants{EngineSettings{}};
    DeliveryAnalysis delivery{EngineSettings{}, seoulHour};
    std::vector<Analysis *> all() { return {&customers, &merchants, &delivery}; }
};

// Feeds the orders as an engine would: every order placed once, lifecycle updates after their
// placement, all interleaved in a shuffled order. Lifecycle orders are placed bare, then delivered
// (with delivery_min), rated and, for some delivered ones, cancelled afterwards.
void feed(Analyses &a, std::vector<GeneratedOrder> &orders, std::uint64_t seed)
{
    Rng rng(seed);
    struct Step
    {
        std::uint64_t key;
        std::size_t order;
        int step;
    };
    std::vector<Step> steps;
    std::vector<std::vector<OrderEvent>> states(orders.size());
    for (std::size_t i = 0; i < orders.size(); ++i) {
        OrderEvent &f = orders[i].final;
        std::vector<OrderEvent> &s = states[i];
        if (!orders[i].lifecycle) {
            s.push_back(f);
        } else {
            OrderEvent placed = f;
            placed.type = EventType::Placed;
            placed.status = OrderStatus::Placed;
            placed.deliveryMin.reset();
            placed.rating.reset();
            s.push_back(placed);
            OrderEvent cur = placed;
            const bool deliveredThenCancelled = f.status == OrderStatus::Cancelled && rng.chance(50);
            if (f.status == OrderStatus::Delivered || deliveredThenCancelled) {
                cur.status = OrderStatus::Delivered;
                cur.deliveryMin = deliveredThenCancelled ? std::optional<double>(33.3) : f.deliveryMin;
                s.push_back(cur);
            }
            if (f.rating) {
                cur.rating = f.rating;
                s.push_back(cur);
            }
            if (f.status == OrderStatus::Cancelled) {
                cur.status = OrderStatus::Cancelled;
                cur.deliveryMin = deliveredThenCancelled ? std::optional<double>(33.3) : std::nullopt;
                s.push_back(cur);
                // The cancelled order keeps the delivery_min it had; it no longer counts as delivered.
                f.deliveryMin = cur.deliveryMin;
            }
        }
        std::uint64_t key = rng.next() >> 8;
        for (std::size_t k = 0; k < s.size(); ++k) {
            steps.push_back(Step{key, i, static_cast<int>(k)});
            key += rng.next() >> 12;
        }
    }
    std::sort(steps.begin(), steps.end(), [](const Step &x, const Step &y) { return x.key < y.key; });
    EventContext ctx;
    ctx.maxEventTime = std::numeric_limits<TimestampMs>::min();
    for (const Step &st : steps) {
        const OrderEvent &e = states[st.order][static_cast<std::size_t>(st.step)];
        ctx.maxEventTime = std::max(ctx.maxEventTime, e.eventTime);
        for (Analysis *x : a.all()) {
            if (st.step == 0)
                x->onOrderPlaced(e, ctx);
            else
                x->onOrderUpdated(states[st.order][static_cast<std::size_t>(st.step - 1)], e, ctx);
        }
    }
}

QVariant opt(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
}

const char *statusText(const std::optional<OrderStatus> &s)
{
    return !s                             ? ""
           : *s == OrderStatus::Delivered ? "delivered"
           : *s == OrderStatus::Cancelled ? "cancelled"
                                          : "placed";
}

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestRfmSql : public QObject
{
    Q_OBJECT

private:
    QSqlDatabase m_db;

    QSqlQuery exec(const QString &sql)
    {
        QSqlQuery query(m_db);
        if (!query.exec(sql))
            qFatal("SQL failed: %s\n%s", qPrintable(query.lastError().text()), qPrintable(sql));
        return query;
    }

    void load(const std::vector<GeneratedOrder> &orders)
    {
        exec("DROP TABLE IF EXISTS orders");
        exec("CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, merchant_id TEXT "
             "NOT NULL,"
             " merchant_name TEXT NOT NULL, event_time INTEGER NOT NULL, amount INTEGER NOT NULL, "
             "distance_km REAL,"
             " promised_min REAL, delivery_min REAL, status TEXT NOT NULL, rating REAL)");
        QVERIFY(m_db.transaction());
        QSqlQuery insert(m_db);
        QVERIFY(insert.prepare("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?,?,?)"));
        for (const GeneratedOrder &g : orders) {
            const OrderEvent &e = g.final;
            insert.bindValue(0, q(e.orderId));
            insert.bindValue(1, q(e.customerId));
            insert.bindValue(2, q(e.merchantId));
            insert.bindValue(3, q(e.merchantName));
            insert.bindValue(4, qint64(e.eventTime));
            insert.bindValue(5, qint64(*e.amount));
            insert.bindValue(6, opt(e.distanceKm));
            insert.bindValue(7, opt(e.promisedMin));
            insert.bindValue(8, opt(e.deliveryMin));
            insert.bindValue(9, QString::fromLatin1(statusText(e.status)));
            insert.bindValue(10, opt(e.rating));
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QVERIFY(m_db.commit());
    }

    void compareCustomers(const Report &r)
    {
        exec(QStringLiteral(
                 "CREATE TEMP VIEW IF NOT EXISTS customer_scores AS "
                 "WITH c AS (SELECT customer_id, MAX(event_time) AS last, MIN(event_time) AS first, COUNT(*) "
                 "AS freq,"
                 "                  SUM(amount) AS mon FROM orders GROUP BY customer_id),"
                 " now AS (SELECT MAX(event_time) AS t FROM orders),"
                 " h AS (SELECT customer_id, SUM(amount) AS hs, COUNT(*) AS hc FROM orders, now"
                 "       WHERE event_time > now.t - %1 GROUP BY customer_id),"
                 " s AS (SELECT c.*, COALESCE(h.hs, 0) AS hs, COALESCE(h.hc, 0) AS hc,"
                 "       NTILE(5) OVER (ORDER BY last, c.customer_id) AS r,"
                 "       NTILE(5) OVER (ORDER BY freq, c.customer_id) AS f,"
                 "       NTILE(5) OVER (ORDER BY mon, c.customer_id) AS m"
                 "       FROM c LEFT JOIN h ON h.customer_id = c.customer_id) "
                 "SELECT customer_id, last, freq, mon, r, f, m,"
                 " CASE WHEN r <= 2 AND f <= 2 THEN 'Hibernating' WHEN r <= 2 AND f <= 4 THEN 'At Risk'"
                 "      WHEN r <= 2 THEN 'Can''t Lose Them' WHEN r = 3 AND f <= 2 THEN 'About to Sleep'"
                 "      WHEN r = 3 AND f = 3 THEN 'Need Attention' WHEN r IN (3, 4) AND f >= 4 THEN 'Loyal'"
                 "      WHEN r = 4 AND f = 1 THEN 'Promising' WHEN r = 5 AND f = 1 THEN 'New'"
                 "      WHEN f IN (2, 3) THEN 'Potential Loyalist' ELSE 'Champions' END AS segment,"
                 " CASE WHEN hs >= 3000000 AND hc >= 15 THEN 'VIP' WHEN hs >= 1000000 AND hc >= 8 THEN 'GOLD'"
                 "      WHEN hs >= 300000 AND hc >= 3 THEN 'SILVER' ELSE 'BRONZE' END AS grade,"
                 " (mon * 2592000000 * 12 + MAX(last - first, 2592000000) / 2) / MAX(last - first, "
                 "2592000000) AS clv"
                 " FROM s")
                 .arg(kHorizonMs));
        QSqlQuery rows = exec("SELECT * FROM customer_scores ORDER BY customer_id");
        std::size_t i = 0;
        while (rows.next()) {
            QVERIFY(i < r.customers.size());
            const CustomerRow &c = r.customers[i++];
            const std::string id = rows.value(0).toString().toStdString();
            QCOMPARE(c.customerId, id);
            QCOMPARE(c.lastOrder, rows.value(1).toLongLong());
            QCOMPARE(c.frequency, rows.value(2).toLongLong());
            QCOMPARE(c.monetary, rows.value(3).toLongLong());
            QCOMPARE(c.r, rows.value(4).toInt());
            QCOMPARE(c.f, rows.value(5).toInt());
            QCOMPARE(c.m, rows.value(6).toInt());
            QCOMPARE(c.segment, rows.value(7).toString().toStdString());
            QCOMPARE(c.grade, rows.value(8).toString().toStdString());
            QCOMPARE(c.clv, rows.value(9).toLongLong());
        }
        QCOMPARE(i, r.customers.size());

        std::map<std::string, std::int64_t> segments, grades;
        QSqlQuery s = exec("SELECT segment, COUNT(*) FROM customer_scores GROUP BY segment");
        while (s.next())
            segments[s.value(0).toString().toStdString()] = s.value(1).toLongLong();
        QSqlQuery g = exec("SELECT grade, COUNT(*) FROM customer_scores GROUP BY grade");
        while (g.next())
            grades[g.value(0).toString().toStdString()] = g.value(1).toLongLong();
        QCOMPARE(r.segments.size(), std::size_t(10));
        for (const auto &[name, count] : r.segments)
            QCOMPARE(count, segments[name]);
        QCOMPARE(r.grades.size(), std::size_t(4));
        for (const auto &[name, count] : r.grades)
            QCOMPARE(count, grades[name]);
    }

    void compareMerchants(const Report &r)
    {
        // ratio4 in SQL: the integer number of ten-thousandths, rounded half up (all non-negative).
        QSqlQuery rows =
            exec("WITH d AS (SELECT *, status = 'delivered' AND delivery_min IS NOT NULL AS timed,"
                 "           CAST(ROUND(delivery_min * 1000) AS INTEGER) AS dm_k, CAST(ROUND(rating * 100) "
                 "AS INTEGER) AS r_h"
                 "           FROM orders WHERE merchant_id <> ''),"
                 " m AS (SELECT merchant_id, COUNT(*) AS n, SUM(amount) AS sales, COUNT(rating) AS rated, "
                 "SUM(r_h) AS rh,"
                 "       SUM(timed) AS timed, SUM(CASE WHEN timed THEN dm_k END) AS dk,"
                 "       SUM(timed AND promised_min IS NOT NULL) AS base,"
                 "       SUM(timed AND promised_min IS NOT NULL AND delivery_min > promised_min) AS late,"
                 "       SUM(status = 'cancelled') AS cancelled FROM d GROUP BY merchant_id) "
                 "SELECT merchant_id,"
                 " COALESCE((SELECT merchant_name FROM orders o WHERE o.merchant_id = m.merchant_id AND "
                 "merchant_name <> ''"
                 "           ORDER BY event_time DESC, order_id DESC LIMIT 1), ''),"
                 " n, sales, (sales + n / 2) / n,"
                 " CASE WHEN rated > 0 THEN (rh * 10000 + rated * 50) / (rated * 100) END,"
                 " CASE WHEN timed > 0 THEN (dk * 10000 + timed * 500) / (timed * 1000) END,"
                 " CASE WHEN base > 0 THEN (late * 10000 + base / 2) / base ELSE 0 END,"
                 " (cancelled * 10000 + n / 2) / n "
                 "FROM m ORDER BY merchant_id");
        std::size_t i = 0;
        while (rows.next()) {
            QVERIFY(i < r.merchants.size());
            const MerchantRow &m = r.merchants[i++];
            QCOMPARE(m.merchantId, rows.value(0).toString().toStdString());
            QCOMPARE(m.name, rows.value(1).toString().toStdString());
            QCOMPARE(m.orders, rows.value(2).toLongLong());
            QCOMPARE(m.sales, rows.value(3).toLongLong());
            QCOMPARE(m.avgOrderValue, rows.value(4).toLongLong());
            const auto fraction = [](const QVariant &v) {
                return v.isNull() ? std::optional<double>()
                                  : std::optional<double>(double(v.toLongLong()) / 10000.0);
            };
            QCOMPARE(m.rating, fraction(rows.value(5)));
            QCOMPARE(m.deliveryMin, fraction(rows.value(6)));
            QCOMPARE(m.lateRate, *fraction(rows.value(7)));
            QCOMPARE(m.cancelRate, *fraction(rows.value(8)));
        }
        QCOMPARE(i, r.merchants.size());
    }

    void compareDelivery(const DeliveryReport &r)
    {
        const QString delivered = "FROM orders WHERE status = 'delivered' AND delivery_min IS NOT NULL";
        QSqlQuery total =
            exec("SELECT COUNT(*), SUM(CAST(ROUND(delivery_min * 1000) AS INTEGER)) " + delivered);
        QVERIFY(total.next());
        const qint64 n = total.value(0).toLongLong();
        QCOMPARE(r.count, n);
        QVERIFY(n > 0);
        const qint64 sum = total.value(1).toLongLong();
        QCOMPARE(*r.mean, double((sum * 10000 + n * 500) / (n * 1000)) / 10000.0);

        const std::pair<int, std::optional<double>> percentiles[] = {{50, r.p50}, {90, r.p90}, {99, r.p99}};
        for (const auto &[p, got] : percentiles) {
            const qint64 rank = (p * n + 99) / 100;
            QSqlQuery v =
                exec(QStringLiteral("SELECT delivery_min %1 ORDER BY delivery_min LIMIT 1 OFFSET %2")
                         .arg(delivered)
                         .arg(rank - 1));
            QVERIFY(v.next());
            const double exact = v.value(0).toDouble();
            QVERIFY2(
                got && std::abs(*got - exact) <= std::max(0.01 * exact, 0.01),
                qPrintable(QStringLiteral("p%1: %2 vs exact %3").arg(p).arg(got.value_or(-1)).arg(exact)));
        }

        QSqlQuery hist =
            exec("SELECT CAST(delivery_min / 5 AS INTEGER) AS b, COUNT(*) " + delivered + " GROUP BY b");
        std::map<qint64, qint64> buckets;
        qint64 last = -1;
        while (hist.next()) {
            buckets[hist.value(0).toLongLong()] = hist.value(1).toLongLong();
            last = std::max(last, hist.value(0).toLongLong());
        }
        QCOMPARE(qint64(r.histogram.size()), last + 1);
        for (qint64 b = 0; b <= last; ++b) {
            const HistogramBucket &h = r.histogram[static_cast<std::size_t>(b)];
            QCOMPARE(h.from, 5.0 * double(b));
            QCOMPARE(h.to, 5.0 * double(b + 1));
            QCOMPARE(h.count, buckets[b]);
        }

        QSqlQuery dist =
            exec("SELECT CASE WHEN distance_km < 1 THEN 0 WHEN distance_km < 2 THEN 1 WHEN distance_km < 3"
                 " THEN 2 WHEN distance_km < 5 THEN 3 ELSE 4 END AS b, COUNT(*),"
                 " SUM(CAST(ROUND(delivery_min * 1000) AS INTEGER)) " +
                 delivered + " AND distance_km IS NOT NULL GROUP BY b");
        std::map<qint64, std::pair<qint64, qint64>> byDistance;
        while (dist.next())
            byDistance[dist.value(0).toLongLong()] = {dist.value(1).toLongLong(), dist.value(2).toLongLong()};
        QCOMPARE(r.byDistance.size(), std::size_t(5));
        for (qint64 b = 0; b < 5; ++b) {
            const DistanceBucket &d = r.byDistance[static_cast<std::size_t>(b)];
            const auto [count, thousandths] = byDistance[b];
            QCOMPARE(d.count, count);
            if (count == 0)
                QVERIFY(!d.mean.has_value());
            else
                QCOMPARE(*d.mean, double((thousandths * 10000 + count * 500) / (count * 1000)) / 10000.0);
        }

        QSqlQuery late = exec("SELECT ((event_time + 32400000) % 86400000) / 3600000 AS h, COUNT(*),"
                              " SUM(delivery_min > promised_min) " +
                              delivered + " AND promised_min IS NOT NULL GROUP BY h");
        std::array<std::optional<double>, 24> expected{};
        while (late.next()) {
            const qint64 base = late.value(1).toLongLong();
            expected[static_cast<std::size_t>(late.value(0).toLongLong())] =
                double((late.value(2).toLongLong() * 10000 + base / 2) / base) / 10000.0;
        }
        QCOMPARE(r.lateRateByHour, expected);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = QSqlDatabase::addDatabase("QSQLITE", "rfm_sql");
        m_db.setDatabaseName(":memory:");
        QVERIFY2(m_db.open(), qPrintable(m_db.lastError().text()));
        QSqlQuery version = exec("SELECT sqlite_version()");
        QVERIFY(version.next());
        qDebug("SQLite %s", qPrintable(version.value(0).toString()));
    }

    void matchesSql_data()
    {
        QTest::addColumn<int>("profile");
        QTest::newRow("few customers, many orders") << 0;
        QTest::newRow("many customers") << 1;
        QTest::newRow("ties in time and amount") << 2;
        QTest::newRow("grades across the horizon") << 3;
        QTest::newRow("fewer customers than groups") << 4;
    }

    void matchesSql()
    {
        QFETCH(int, profile);
        static const Profile profiles[] = {
            {"few", 7, 6, 4000, 90 * kMsPerDay, 0, 1'000, 80'000, 0, 1},
            {"many", 3000, 40, 6000, 120 * kMsPerDay, 0, 5'000, 60'000, 0, 2},
            {"ties", 60, 5, 400, 10 * kMsPerDay, 12, 1'000, 3'000, 2, 3},
            {"grades", 300, 8, 3000, 400 * kMsPerDay, 0, 10'000, 400'000, 0, 4},
            {"tiny", 3, 2, 9, 40 * kMsPerDay, 0, 1'000, 9'000, 0, 5},
        };
        const Profile &p = profiles[profile];
        std::vector<GeneratedOrder> orders = generate(p);
        if (profile == 3) {
            // Customers one order short of VIP plus one order exactly on (out) or one millisecond
            // inside (in) the horizon boundary.
            TimestampMs now = 0;
            for (const auto &g : orders)
                now = std::max(now, g.final.eventTime);
            for (int k = 0; k < 12; ++k) {
                for (int j = 0; j < 15; ++j) {
                    GeneratedOrder g = orders[static_cast<std::size_t>(k * 15 + j)];
                    g.final.orderId = "O-edge-" + std::to_string(k) + "-" + std::to_string(j);
                    g.final.customerId = "edge-" + std::to_string(k);
                    g.final.eventTime = j == 0 ? now - kHorizonMs + (k % 2) : now - j * kMsPerDay;
                    g.final.amount = 200'000;
                    orders.push_back(g);
                }
            }
        }
        for (const std::uint64_t feedSeed : {11u, 12u}) {
            Analyses a;
            feed(a, orders, feedSeed + static_cast<std::uint64_t>(profile) * 100);
            Report r;
            for (Analysis *x : a.all())
                x->fillReport(r);
            load(orders);
            compareCustomers(r);
            compareMerchants(r);
            compareDelivery(r.delivery);
            if (profile == 3) {
                for (const CustomerRow &c : r.customers) {
                    if (c.customerId.rfind("edge-", 0) == 0) {
                        const bool inside = (std::stoi(c.customerId.substr(5)) % 2) == 1;
                        QCOMPARE(c.grade, std::string(inside ? "VIP" : "GOLD"));
                    }
                }
                for (std::size_t g = 0; g < 4; ++g)
                    QVERIFY2(r.grades[g].second > 0, "the grades dataset reaches every grade");
            }
        }
    }

    void cleanupTestCase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase("rfm_sql");
    }
};

QTEST_GUILESS_MAIN(TestRfmSql)
#include "tst_rfm_sql.moc"
