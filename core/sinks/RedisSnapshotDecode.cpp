// RedisSnapshotCodec::decode: reads what encode writes, with simdjson's DOM (a snapshot is read a
// few times per second by a viewer, so clarity matters more than the last microsecond).
#include "sinks/RedisSnapshotCodec.h"

#include <simdjson.h>

namespace op {

namespace {

using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

// Reads typed values and keeps the first error; after one, every getter returns a harmless value.
class Reader
{
public:
    std::string error;

    bool fail(const std::string &what)
    {
        if (error.empty())
            error = what;
        return false;
    }

    element member(const object &o, const char *name)
    {
        element e;
        if (o[name].get(e) != simdjson::SUCCESS)
            fail(std::string("missing \"") + name + "\"");
        return e;
    }

    object objectOf(const element &e, const char *what)
    {
        object o;
        if (!error.empty() || e.get(o) != simdjson::SUCCESS)
            fail(std::string(what) + " is not an object");
        return o;
    }

    // The elements of an array, optionally of an exact size.
    std::vector<element> arrayOf(const element &e, const char *what, std::size_t size = 0)
    {
        std::vector<element> out;
        array a;
        if (!error.empty() || e.get(a) != simdjson::SUCCESS) {
            fail(std::string(what) + " is not an array");
            return out;
        }
        for (element x : a)
            out.push_back(x);
        if (size != 0 && out.size() != size) {
            fail(std::string(what) + " has " + std::to_string(out.size()) + " elements, expected " +
                 std::to_string(size));
            out.clear();
        }
        return out;
    }

    std::int64_t integer(const element &e, const char *what)
    {
        std::int64_t v = 0;
        if (error.empty() && e.get(v) != simdjson::SUCCESS)
            fail(std::string(what) + " is not an integer");
        return v;
    }

    double number(const element &e, const char *what)
    {
        double v = 0;
        if (error.empty() && e.get_double().get(v) != simdjson::SUCCESS)
            fail(std::string(what) + " is not a number");
        return v;
    }

    std::optional<double> optionalNumber(const element &e, const char *what)
    {
        if (!error.empty() || e.is_null())
            return std::nullopt;
        return number(e, what);
    }

    std::string string(const element &e, const char *what)
    {
        std::string_view v;
        if (error.empty() && e.get(v) != simdjson::SUCCESS)
            fail(std::string(what) + " is not a string");
        return std::string(v);
    }

    bool boolean(const element &e, const char *what)
    {
        bool v = false;
        if (error.empty() && e.get(v) != simdjson::SUCCESS)
            fail(std::string(what) + " is not true or false");
        return v;
    }

    // Fills a fixed-size integer array (segment counts, rf grid rows, ...).
    template<typename Array> void integers(const element &e, const char *what, Array &out)
    {
        const auto values = arrayOf(e, what, out.size());
        for (std::size_t i = 0; i < values.size(); ++i)
            out[i] = integer(values[i], what);
    }

    std::vector<TrendPoint> trendPoints(const element &e, const char *what)
    {
        std::vector<TrendPoint> out;
        for (const element &row : arrayOf(e, what)) {
            const auto f = arrayOf(row, what, 3);
            if (f.empty())
                break;
            out.push_back({integer(f[0], what), integer(f[1], what), integer(f[2], what)});
        }
        return out;
    }

    std::vector<PopularItemRow> itemRows(const element &e, const char *what)
    {
        std::vector<PopularItemRow> out;
        for (const element &row : arrayOf(e, what)) {
            const auto f = arrayOf(row, what, 6);
            if (f.empty())
                break;
            PopularItemRow r;
            r.windowStart = integer(f[0], what);
            r.rank = static_cast<int>(integer(f[1], what));
            r.name = string(f[2], what);
            r.quantity = integer(f[3], what);
            r.orders = integer(f[4], what);
            r.sales = integer(f[5], what);
            out.push_back(std::move(r));
        }
        return out;
    }

