#include "analytics/ReportJson.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace op {

namespace {

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

} // namespace op
