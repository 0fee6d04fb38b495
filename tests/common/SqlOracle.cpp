#include "SqlOracle.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace optest {

using namespace op;

namespace {

QVariant optionalInt(const std::optional<std::int64_t> &v)
{
    return v ? QVariant(static_cast<qlonglong>(*v)) : QVariant(QMetaType::fromType<qlonglong>());
}
QVariant optionalReal(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}
QVariant text(const std::string &s)
{
    return QString::fromStdString(s);
}
QString str(TimestampMs v)
{
    return QString::number(v);
}

// roundDiv for non-negative sums, written out so the oracle does not call engine arithmetic.
std::int64_t roundedMean(std::int64_t sum, std::int64_t count)
{
    return count == 0 ? 0 : (2 * sum + count) / (2 * count);
}

const char *typeName(EventType t)
{
    switch (t) {
    case EventType::Order: return "order";
    case EventType::Placed: return "placed";
    case EventType::Delivered: return "delivered";
    case EventType::Cancelled: return "cancelled";
    case EventType::Rated: return "rated";
    }
    return "order";
}

} // namespace

SqlOracle::SqlOracle(const EngineSettings &settings)
    : m_settings(settings)
    , m_connection(QStringLiteral("oracle-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(QStringLiteral(":memory:"));
    if (!m_db.open())
        m_error = m_db.lastError().text();
}

SqlOracle::~SqlOracle()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

bool SqlOracle::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        m_error = q.lastError().text() + QStringLiteral(" in: ") + sql;
        return false;
    }
    return true;
}