    std::vector<HistogramBucket> histogram(const element &e, const char *what)
    {
        std::vector<HistogramBucket> out;
        for (const element &row : arrayOf(e, what)) {
            const auto f = arrayOf(row, what, 3);
            if (f.empty())
                break;
            out.push_back({number(f[0], what), number(f[1], what), integer(f[2], what)});
        }
        return out;
    }
};

void readCustomers(Reader &in, const element &e, CustomerSummary &c)
{
    const object o = in.objectOf(e, "customers");
    if (!in.error.empty())
        return;
    in.integers(in.member(o, "segments"), "customers.segments", c.segmentCounts);
    in.integers(in.member(o, "revenue"), "customers.revenue", c.segmentRevenue);
    const auto grid = in.arrayOf(in.member(o, "rf"), "customers.rf", c.rfGrid.size());
    for (std::size_t i = 0; i < grid.size(); ++i)
        in.integers(grid[i], "customers.rf", c.rfGrid[i]);
    in.integers(in.member(o, "grades"), "customers.grades", c.gradeCounts);
    c.clvHistogram = in.histogram(in.member(o, "clv"), "customers.clv");
    c.computedAtEventTime = in.integer(in.member(o, "as_of"), "customers.as_of");
    const element table = in.member(o, "table");
    if (!in.error.empty() || table.is_null())
        return;
    auto rows = std::make_shared<std::vector<CustomerRow>>();
    for (const element &row : in.arrayOf(table, "customers.table")) {
        const auto f = in.arrayOf(row, "customers.table row", 10);
        if (f.empty())
            break;
        CustomerRow r;
        r.customerId = in.string(f[0], "customer_id");
        r.lastOrder = in.integer(f[1], "last_order");
        r.frequency = in.integer(f[2], "frequency");
        r.monetary = in.integer(f[3], "monetary");
        r.r = static_cast<int>(in.integer(f[4], "r"));
        r.f = static_cast<int>(in.integer(f[5], "f"));
        r.m = static_cast<int>(in.integer(f[6], "m"));
        r.segment = in.string(f[7], "segment");
        r.grade = in.string(f[8], "grade");
        r.clv = in.integer(f[9], "clv");
        rows->push_back(std::move(r));
    }
    c.table = std::move(rows);
}

void readDelivery(Reader &in, const element &e, DeliveryReport &d)
{
    const object o = in.objectOf(e, "delivery");
    if (!in.error.empty())
        return;
    d.count = in.integer(in.member(o, "count"), "delivery.count");
    d.mean = in.optionalNumber(in.member(o, "mean"), "delivery.mean");
    d.p50 = in.optionalNumber(in.member(o, "p50"), "delivery.p50");
    d.p90 = in.optionalNumber(in.member(o, "p90"), "delivery.p90");
    d.p99 = in.optionalNumber(in.member(o, "p99"), "delivery.p99");
    d.histogram = in.histogram(in.member(o, "histogram"), "delivery.histogram");
    for (const element &row : in.arrayOf(in.member(o, "by_distance"), "delivery.by_distance")) {
        const auto f = in.arrayOf(row, "delivery.by_distance row", 4);
        if (f.empty())
            break;
        DistanceBucket b;
        b.fromKm = in.number(f[0], "from_km");
        b.toKm = in.optionalNumber(f[1], "to_km");
        b.count = in.integer(f[2], "count");
        b.mean = in.optionalNumber(f[3], "mean");
        d.byDistance.push_back(b);
    }
    const auto hours =
        in.arrayOf(in.member(o, "late_rate_by_hour"), "delivery.late_rate_by_hour", d.lateRateByHour.size());
    for (std::size_t i = 0; i < hours.size(); ++i)
        d.lateRateByHour[i] = in.optionalNumber(hours[i], "late_rate_by_hour");
}

void readAlerts(Reader &in, const element &e, std::vector<Alert> &alerts)
{
    for (const element &row : in.arrayOf(e, "alerts")) {
        const auto f = in.arrayOf(row, "alerts row", 8);
        if (f.empty())
            break;
        Alert a;
        const std::string rule = in.string(f[0], "rule");
        if (rule != alertRuleName(AlertRule::IpVelocity) && rule != alertRuleName(AlertRule::HighValue)) {
            in.fail("unknown alert rule \"" + rule + "\"");
            break;
        }
        a.rule = rule == alertRuleName(AlertRule::IpVelocity) ? AlertRule::IpVelocity : AlertRule::HighValue;
        a.entity = in.string(f[1], "entity");
        a.value = in.integer(f[2], "value");
        if (!f[3].is_null())
            a.windowStart = in.integer(f[3], "window_start");
        a.eventTime = in.integer(f[4], "event_time");
        a.severity = in.string(f[5], "severity") == alertSeverityName(AlertSeverity::Critical)
                         ? AlertSeverity::Critical
                         : AlertSeverity::Warning;
        a.orderId = in.string(f[6], "order_id");
        a.acknowledged = in.boolean(f[7], "acknowledged");
        alerts.push_back(std::move(a));
    }
}

void readSources(Reader &in, const element &e, std::vector<SourceHealth> &list)
{
    for (const element &item : in.arrayOf(e, "sources")) {
        const object o = in.objectOf(item, "source");
        if (!in.error.empty())
            break;
        SourceHealth s;
        s.name = in.string(in.member(o, "name"), "source name");
        s.state = in.string(in.member(o, "state"), "source state");
        s.lastError = in.string(in.member(o, "error"), "source error");
        s.messagesPerSecond = in.number(in.member(o, "messages_per_second"), "messages_per_second");
        s.bytesPerSecond = in.number(in.member(o, "bytes_per_second"), "bytes_per_second");
        s.progress = in.number(in.member(o, "progress"), "progress");
        s.rebalances = in.integer(in.member(o, "rebalances"), "rebalances");
        for (const element &row : in.arrayOf(in.member(o, "lag"), "lag")) {
            const auto f = in.arrayOf(row, "lag row", 4);
            if (f.empty())
                break;
            PartitionLag l;
            l.topic = in.string(f[0], "topic");
            l.partition = static_cast<int>(in.integer(f[1], "partition"));
            l.lag = in.integer(f[2], "lag");
            l.offset = in.integer(f[3], "offset");
            s.lag.push_back(std::move(l));
        }
        list.push_back(std::move(s));
    }
}

} // namespace

tl::expected<std::shared_ptr<Snapshot>, std::string> RedisSnapshotCodec::decode(std::string_view json)
{
    simdjson::dom::parser parser;
    element root;
    if (const auto err = parser.parse(json.data(), json.size()).get(root); err != simdjson::SUCCESS)
        return tl::unexpected(std::string("snapshot: not JSON (") + simdjson::error_message(err) + ")");
    Reader in;
    const object o = in.objectOf(root, "snapshot");
    if (!in.error.empty())
        return tl::unexpected("snapshot: " + in.error);
    const std::int64_t version = in.integer(in.member(o, "v"), "v");
    if (in.error.empty() && version != kVersion)
        return tl::unexpected("snapshot: format version " + std::to_string(version) + " is not " +
                              std::to_string(kVersion) + " (written by another OrderPulse version)");

    auto s = std::make_shared<Snapshot>();
    s->sequence = in.integer(in.member(o, "sequence"), "sequence");
    s->wallTimeMs = in.integer(in.member(o, "wall_time"), "wall_time");
    s->watermark = in.integer(in.member(o, "watermark"), "watermark");
    s->maxEventTime = in.integer(in.member(o, "max_event_time"), "max_event_time");
    std::array<std::int64_t, 4> events{};
    in.integers(in.member(o, "events"), "events", events);
    s->events = {events[0], events[1], events[2], events[3]};
    std::array<std::int64_t, 5> totals{};
    in.integers(in.member(o, "totals"), "totals", totals);
    s->totals = {totals[0], totals[1], totals[2], totals[3], totals[4]};
    for (const element &row : in.arrayOf(in.member(o, "windows"), "windows")) {
        std::array<std::int64_t, 6> f{};
        in.integers(row, "windows row", f);
        s->recentWindows.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
    }
    s->topItemsNow = in.itemRows(in.member(o, "top_now"), "top_now");
    s->topItemsAllTime = in.itemRows(in.member(o, "top_all"), "top_all");
    s->minuteTrend = in.trendPoints(in.member(o, "minutes"), "minutes");
    s->hourlyTrend = in.trendPoints(in.member(o, "hours"), "hours");
    for (const element &row : in.arrayOf(in.member(o, "days"), "days")) {
        const auto f = in.arrayOf(row, "days row", 3);
        if (f.empty())
            break;
        s->dailyTrend.push_back(
            {in.string(f[0], "day"), in.integer(f[1], "orders"), in.integer(f[2], "sales")});
    }
    const auto week = in.arrayOf(in.member(o, "hour_of_week"), "hour_of_week", s->hourOfWeek.size());
    for (std::size_t i = 0; i < week.size(); ++i)
        in.integers(week[i], "hour_of_week", s->hourOfWeek[i]);
    readCustomers(in, in.member(o, "customers"), s->customers);
    for (const element &row : in.arrayOf(in.member(o, "merchants"), "merchants")) {
        const auto f = in.arrayOf(row, "merchants row", 9);
        if (f.empty())
            break;
        MerchantRow m;
        m.merchantId = in.string(f[0], "merchant_id");
        m.name = in.string(f[1], "name");
        m.orders = in.integer(f[2], "orders");
        m.sales = in.integer(f[3], "sales");
        m.avgOrderValue = in.integer(f[4], "avg_order_value");
        m.rating = in.optionalNumber(f[5], "rating");
        m.deliveryMin = in.optionalNumber(f[6], "delivery_min");
        m.lateRate = in.number(f[7], "late_rate");
        m.cancelRate = in.number(f[8], "cancel_rate");
        s->merchants.push_back(std::move(m));
    }
    readDelivery(in, in.member(o, "delivery"), s->delivery);
    for (const element &row : in.arrayOf(in.member(o, "delivery_percentiles"), "delivery_percentiles")) {
        const auto f = in.arrayOf(row, "delivery_percentiles row", 4);
        if (f.empty())
            break;
        s->deliveryPercentiles.push_back({in.integer(f[0], "start"), in.integer(f[1], "count"),
                                          in.number(f[2], "p50"), in.number(f[3], "p90")});
    }
    readAlerts(in, in.member(o, "alerts"), s->recentAlerts);
    s->openAlerts = in.integer(in.member(o, "open_alerts"), "open_alerts");
    readSources(in, in.member(o, "sources"), s->sources);
    if (!in.error.empty())
        return tl::unexpected("snapshot: " + in.error);
    return s;
}

} // namespace op
