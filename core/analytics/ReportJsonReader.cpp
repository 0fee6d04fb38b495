// reportFromJson: reads what reportToJson writes, with QJsonDocument (not a hot path).
#include "analytics/ReportJson.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace op {

namespace {

// Collects the first error; every getter returns a harmless default after one.
class JsonReader
{
public:
    std::string error;

    bool fail(const QString &what)
    {
        if (error.empty())
            error = what.toStdString();
        return false;
    }

    QJsonValue member(const QJsonObject &o, const char *name, const char *where)
    {
        const auto it = o.constFind(QLatin1String(name));
        if (it == o.constEnd()) {
            fail(QStringLiteral("%1: missing \"%2\"").arg(QLatin1String(where), QLatin1String(name)));
            return {};
        }
        return *it;
    }

    std::int64_t integer(const QJsonObject &o, const char *name, const char *where)
    {
        const QJsonValue v = member(o, name, where);
        if (!v.isDouble()) {
            if (!v.isUndefined())
                fail(QStringLiteral("%1: \"%2\" is not a number").arg(QLatin1String(where), QLatin1String(name)));
            return 0;
        }
        return v.toInteger();
    }

    double number(const QJsonObject &o, const char *name, const char *where)
    {
        const QJsonValue v = member(o, name, where);
        if (!v.isDouble()) {
            if (!v.isUndefined())
                fail(QStringLiteral("%1: \"%2\" is not a number").arg(QLatin1String(where), QLatin1String(name)));
            return 0;
        }
        return v.toDouble();
    }

    std::optional<double> optionalNumber(const QJsonObject &o, const char *name, const char *where)
    {
        const QJsonValue v = member(o, name, where);
        if (v.isNull())
            return std::nullopt;
        if (!v.isDouble()) {
            if (!v.isUndefined())
                fail(QStringLiteral("%1: \"%2\" is not a number or null").arg(QLatin1String(where), QLatin1String(name)));
            return std::nullopt;
        }
        return v.toDouble();
    }

    std::string string(const QJsonObject &o, const char *name, const char *where)
    {
        const QJsonValue v = member(o, name, where);
        if (!v.isString()) {
            if (!v.isUndefined())
                fail(QStringLiteral("%1: \"%2\" is not a string").arg(QLatin1String(where), QLatin1String(name)));
            return {};
        }
        return v.toString().toStdString();
    }

    TimestampMs time(const QJsonObject &o, const char *name, const char *where)
    {
        const std::string text = string(o, name, where);
        if (!error.empty())
            return 0;
        const auto t = parseIsoTimestamp(text);
        if (!t) {
            fail(QStringLiteral("%1: \"%2\" is not an ISO-8601 time").arg(QLatin1String(where), QLatin1String(name)));
            return 0;
        }
        return *t;
    }

    QJsonArray array(const QJsonObject &o, const char *name, const char *where)
    {
        const QJsonValue v = member(o, name, where);
        if (!v.isArray()) {
            if (!v.isUndefined())
                fail(QStringLiteral("%1: \"%2\" is not an array").arg(QLatin1String(where), QLatin1String(name)));
            return {};
        }
        return v.toArray();
    }

    QJsonObject object(const QJsonObject &o, const char *name, const char *where)
    {
        const QJsonValue v = member(o, name, where);
        if (!v.isObject()) {
            if (!v.isUndefined())
                fail(QStringLiteral("%1: \"%2\" is not an object").arg(QLatin1String(where), QLatin1String(name)));
            return {};
        }
        return v.toObject();
    }

    // Each element of `name` as an object, handed to fn.
    template <typename Fn>
    void objects(const QJsonObject &o, const char *name, Fn fn)
    {
        const QJsonArray list = array(o, name, name);
        for (const QJsonValue &v : list) {
            if (!v.isObject()) {
                fail(QStringLiteral("%1: an element is not an object").arg(QLatin1String(name)));
                return;
            }
            fn(v.toObject());
        }
    }
};

// Counts in a fixed name order (QJsonObject sorts its keys); unknown names follow, sorted.
template <std::size_t N>
std::vector<std::pair<std::string, std::int64_t>> readCounts(JsonReader &in, const QJsonObject &o,
                                                             const std::array<const char *, N> &names)
{
    std::vector<std::pair<std::string, std::int64_t>> counts;
    for (const char *name : names)
        if (o.contains(QLatin1String(name)))
            counts.emplace_back(name, in.integer(o, name, "counts"));
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const std::string key = it.key().toStdString();
        bool known = false;
        for (const char *name : names)
            known = known || key == name;
        if (!known)
            counts.emplace_back(key, it.value().toInteger());
    }
    return counts;
}

} // namespace