bool SqlOracle::load(const std::vector<OrderEvent> &records)
{
    if (!m_db.isOpen())
        return false;
    const bool created =
        exec(QStringLiteral("CREATE TABLE records(seq INTEGER PRIMARY KEY, type TEXT, kind TEXT, order_id TEXT, "
                            "t INTEGER, customer_id TEXT, merchant_id TEXT, merchant_name TEXT, amount INTEGER, "
                            "distance_km REAL, promised_min REAL, delivery_min REAL, delivery_k INTEGER, "
                            "status TEXT, rating REAL, rating_h INTEGER, ip TEXT, local_day TEXT, "
                            "local_hour INTEGER, local_wd INTEGER)"))
        && exec(QStringLiteral("CREATE TABLE record_items(seq INTEGER, line INTEGER, name TEXT, qty INTEGER, "
                               "unit_price INTEGER)"));
    if (!created)
        return false;

    QTimeZone zone(QByteArray::fromStdString(m_settings.displayTimeZone));
    if (!zone.isValid())
        zone = QTimeZone::utc();
    m_db.transaction();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO records VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    QSqlQuery insertItem(m_db);
    insertItem.prepare(QStringLiteral("INSERT INTO record_items VALUES(?,?,?,?,?)"));
    qlonglong seq = 0;
    for (const OrderEvent &e : records) {
        ++seq;
        const bool placement = e.type == EventType::Order || e.type == EventType::Placed;
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(e.eventTime, zone);
        std::string status;
        if (e.status)
            status = std::string(orderStatusName(*e.status));
        else if (e.type == EventType::Placed)
            status = "placed";
        insert.addBindValue(seq);
        insert.addBindValue(QString::fromLatin1(typeName(e.type)));
        insert.addBindValue(placement ? QStringLiteral("p") : QString::fromLatin1(typeName(e.type)));
        insert.addBindValue(text(e.orderId));
        insert.addBindValue(static_cast<qlonglong>(e.eventTime));
        insert.addBindValue(text(e.customerId));
        insert.addBindValue(text(e.merchantId));
        insert.addBindValue(text(e.merchantName));
        insert.addBindValue(optionalInt(e.amount));
        insert.addBindValue(optionalReal(e.distanceKm));
        insert.addBindValue(optionalReal(e.promisedMin));
        insert.addBindValue(optionalReal(e.deliveryMin));
        insert.addBindValue(optionalInt(e.deliveryMin ? std::optional<std::int64_t>(std::llround(*e.deliveryMin * 1000))
                                                      : std::nullopt));
        insert.addBindValue(status.empty() ? QVariant(QMetaType::fromType<QString>()) : text(status));
        insert.addBindValue(optionalReal(e.rating));
        insert.addBindValue(optionalInt(e.rating ? std::optional<std::int64_t>(std::llround(*e.rating * 100)) : std::nullopt));
        insert.addBindValue(text(e.ip));
        insert.addBindValue(local.date().toString(QStringLiteral("yyyy-MM-dd")));
        insert.addBindValue(local.time().hour());
        insert.addBindValue(local.date().dayOfWeek() - 1); // Qt: Monday = 1
        if (!insert.exec()) {
            m_error = insert.lastError().text();
            return false;
        }
        for (std::size_t line = 0; line < e.items.size(); ++line) {
            insertItem.addBindValue(seq);
            insertItem.addBindValue(static_cast<qlonglong>(line));
            insertItem.addBindValue(text(e.items[line].name));
            insertItem.addBindValue(e.items[line].qty);
            insertItem.addBindValue(static_cast<qlonglong>(e.items[line].unitPrice));
            if (!insertItem.exec()) {
                m_error = insertItem.lastError().text();
                return false;
            }
        }
    }
    m_db.commit();

    const QString lateness = str(m_settings.allowedLatenessMs);
    // accepted: the first record of each (order_id, kind); late: below the running maximum of
    // the accepted records before it, minus the lateness (duplicates move nothing).
    return exec(QStringLiteral("CREATE TABLE accepted AS SELECT * FROM (SELECT r.*, ROW_NUMBER() OVER "
                               "(PARTITION BY order_id, kind ORDER BY seq) AS dup_rank FROM records r) "
                               "WHERE dup_rank = 1"))
        && exec(QStringLiteral("CREATE TABLE acc AS SELECT a.*, CASE WHEN t < MAX(t) OVER (ORDER BY seq ROWS "
                               "BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) - %1 THEN 1 ELSE 0 END AS late "
                               "FROM accepted a")
                    .arg(lateness))
        && exec(QStringLiteral("CREATE INDEX acc_order ON acc(order_id, kind)"))
        // One row per counted order: its placement merged with its outcomes.
        && exec(QStringLiteral(
            "CREATE TABLE orders AS SELECT p.seq, p.order_id, p.t, p.customer_id, p.merchant_id, "
            "p.merchant_name, p.amount, p.ip, p.late, p.local_day, p.local_hour, p.local_wd, "
            "COALESCE(p.distance_km, d.distance_km, c.distance_km, ra.distance_km) AS distance_km, "
            "COALESCE(p.promised_min, d.promised_min, c.promised_min, ra.promised_min) AS promised_min, "
            "CASE WHEN d.delivery_min IS NOT NULL THEN d.delivery_min ELSE p.delivery_min END AS delivery_min, "
            "CASE WHEN d.delivery_min IS NOT NULL THEN d.delivery_k ELSE p.delivery_k END AS delivery_k, "
            "CASE WHEN ra.rating IS NOT NULL THEN ra.rating ELSE p.rating END AS rating, "
            "CASE WHEN ra.rating IS NOT NULL THEN ra.rating_h ELSE p.rating_h END AS rating_h, "
            "CASE WHEN c.seq IS NOT NULL AND (d.seq IS NULL OR c.t >= d.t) THEN 'cancelled' "
            "     WHEN d.seq IS NOT NULL THEN 'delivered' ELSE p.status END AS status "
            "FROM acc p "
            "LEFT JOIN acc d ON d.order_id = p.order_id AND d.kind = 'delivered' "
            "LEFT JOIN acc c ON c.order_id = p.order_id AND c.kind = 'cancelled' "
            "LEFT JOIN acc ra ON ra.order_id = p.order_id AND ra.kind = 'rated' "
            "WHERE p.kind = 'p'"))
        && exec(QStringLiteral("CREATE INDEX orders_merchant ON orders(merchant_id)"));
}

