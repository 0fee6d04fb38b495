#include "analytics/ReportJson.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace op {

namespace {

// ---- writing ----------------------------------------------------------------------------

class JsonWriter
{
public:
    std::string out;

    void raw(std::string_view s) { out.append(s); }
    void indent(int level) { out.append(static_cast<std::size_t>(level) * 2, ' '); }

    void string(std::string_view s)
    {
        out.push_back('"');
        for (const char c : s) {
            switch (c) {
            case '"': out.append("\\\""); break;
            case '\\': out.append("\\\\"); break;
            case '\b': out.append("\\b"); break;
            case '\f': out.append("\\f"); break;
            case '\n': out.append("\\n"); break;
            case '\r': out.append("\\r"); break;
            case '\t': out.append("\\t"); break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
                    out.append(buf);
                } else {
                    out.push_back(c); // UTF-8 passes through
                }
            }
        }
        out.push_back('"');
    }

    void integer(std::int64_t v)
    {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }

    void number(double v)
    {
        if (!std::isfinite(v)) {
            out.append("null"); // JSON has no NaN or infinity; no figure of ours is either
            return;
        }
        char buf[32];
        const auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    }

    void number(const std::optional<double> &v)
    {
        if (v)
            number(*v);
        else
            out.append("null");
    }

    void time(TimestampMs t) { string(formatIsoUtc(t)); }

    // Compact "key":value members of a one-line object.
    void key(std::string_view k, bool first)
    {
        if (!first)
            out.push_back(',');
        string(k);
        out.push_back(':');
    }
};

// Writes `"name": [` + one line per element + `]` at `level`; `element` writes one element.
template <typename List, typename Fn>
void writeLines(JsonWriter &w, int level, const List &list, Fn element)
{
    if (list.empty()) {
        w.raw("[]");
        return;
    }
    w.raw("[\n");
    bool first = true;
    for (const auto &item : list) {
        if (!first)
            w.raw(",\n");
        first = false;
        w.indent(level + 1);
        element(item);
    }
    w.raw("\n");
    w.indent(level);
    w.raw("]");
}

void member(JsonWriter &w, int level, std::string_view name)
{
    w.indent(level);
    w.string(name);
    w.raw(": ");
}

void endMember(JsonWriter &w, bool last)
{
    w.raw(last ? "\n" : ",\n");
}

void writeCounts(JsonWriter &w, const std::vector<std::pair<std::string, std::int64_t>> &counts)
{
    w.raw("{");
    bool first = true;
    for (const auto &[name, n] : counts) {
        w.key(name, first);
        w.integer(n);
        first = false;
    }
    w.raw("}");
}

} // namespace