tl::expected<Report, std::string> reportFromJson(std::string_view json)
{
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return tl::make_unexpected("invalid JSON at offset " + std::to_string(parseError.offset) + ": "
                                   + parseError.errorString().toStdString());
    if (!doc.isObject())
        return tl::make_unexpected(std::string("the report is not a JSON object"));
    const QJsonObject root = doc.object();
    JsonReader in;
    Report r;

    const QJsonObject events = in.object(root, "events", "report");
    r.events.accepted = in.integer(events, "accepted", "events");
    r.events.quarantined = in.integer(events, "quarantined", "events");
    r.events.duplicates = in.integer(events, "duplicates", "events");
    r.events.late = in.integer(events, "late", "events");

    const QJsonObject totals = in.object(root, "totals", "report");
    r.totals.orders = in.integer(totals, "orders", "totals");
    r.totals.sales = in.integer(totals, "sales", "totals");
    r.totals.avgOrderValue = in.integer(totals, "avg_order_value", "totals");
    r.totals.customers = in.integer(totals, "customers", "totals");
    r.totals.merchants = in.integer(totals, "merchants", "totals");

    in.objects(root, "realtime_stats", [&](const QJsonObject &o) {
        RealtimeStatsRow s;
        s.windowStart = in.time(o, "window_start", "realtime_stats");
        s.windowEnd = in.time(o, "window_end", "realtime_stats");
        s.totalOrders = in.integer(o, "total_orders", "realtime_stats");
        s.totalSales = in.integer(o, "total_sales", "realtime_stats");
        s.avgOrderValue = in.integer(o, "avg_order_value", "realtime_stats");
        s.suspiciousIpCount = in.integer(o, "suspicious_ip_count", "realtime_stats");
        r.realtimeStats.push_back(s);
    });

    in.objects(root, "popular_items", [&](const QJsonObject &o) {
        PopularItemRow p;
        p.windowStart = in.time(o, "window_start", "popular_items");
        p.rank = static_cast<int>(in.integer(o, "rank", "popular_items"));
        p.name = in.string(o, "name", "popular_items");
        p.quantity = in.integer(o, "quantity", "popular_items");
        p.orders = in.integer(o, "orders", "popular_items");
        p.sales = in.integer(o, "sales", "popular_items");
        r.popularItems.push_back(std::move(p));
    });

    const QJsonObject trends = in.object(root, "trends", "report");
    in.objects(trends, "hourly", [&](const QJsonObject &o) {
        r.trends.hourly.push_back(TrendPoint{in.time(o, "hour", "hourly"), in.integer(o, "orders", "hourly"),
                                             in.integer(o, "sales", "hourly")});
    });
    in.objects(trends, "daily", [&](const QJsonObject &o) {
        r.trends.daily.push_back(DailyTrendRow{in.string(o, "day", "daily"), in.integer(o, "orders", "daily"),
                                               in.integer(o, "sales", "daily")});
    });
    const QJsonArray grid = in.array(trends, "hour_of_week", "trends");
    if (in.error.empty()) {
        if (grid.size() != 7)
            in.fail(QStringLiteral("trends: hour_of_week must have 7 rows"));
        for (qsizetype d = 0; d < grid.size() && d < 7 && in.error.empty(); ++d) {
            const QJsonArray row = grid.at(d).toArray();
            if (row.size() != 24) {
                in.fail(QStringLiteral("trends: hour_of_week rows must have 24 hours"));
                break;
            }
            for (qsizetype h = 0; h < 24; ++h)
                r.trends.hourOfWeek[static_cast<std::size_t>(d)][static_cast<std::size_t>(h)] = row.at(h).toInteger();
        }
    }

    in.objects(root, "customers", [&](const QJsonObject &o) {
        CustomerRow c;
        c.customerId = in.string(o, "customer_id", "customers");
        c.lastOrder = in.time(o, "last_order", "customers");
        c.frequency = in.integer(o, "frequency", "customers");
        c.monetary = in.integer(o, "monetary", "customers");
        c.r = static_cast<int>(in.integer(o, "r", "customers"));
        c.f = static_cast<int>(in.integer(o, "f", "customers"));
        c.m = static_cast<int>(in.integer(o, "m", "customers"));
        c.segment = in.string(o, "segment", "customers");
        c.grade = in.string(o, "grade", "customers");
        c.clv = in.integer(o, "clv", "customers");
        r.customers.push_back(std::move(c));
    });
    r.segments = readCounts(in, in.object(root, "segments", "report"), kSegmentNames);
    r.grades = readCounts(in, in.object(root, "grades", "report"), kGradeNames);

    in.objects(root, "merchants", [&](const QJsonObject &o) {
        MerchantRow m;
        m.merchantId = in.string(o, "merchant_id", "merchants");
        m.name = in.string(o, "name", "merchants");
        m.orders = in.integer(o, "orders", "merchants");
        m.sales = in.integer(o, "sales", "merchants");
        m.avgOrderValue = in.integer(o, "avg_order_value", "merchants");
        m.rating = in.optionalNumber(o, "rating", "merchants");
        m.deliveryMin = in.optionalNumber(o, "delivery_min", "merchants");
        m.lateRate = in.number(o, "late_rate", "merchants");
        m.cancelRate = in.number(o, "cancel_rate", "merchants");
        r.merchants.push_back(std::move(m));
    });

    const QJsonObject delivery = in.object(root, "delivery", "report");
    r.delivery.count = in.integer(delivery, "count", "delivery");
    r.delivery.mean = in.optionalNumber(delivery, "mean", "delivery");
    r.delivery.p50 = in.optionalNumber(delivery, "p50", "delivery");
    r.delivery.p90 = in.optionalNumber(delivery, "p90", "delivery");
    r.delivery.p99 = in.optionalNumber(delivery, "p99", "delivery");
    in.objects(delivery, "histogram", [&](const QJsonObject &o) {
        r.delivery.histogram.push_back(HistogramBucket{in.number(o, "from", "histogram"), in.number(o, "to", "histogram"),
                                                       in.integer(o, "count", "histogram")});
    });
    in.objects(delivery, "by_distance", [&](const QJsonObject &o) {
        DistanceBucket b;
        b.fromKm = in.number(o, "from_km", "by_distance");
        b.toKm = in.optionalNumber(o, "to_km", "by_distance");
        b.count = in.integer(o, "count", "by_distance");
        b.mean = in.optionalNumber(o, "mean", "by_distance");
        r.delivery.byDistance.push_back(b);
    });

    in.objects(root, "alerts", [&](const QJsonObject &o) {
        Alert a;
        const std::string rule = in.string(o, "rule", "alerts");
        if (rule == alertRuleName(AlertRule::IpVelocity))
            a.rule = AlertRule::IpVelocity;
        else if (rule == alertRuleName(AlertRule::HighValue))
            a.rule = AlertRule::HighValue;
        else if (in.error.empty())
            in.fail(QStringLiteral("alerts: unknown rule \"%1\"").arg(QString::fromStdString(rule)));
        a.entity = in.string(o, "entity", "alerts");
        a.value = in.integer(o, "value", "alerts");
        if (o.value(QLatin1String("window_start")).isNull())
            a.windowStart.reset();
        else
            a.windowStart = in.time(o, "window_start", "alerts");
        a.eventTime = in.time(o, "event_time", "alerts");
        const std::string severity = in.string(o, "severity", "alerts");
        if (severity == alertSeverityName(AlertSeverity::Critical))
            a.severity = AlertSeverity::Critical;
        else if (severity == alertSeverityName(AlertSeverity::Warning))
            a.severity = AlertSeverity::Warning;
        else if (in.error.empty())
            in.fail(QStringLiteral("alerts: unknown severity \"%1\"").arg(QString::fromStdString(severity)));
        if (a.rule == AlertRule::HighValue)
            a.orderId = a.entity;
        r.alerts.push_back(std::move(a));
    });

    if (!in.error.empty())
        return tl::make_unexpected(in.error);
    return r;
}

} // namespace op