Report SqlOracle::report(std::int64_t quarantined)
{
    Report r;
    const EngineSettings &s = m_settings;
    const auto floorExpr = [](const char *column, TimestampMs size) {
        // floor(column / size) * size, right for negative times too
        return QStringLiteral("(%1 - (((%1 % %2) + %2) % %2))").arg(QLatin1String(column), str(size));
    };
    const auto query = [this](const QString &sql) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(sql) && m_error.isEmpty())
            m_error = q.lastError().text() + QStringLiteral(" in: ") + sql;
        return q;
    };

    // ---- events, totals
    {
        QSqlQuery q = query(QStringLiteral("SELECT (SELECT COUNT(*) FROM acc), (SELECT COUNT(*) FROM records) - "
                                           "(SELECT COUNT(*) FROM acc), (SELECT COALESCE(SUM(late), 0) FROM acc)"));
        if (q.next())
            r.events = EventCounts{q.value(0).toLongLong(), quarantined, q.value(1).toLongLong(), q.value(2).toLongLong()};
        q = query(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(amount), 0), COUNT(DISTINCT NULLIF(customer_id, '')), "
                                 "COUNT(DISTINCT NULLIF(merchant_id, '')) FROM orders"));
        if (q.next()) {
            r.totals.orders = q.value(0).toLongLong();
            r.totals.sales = q.value(1).toLongLong();
            r.totals.avgOrderValue = roundedMean(r.totals.sales, r.totals.orders);
            r.totals.customers = q.value(2).toLongLong();
            r.totals.merchants = q.value(3).toLongLong();
        }
    }

    // ---- settled ip_velocity alerts: the threshold-th order of each (ip, window) by (t, order_id)
    const QString ipWindow = floorExpr("t", s.ipVelocityWindowMs);
    exec(QStringLiteral("DROP TABLE IF EXISTS ip_alerts"));
    exec(QStringLiteral("CREATE TABLE ip_alerts AS SELECT * FROM (SELECT ip, %1 AS iws, t, order_id, "
                        "ROW_NUMBER() OVER (PARTITION BY ip, %1 ORDER BY t, order_id) AS rn, "
                        "COUNT(*) OVER (PARTITION BY ip, %1) AS cnt FROM orders WHERE late = 0 AND ip <> '') "
                        "WHERE rn = %2")
             .arg(ipWindow, QString::number(s.ipVelocityThreshold)));

    // ---- realtime_stats
    {
        const QString W = str(s.realtimeWindowMs);
        QSqlQuery q = query(QStringLiteral("SELECT ws, COUNT(*), COALESCE(SUM(amount), 0), (SELECT COUNT(*) FROM "
                                           "ip_alerts a WHERE a.t >= ws AND a.t < ws + %2) FROM (SELECT %1 AS ws, "
                                           "amount FROM orders WHERE late = 0) GROUP BY ws ORDER BY ws")
                                .arg(floorExpr("t", s.realtimeWindowMs), W));
        while (q.next()) {
            RealtimeStatsRow row;
            row.windowStart = q.value(0).toLongLong();
            row.windowEnd = row.windowStart + s.realtimeWindowMs;
            row.totalOrders = q.value(1).toLongLong();
            row.totalSales = q.value(2).toLongLong();
            row.avgOrderValue = roundedMean(row.totalSales, row.totalOrders);
            row.suspiciousIpCount = q.value(3).toLongLong();
            r.realtimeStats.push_back(row);
        }
    }

    // ---- popular_items
    {
        QSqlQuery q = query(
            QStringLiteral("WITH it AS (SELECT o.order_id, %1 AS ws, i.name, i.qty, i.unit_price FROM orders o JOIN "
                           "record_items i ON i.seq = o.seq WHERE o.late = 0), "
                           "agg AS (SELECT ws, name, SUM(qty) AS q, COUNT(DISTINCT order_id) AS n, "
                           "SUM(qty * unit_price) AS s FROM it GROUP BY ws, name), "
                           "ranked AS (SELECT agg.*, ROW_NUMBER() OVER (PARTITION BY ws ORDER BY q DESC, name) AS rk "
                           "FROM agg) SELECT ws, rk, name, q, n, s FROM ranked WHERE rk <= %2 ORDER BY ws, rk")
                .arg(floorExpr("o.t", s.popularItemsWindowMs), QString::number(s.popularItemsTopN)));
        while (q.next())
            r.popularItems.push_back(PopularItemRow{q.value(0).toLongLong(), q.value(1).toInt(),
                                                    q.value(2).toString().toStdString(), q.value(3).toLongLong(),
                                                    q.value(4).toLongLong(), q.value(5).toLongLong()});
    }

    // ---- trends
    {
        QSqlQuery q = query(QStringLiteral("SELECT %1 AS h, COUNT(*), COALESCE(SUM(amount), 0) FROM orders GROUP BY h "
                                           "ORDER BY h")
                                .arg(floorExpr("t", kMsPerHour)));
        while (q.next())
            r.trends.hourly.push_back(TrendPoint{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toLongLong()});
        q = query(QStringLiteral("SELECT local_day, COUNT(*), COALESCE(SUM(amount), 0) FROM orders GROUP BY local_day "
                                 "ORDER BY local_day"));
        while (q.next())
            r.trends.daily.push_back(DailyTrendRow{q.value(0).toString().toStdString(), q.value(1).toLongLong(),
                                                   q.value(2).toLongLong()});
        q = query(QStringLiteral("SELECT local_wd, local_hour, COUNT(*) FROM orders GROUP BY 1, 2"));
        while (q.next())
            r.trends.hourOfWeek[static_cast<std::size_t>(q.value(0).toInt())][static_cast<std::size_t>(q.value(1).toInt())] =
                q.value(2).toLongLong();
    }

    // ---- alerts
    {
        QSqlQuery q = query(QStringLiteral("SELECT 'ip_velocity' AS rule, ip AS entity, cnt AS value, iws AS ws, t, "
                                           "order_id FROM ip_alerts UNION ALL SELECT 'high_value', order_id, amount, "
                                           "NULL, t, order_id FROM orders WHERE amount >= %1 ORDER BY 5, 2, 1")
                                .arg(s.highValueThreshold));
        while (q.next()) {
            Alert a;
            const bool ip = q.value(0).toString() == QLatin1String("ip_velocity");
            a.rule = ip ? AlertRule::IpVelocity : AlertRule::HighValue;
            a.entity = q.value(1).toString().toStdString();
            a.value = q.value(2).toLongLong();
            if (!q.value(3).isNull())
                a.windowStart = q.value(3).toLongLong();
            a.eventTime = q.value(4).toLongLong();
            a.orderId = q.value(5).toString().toStdString();
            const bool critical = ip ? a.value >= 2 * s.ipVelocityThreshold : a.value >= 2 * s.highValueThreshold;
            a.severity = critical ? AlertSeverity::Critical : AlertSeverity::Warning;
            r.alerts.push_back(std::move(a));
        }
    }

    // ---- customers: RFM by NTILE(5), segments, grades over the horizon, CLV
    {
        const QString horizon = str(static_cast<TimestampMs>(s.gradeHorizonDays) * kMsPerDay);
        exec(QStringLiteral("DROP TABLE IF EXISTS cust"));
        exec(QStringLiteral(
                 "CREATE TABLE cust AS WITH now AS (SELECT MAX(t) AS now FROM acc), "
                 "c AS (SELECT customer_id, MAX(t) AS last, MIN(t) AS first, COUNT(*) AS f, COALESCE(SUM(amount), 0) AS m "
                 "FROM orders GROUP BY customer_id), "
                 "recent AS (SELECT customer_id, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM orders, now "
                 "WHERE t > now.now - %1 GROUP BY customer_id), "
                 "scored AS (SELECT c.*, NTILE(5) OVER (ORDER BY last, customer_id) AS rs, "
                 "NTILE(5) OVER (ORDER BY f, customer_id) AS fs, NTILE(5) OVER (ORDER BY m, customer_id) AS ms FROM c) "
                 "SELECT sc.*, CASE "
                 " WHEN rs <= 2 AND fs <= 2 THEN 'Hibernating' WHEN rs <= 2 AND fs <= 4 THEN 'At Risk' "
                 " WHEN rs <= 2 THEN 'Can''t Lose Them' WHEN rs = 3 AND fs <= 2 THEN 'About to Sleep' "
                 " WHEN rs = 3 AND fs = 3 THEN 'Need Attention' WHEN rs <= 4 AND fs >= 4 THEN 'Loyal' "
                 " WHEN rs = 4 AND fs = 1 THEN 'Promising' WHEN rs = 5 AND fs = 1 THEN 'New' "
                 " WHEN fs <= 3 THEN 'Potential Loyalist' ELSE 'Champions' END AS segment, "
                 "CASE WHEN COALESCE(r.s, 0) >= 3000000 AND COALESCE(r.n, 0) >= 15 THEN 'VIP' "
                 " WHEN COALESCE(r.s, 0) >= 1000000 AND COALESCE(r.n, 0) >= 8 THEN 'GOLD' "
                 " WHEN COALESCE(r.s, 0) >= 300000 AND COALESCE(r.n, 0) >= 3 THEN 'SILVER' ELSE 'BRONZE' END AS grade "
                 "FROM scored sc LEFT JOIN recent r ON r.customer_id = sc.customer_id")
                 .arg(horizon));
        QSqlQuery q = query(QStringLiteral("SELECT customer_id, last, f, m, rs, fs, ms, segment, grade, first FROM cust "
                                           "ORDER BY customer_id"));
        const Int128 thirtyDays = 30 * kMsPerDay;
        while (q.next()) {
            CustomerRow c;
            c.customerId = q.value(0).toString().toStdString();
            c.lastOrder = q.value(1).toLongLong();
            c.frequency = q.value(2).toLongLong();
            c.monetary = q.value(3).toLongLong();
            c.r = q.value(4).toInt();
            c.f = q.value(5).toInt();
            c.m = q.value(6).toInt();
            c.segment = q.value(7).toString().toStdString();
            c.grade = q.value(8).toString().toStdString();
            // CLV = M x 30 days x months / max(span, 30 days), rounded half away from zero (128-bit).
            const Int128 span = std::max<Int128>(c.lastOrder - q.value(9).toLongLong(), thirtyDays);
            const Int128 num = static_cast<Int128>(c.monetary) * thirtyDays * s.clvLifetimeMonths;
            const Int128 clv = num >= 0 ? (2 * num + span) / (2 * span) : -((-2 * num + span) / (2 * span));
            c.clv = static_cast<Money>(clv);
            r.customers.push_back(std::move(c));
        }
        for (const char *name : kSegmentNames) {
            QSqlQuery n = query(QStringLiteral("SELECT COUNT(*) FROM cust WHERE segment = '%1'")
                                    .arg(QString::fromUtf8(name).replace(QLatin1String("'"), QLatin1String("''"))));
            r.segments.emplace_back(name, n.next() ? n.value(0).toLongLong() : 0);
        }
        for (const char *name : kGradeNames) {
            QSqlQuery n = query(QStringLiteral("SELECT COUNT(*) FROM cust WHERE grade = '%1'").arg(QLatin1String(name)));
            r.grades.emplace_back(name, n.next() ? n.value(0).toLongLong() : 0);
        }
    }

    // ---- merchants
    {
        QSqlQuery q = query(QStringLiteral(
            "SELECT merchant_id, COUNT(*), COALESCE(SUM(amount), 0), "
            "COALESCE((SELECT o2.merchant_name FROM orders o2 WHERE o2.merchant_id = o.merchant_id AND "
            "o2.merchant_name <> '' ORDER BY o2.t DESC, o2.order_id DESC LIMIT 1), ''), "
            "COALESCE(SUM(rating_h), 0), COUNT(rating_h), "
            "COALESCE(SUM(CASE WHEN status = 'delivered' THEN delivery_k END), 0), "
            "COUNT(CASE WHEN status = 'delivered' THEN delivery_k END), "
            "COUNT(CASE WHEN status = 'delivered' AND delivery_min IS NOT NULL AND promised_min IS NOT NULL AND "
            "delivery_min > promised_min THEN 1 END), "
            "COUNT(CASE WHEN status = 'delivered' AND delivery_min IS NOT NULL AND promised_min IS NOT NULL THEN 1 END), "
            "COUNT(CASE WHEN status = 'cancelled' THEN 1 END) "
            "FROM orders o WHERE merchant_id <> '' GROUP BY merchant_id ORDER BY merchant_id"));
        while (q.next()) {
            MerchantRow m;
            m.merchantId = q.value(0).toString().toStdString();
            m.orders = q.value(1).toLongLong();
            m.sales = q.value(2).toLongLong();
            m.avgOrderValue = roundedMean(m.sales, m.orders);
            m.name = q.value(3).toString().toStdString();
            const std::int64_t rated = q.value(5).toLongLong();
            if (rated > 0)
                m.rating = ratio4(q.value(4).toLongLong(), rated * 100);
            const std::int64_t delivered = q.value(7).toLongLong();
            if (delivered > 0)
                m.deliveryMin = ratio4(q.value(6).toLongLong(), delivered * 1000);
            m.lateRate = ratio4(q.value(8).toLongLong(), q.value(9).toLongLong());
            m.cancelRate = ratio4(q.value(10).toLongLong(), m.orders);
            r.merchants.push_back(std::move(m));
        }
    }

    // ---- delivery
    {
        exec(QStringLiteral("DROP TABLE IF EXISTS dl"));
        exec(QStringLiteral("CREATE TABLE dl AS SELECT delivery_min, delivery_k, distance_km FROM orders "
                            "WHERE status = 'delivered' AND delivery_min IS NOT NULL"));
        DeliveryReport &d = r.delivery;
        QSqlQuery q = query(QStringLiteral("SELECT COUNT(*), COALESCE(SUM(delivery_k), 0) FROM dl"));
        std::int64_t sumK = 0;
        if (q.next()) {
            d.count = q.value(0).toLongLong();
            sumK = q.value(1).toLongLong();
        }
        if (d.count > 0) {
            d.mean = ratio4(sumK, d.count * 1000);
            const auto nearestRank = [&](int p) -> std::optional<double> {
                const std::int64_t rank = std::max<std::int64_t>(1, (p * d.count + 99) / 100);
                QSqlQuery pq = query(QStringLiteral("SELECT delivery_min FROM (SELECT delivery_min, ROW_NUMBER() OVER "
                                                    "(ORDER BY delivery_min) AS rn FROM dl) WHERE rn = %1")
                                         .arg(rank));
                return pq.next() ? std::optional<double>(pq.value(0).toDouble()) : std::nullopt;
            };
            d.p50 = nearestRank(50);
            d.p90 = nearestRank(90);
            d.p99 = nearestRank(99);
            q = query(QStringLiteral("SELECT CAST(delivery_min / 5 AS INTEGER) AS b, COUNT(*) FROM dl GROUP BY b ORDER BY b"));
            std::vector<std::pair<std::int64_t, std::int64_t>> buckets;
            while (q.next())
                buckets.emplace_back(q.value(0).toLongLong(), q.value(1).toLongLong());
            const std::int64_t last = buckets.empty() ? -1 : buckets.back().first;
            for (std::int64_t b = 0; b <= last; ++b) {
                std::int64_t n = 0;
                for (const auto &[bucket, count] : buckets)
                    n = bucket == b ? count : n;
                d.histogram.push_back(HistogramBucket{static_cast<double>(b * 5), static_cast<double>(b * 5 + 5), n});
            }
        }
        const double bounds[] = {0, 1, 2, 3, 5};
        for (int b = 0; b < 5; ++b)
            d.byDistance.push_back(DistanceBucket{bounds[b], b < 4 ? std::optional<double>(bounds[b + 1]) : std::nullopt, 0, std::nullopt});
        q = query(QStringLiteral("SELECT CASE WHEN distance_km < 1 THEN 0 WHEN distance_km < 2 THEN 1 WHEN distance_km < 3 "
                                 "THEN 2 WHEN distance_km < 5 THEN 3 ELSE 4 END AS b, COUNT(*), SUM(delivery_k) FROM dl "
                                 "WHERE distance_km IS NOT NULL GROUP BY b"));
        while (q.next()) {
            DistanceBucket &b = d.byDistance[static_cast<std::size_t>(q.value(0).toInt())];
            b.count = q.value(1).toLongLong();
            b.mean = ratio4(q.value(2).toLongLong(), b.count * 1000);
        }
    }
    return r;
}

} // namespace optest