std::string reportToJson(const Report &r)
{
    JsonWriter w;
    w.out.reserve(4096 + r.realtimeStats.size() * 160 + r.popularItems.size() * 120 + r.customers.size() * 200
                  + r.merchants.size() * 220 + r.alerts.size() * 160);
    w.raw("{\n");

    member(w, 1, "events");
    w.raw("{");
    w.key("accepted", true); w.integer(r.events.accepted);
    w.key("quarantined", false); w.integer(r.events.quarantined);
    w.key("duplicates", false); w.integer(r.events.duplicates);
    w.key("late", false); w.integer(r.events.late);
    w.raw("}");
    endMember(w, false);

    member(w, 1, "totals");
    w.raw("{");
    w.key("orders", true); w.integer(r.totals.orders);
    w.key("sales", false); w.integer(r.totals.sales);
    w.key("avg_order_value", false); w.integer(r.totals.avgOrderValue);
    w.key("customers", false); w.integer(r.totals.customers);
    w.key("merchants", false); w.integer(r.totals.merchants);
    w.raw("}");
    endMember(w, false);

    member(w, 1, "realtime_stats");
    writeLines(w, 1, r.realtimeStats, [&w](const RealtimeStatsRow &s) {
        w.raw("{");
        w.key("window_start", true); w.time(s.windowStart);
        w.key("window_end", false); w.time(s.windowEnd);
        w.key("total_orders", false); w.integer(s.totalOrders);
        w.key("total_sales", false); w.integer(s.totalSales);
        w.key("avg_order_value", false); w.integer(s.avgOrderValue);
        w.key("suspicious_ip_count", false); w.integer(s.suspiciousIpCount);
        w.raw("}");
    });
    endMember(w, false);

    member(w, 1, "popular_items");
    writeLines(w, 1, r.popularItems, [&w](const PopularItemRow &p) {
        w.raw("{");
        w.key("window_start", true); w.time(p.windowStart);
        w.key("rank", false); w.integer(p.rank);
        w.key("name", false); w.string(p.name);
        w.key("quantity", false); w.integer(p.quantity);
        w.key("orders", false); w.integer(p.orders);
        w.key("sales", false); w.integer(p.sales);
        w.raw("}");
    });
    endMember(w, false);

    member(w, 1, "trends");
    w.raw("{\n");
    member(w, 2, "hourly");
    writeLines(w, 2, r.trends.hourly, [&w](const TrendPoint &p) {
        w.raw("{");
        w.key("hour", true); w.time(p.start);
        w.key("orders", false); w.integer(p.orders);
        w.key("sales", false); w.integer(p.sales);
        w.raw("}");
    });
    endMember(w, false);
    member(w, 2, "daily");
    writeLines(w, 2, r.trends.daily, [&w](const DailyTrendRow &d) {
        w.raw("{");
        w.key("day", true); w.string(d.day);
        w.key("orders", false); w.integer(d.orders);
        w.key("sales", false); w.integer(d.sales);
        w.raw("}");
    });
    endMember(w, false);
    member(w, 2, "hour_of_week");
    writeLines(w, 2, r.trends.hourOfWeek, [&w](const std::array<std::int64_t, 24> &row) {
        w.raw("[");
        for (std::size_t h = 0; h < row.size(); ++h) {
            if (h > 0)
                w.raw(",");
            w.integer(row[h]);
        }
        w.raw("]");
    });
    endMember(w, true);
    w.indent(1);
    w.raw("}");
    endMember(w, false);

    member(w, 1, "customers");
    writeLines(w, 1, r.customers, [&w](const CustomerRow &c) {
        w.raw("{");
        w.key("customer_id", true); w.string(c.customerId);
        w.key("last_order", false); w.time(c.lastOrder);
        w.key("frequency", false); w.integer(c.frequency);
        w.key("monetary", false); w.integer(c.monetary);
        w.key("r", false); w.integer(c.r);
        w.key("f", false); w.integer(c.f);
        w.key("m", false); w.integer(c.m);
        w.key("segment", false); w.string(c.segment);
        w.key("grade", false); w.string(c.grade);
        w.key("clv", false); w.integer(c.clv);
        w.raw("}");
    });
    endMember(w, false);

    member(w, 1, "segments");
    writeCounts(w, r.segments);
    endMember(w, false);
    member(w, 1, "grades");
    writeCounts(w, r.grades);
    endMember(w, false);

    member(w, 1, "merchants");
    writeLines(w, 1, r.merchants, [&w](const MerchantRow &m) {
        w.raw("{");
        w.key("merchant_id", true); w.string(m.merchantId);
        w.key("name", false); w.string(m.name);
        w.key("orders", false); w.integer(m.orders);
        w.key("sales", false); w.integer(m.sales);
        w.key("avg_order_value", false); w.integer(m.avgOrderValue);
        w.key("rating", false); w.number(m.rating);
        w.key("delivery_min", false); w.number(m.deliveryMin);
        w.key("late_rate", false); w.number(m.lateRate);
        w.key("cancel_rate", false); w.number(m.cancelRate);
        w.raw("}");
    });
    endMember(w, false);

    const DeliveryReport &d = r.delivery;
    member(w, 1, "delivery");
    w.raw("{\n");
    member(w, 2, "count"); w.integer(d.count); endMember(w, false);
    member(w, 2, "mean"); w.number(d.mean); endMember(w, false);
    member(w, 2, "p50"); w.number(d.p50); endMember(w, false);
    member(w, 2, "p90"); w.number(d.p90); endMember(w, false);
    member(w, 2, "p99"); w.number(d.p99); endMember(w, false);
    member(w, 2, "histogram");
    writeLines(w, 2, d.histogram, [&w](const HistogramBucket &b) {
        w.raw("{");
        w.key("from", true); w.number(b.from);
        w.key("to", false); w.number(b.to);
        w.key("count", false); w.integer(b.count);
        w.raw("}");
    });
    endMember(w, false);
    member(w, 2, "by_distance");
    writeLines(w, 2, d.byDistance, [&w](const DistanceBucket &b) {
        w.raw("{");
        w.key("from_km", true); w.number(b.fromKm);
        w.key("to_km", false); w.number(b.toKm);
        w.key("count", false); w.integer(b.count);
        w.key("mean", false); w.number(b.mean);
        w.raw("}");
    });
    endMember(w, true);
    w.indent(1);
    w.raw("}");
    endMember(w, false);

    member(w, 1, "alerts");
    writeLines(w, 1, r.alerts, [&w](const Alert &a) {
        w.raw("{");
        w.key("rule", true); w.string(alertRuleName(a.rule));
        w.key("entity", false); w.string(a.entity);
        w.key("value", false); w.integer(a.value);
        w.key("window_start", false);
        if (a.windowStart)
            w.time(*a.windowStart);
        else
            w.raw("null");
        w.key("event_time", false); w.time(a.eventTime);
        w.key("severity", false); w.string(alertSeverityName(a.severity));
        w.raw("}");
    });
    endMember(w, true);

    w.raw("}\n");
    return std::move(w.out);
}

// ---- reading ----------------------------------------------------------------------------

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
