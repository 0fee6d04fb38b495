#include "sinks/RedisSnapshotCodec.h"

#include "io/JsonWriter.h"

#include <algorithm>
#include <numeric>

namespace op {

namespace {

void optionalNumber(JsonWriter &w, const std::optional<double> &v)
{
    if (v)
        w.number(*v);
    else
        w.null();
}

template<typename Array> void integers(JsonWriter &w, const Array &values)
{
    w.beginArray();
    for (const auto v : values)
        w.integer(static_cast<std::int64_t>(v));
    w.endArray();
}

void trendPoints(JsonWriter &w, const std::vector<TrendPoint> &points)
{
    w.beginArray();
    for (const TrendPoint &p : points) {
        w.beginArray();
        w.integer(p.start);
        w.integer(p.orders);
        w.integer(p.sales);
        w.endArray();
    }
    w.endArray();
}

void itemRows(JsonWriter &w, const std::vector<PopularItemRow> &rows)
{
    w.beginArray();
    for (const PopularItemRow &r : rows) {
        w.beginArray();
        w.integer(r.windowStart);
        w.integer(r.rank);
        w.string(r.name);
        w.integer(r.quantity);
        w.integer(r.orders);
        w.integer(r.sales);
        w.endArray();
    }
    w.endArray();
}

void histogram(JsonWriter &w, const std::vector<HistogramBucket> &buckets)
{
    w.beginArray();
    for (const HistogramBucket &b : buckets) {
        w.beginArray();
        w.number(b.from);
        w.number(b.to);
        w.integer(b.count);
        w.endArray();
    }
    w.endArray();
}

// The rows the snapshot key carries: all of them, or the `limit` with the highest monetary value
// (ties by customer_id), kept in customer_id order.
std::vector<const CustomerRow *> customerRows(const std::vector<CustomerRow> &table, std::size_t limit)
{
    std::vector<const CustomerRow *> rows;
    rows.reserve(std::min(limit, table.size()));
    if (table.size() <= limit) {
        for (const CustomerRow &r : table)
            rows.push_back(&r);
        return rows;
    }
    std::vector<std::size_t> order(table.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(limit), order.end(),
                     [&](std::size_t a, std::size_t b) {
                         return table[a].monetary != table[b].monetary ? table[a].monetary > table[b].monetary
                                                                       : a < b;
                     });
    order.resize(limit);
    std::sort(order.begin(), order.end());
    for (const std::size_t i : order)
        rows.push_back(&table[i]);
    return rows;
}

void customers(JsonWriter &w, const CustomerSummary &c, std::size_t maxCustomers)
{
    w.beginObject();
    w.key("segments");
    integers(w, c.segmentCounts);
    w.key("revenue");
    integers(w, c.segmentRevenue);
    w.key("rf");
    w.beginArray();
    for (const auto &row : c.rfGrid)
        integers(w, row);
    w.endArray();
    w.key("grades");
    integers(w, c.gradeCounts);
    w.key("clv");
    histogram(w, c.clvHistogram);
    w.key("as_of");
    w.integer(c.computedAtEventTime);
    w.key("rows");
    w.integer(c.table ? static_cast<std::int64_t>(c.table->size()) : 0);
    w.key("table");
    if (!c.table) {
        w.null();
    } else {
        w.beginArray();
        for (const CustomerRow *r : customerRows(*c.table, maxCustomers)) {
            w.beginArray();
            w.string(r->customerId);
            w.integer(r->lastOrder);
            w.integer(r->frequency);
            w.integer(r->monetary);
            w.integer(r->r);
            w.integer(r->f);
            w.integer(r->m);
            w.string(r->segment);
            w.string(r->grade);
            w.integer(r->clv);
            w.endArray();
        }
        w.endArray();
    }
    w.endObject();
}

void delivery(JsonWriter &w, const DeliveryReport &d)
{
    w.beginObject();
    w.key("count");
    w.integer(d.count);
    w.key("mean");
    optionalNumber(w, d.mean);
    w.key("p50");
    optionalNumber(w, d.p50);
    w.key("p90");
    optionalNumber(w, d.p90);
    w.key("p99");
    optionalNumber(w, d.p99);
    w.key("histogram");
    histogram(w, d.histogram);
    w.key("by_distance");
    w.beginArray();
    for (const DistanceBucket &b : d.byDistance) {
        w.beginArray();
        w.number(b.fromKm);
        optionalNumber(w, b.toKm);
        w.integer(b.count);
        optionalNumber(w, b.mean);
        w.endArray();
    }
    w.endArray();
    w.key("late_rate_by_hour");
    w.beginArray();
    for (const auto &v : d.lateRateByHour)
        optionalNumber(w, v);
    w.endArray();
    w.endObject();
}

void sources(JsonWriter &w, const std::vector<SourceHealth> &list)
{
    w.beginArray();
    for (const SourceHealth &s : list) {
        w.beginObject();
        w.key("name");
        w.string(s.name);
        w.key("state");
        w.string(s.state);
        w.key("error");
        w.string(s.lastError);
        w.key("messages_per_second");
        w.number(s.messagesPerSecond);
        w.key("bytes_per_second");
        w.number(s.bytesPerSecond);
        w.key("progress");
        w.number(s.progress);
        w.key("rebalances");
        w.integer(s.rebalances);
        w.key("lag");
        w.beginArray();
        for (const PartitionLag &l : s.lag) {
            w.beginArray();
            w.string(l.topic);
            w.integer(l.partition);
            w.integer(l.lag);
            w.integer(l.offset);
            w.endArray();
        }
        w.endArray();
        w.endObject();
    }
    w.endArray();
}

} // namespace

std::string RedisSnapshotCodec::encode(const Snapshot &s, std::size_t maxCustomers)
{
    std::string out;
    out.reserve(4096);
    JsonWriter w(out);
    w.beginObject();
    w.key("v");
    w.integer(kVersion);
    w.key("sequence");
    w.integer(s.sequence);
    w.key("wall_time");
    w.integer(s.wallTimeMs);
    w.key("watermark");
    w.integer(s.watermark);
    w.key("max_event_time");
    w.integer(s.maxEventTime);
    w.key("events");
    integers(w, std::array<std::int64_t, 4>{s.events.accepted, s.events.quarantined, s.events.duplicates,
                                            s.events.late});
    w.key("totals");
    integers(w, std::array<std::int64_t, 5>{s.totals.orders, s.totals.sales, s.totals.avgOrderValue,
                                            s.totals.customers, s.totals.merchants});
    w.key("windows");
    w.beginArray();
    for (const RealtimeStatsRow &r : s.recentWindows)
        integers(w, std::array<std::int64_t, 6>{r.windowStart, r.windowEnd, r.totalOrders, r.totalSales,
                                                r.avgOrderValue, r.suspiciousIpCount});
    w.endArray();
    w.key("top_now");
    itemRows(w, s.topItemsNow);
    w.key("top_all");
    itemRows(w, s.topItemsAllTime);
    w.key("minutes");
    trendPoints(w, s.minuteTrend);
    w.key("hours");
    trendPoints(w, s.hourlyTrend);
    w.key("days");
    w.beginArray();
    for (const DailyTrendRow &d : s.dailyTrend) {
        w.beginArray();
        w.string(d.day);
        w.integer(d.orders);
        w.integer(d.sales);
        w.endArray();
    }
    w.endArray();
    w.key("hour_of_week");
    w.beginArray();
    for (const auto &day : s.hourOfWeek)
        integers(w, day);
    w.endArray();
    w.key("customers");
    customers(w, s.customers, maxCustomers);
    w.key("merchants");
    w.beginArray();
    for (const MerchantRow &m : s.merchants) {
        w.beginArray();
        w.string(m.merchantId);
        w.string(m.name);
        w.integer(m.orders);
        w.integer(m.sales);
        w.integer(m.avgOrderValue);
        optionalNumber(w, m.rating);
        optionalNumber(w, m.deliveryMin);
        w.number(m.lateRate);
        w.number(m.cancelRate);
        w.endArray();
    }
    w.endArray();
    w.key("delivery");
    delivery(w, s.delivery);
    w.key("delivery_percentiles");
    w.beginArray();
    for (const DeliveryPercentilePoint &p : s.deliveryPercentiles) {
        w.beginArray();
        w.integer(p.start);
        w.integer(p.count);
        w.number(p.p50);
        w.number(p.p90);
        w.endArray();
    }
    w.endArray();
    w.key("alerts");
    w.beginArray();
    for (const Alert &a : s.recentAlerts) {
        w.beginArray();
        w.string(alertRuleName(a.rule));
        w.string(a.entity);
        w.integer(a.value);
        if (a.windowStart)
            w.integer(*a.windowStart);
        else
            w.null();
        w.integer(a.eventTime);
        w.string(alertSeverityName(a.severity));
        w.string(a.orderId);
        w.boolean(a.acknowledged);
        w.endArray();
    }
    w.endArray();
    w.key("open_alerts");
    w.integer(s.openAlerts);
    w.key("sources");
    sources(w, s.sources);
    w.endObject();
    return out;
}

} // namespace op
