#include "analytics/DeliveryAnalysis.h"

#include "analytics/FixedPoint.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace op {

namespace {
constexpr int kTrendBits = 6; // ~1.6 % buckets: plenty for a chart, ~20 KB a minute
}

DeliveryAnalysis::DeliveryAnalysis(const EngineSettings &settings,
                                   std::function<int(TimestampMs)> localHourOfDay)
    : m_hourOfDay(std::move(localHourOfDay))
    , m_trendSpanMs(static_cast<TimestampMs>(std::max(settings.snapshotMinutes, 1)) * kMsPerMinute)
{
}

int DeliveryAnalysis::distanceBucket(double km)
{
    if (km < 1.0)
        return 0;
    if (km < 2.0)
        return 1;
    if (km < 3.0)
        return 2;
    if (km < 5.0)
        return 3;
    return 4;
}

std::int64_t DeliveryAnalysis::histogramBucket(double minutes)
{
    // From the value as given (not its thousandths), so 4.9996 stays in [0, 5).
    const double b = std::floor(minutes / 5.0);
    if (!(b > 0))
        return 0;
    return b >= static_cast<double>(kMaxHistogramBuckets - 1) ? kMaxHistogramBuckets - 1
                                                              : static_cast<std::int64_t>(b);
}

void DeliveryAnalysis::apply(const OrderEvent &order, int sign)
{
    if (order.status != OrderStatus::Delivered || !order.deliveryMin)
        return;
    const double minutes = *order.deliveryMin;
    const std::int64_t thousandths = toThousandths(minutes);

    m_count += sign;
    m_sumThousandths += sign * thousandths;
    if (sign > 0)
        m_percentiles.add(thousandths);
    else
        m_percentiles.remove(thousandths);

    const auto bucket = static_cast<std::size_t>(histogramBucket(minutes));
    if (bucket >= m_histogram.size())
        m_histogram.resize(bucket + 1, 0);
    m_histogram[bucket] += sign;

    if (order.distanceKm) {
        const auto d = static_cast<std::size_t>(distanceBucket(*order.distanceKm));
        m_distanceCount[d] += sign;
        m_distanceThousandths[d] += sign * thousandths;
    }
    if (order.promisedMin) {
        // Without a zone function, UTC hours.
        const int hour = std::clamp(
            m_hourOfDay
                ? m_hourOfDay(order.eventTime)
                : static_cast<int>((order.eventTime - floorTo(order.eventTime, kMsPerDay)) / kMsPerHour),
            0, 23);
        m_lateBase[static_cast<std::size_t>(hour)] += sign;
        if (minutes > *order.promisedMin)
            m_late[static_cast<std::size_t>(hour)] += sign;
    }
    applyTrend(order, thousandths, sign);
}

void DeliveryAnalysis::applyTrend(const OrderEvent &order, std::int64_t thousandths, int sign)
{
    const TimestampMs minute = floorTo(order.eventTime, kMsPerMinute);
    if (m_trendStarted && minute < m_trendFloor)
        return; // pruned: its minute is no longer charted
    auto it = m_lastMinute != m_trend.end() && m_lastMinute->first == minute ? m_lastMinute : m_trend.find(minute);
    if (it == m_trend.end()) {
        if (sign < 0)
            return;
        if (m_spareMinutes.empty()) {
            it = m_trend.emplace(minute, PercentileHistogram(kTrendBits)).first;
        } else {
            // A pruned minute's node and histogram buffers, so a new minute allocates nothing.
            auto node = std::move(m_spareMinutes.back());
            m_spareMinutes.pop_back();
            node.key() = minute;
            it = m_trend.insert(std::move(node)).position;
        }
    }
    m_lastMinute = it;
    if (sign > 0)
        it->second.add(thousandths);
    else
        it->second.remove(thousandths);
}

void DeliveryAnalysis::onOrderPlaced(const OrderEvent &order, const EventContext &context)
{
    // The charted minutes follow the newest event time; older placement minutes are dropped.
    const TimestampMs floor = floorTo(context.maxEventTime, kMsPerMinute) - m_trendSpanMs + kMsPerMinute;
    if (!m_trendStarted || floor > m_trendFloor) {
        m_trendFloor = floor;
        m_trendStarted = true;
        if (!m_trend.empty() && m_trend.begin()->first < m_trendFloor)
            m_lastMinute = m_trend.end();
        while (!m_trend.empty() && m_trend.begin()->first < m_trendFloor) {
            if (m_spareMinutes.size() >= kMaxSpareMinutes) {
                m_trend.erase(m_trend.begin());
                continue;
            }
            auto node = m_trend.extract(m_trend.begin());
            node.mapped().clear();
            m_spareMinutes.push_back(std::move(node));
        }
    }
    apply(order, +1);
}

void DeliveryAnalysis::onOrderUpdated(const OrderEvent &before, const OrderEvent &after,
                                      const EventContext &context)
{
    (void)context;
    apply(before, -1);
    apply(after, +1);
}

DeliveryReport DeliveryAnalysis::build() const
{
    DeliveryReport r;
    r.count = m_count;
    if (m_count > 0) {
        r.mean = ratio4(m_sumThousandths, m_count * 1000);
        r.p50 = m_percentiles.percentile(50, 1000);
        r.p90 = m_percentiles.percentile(90, 1000);
        r.p99 = m_percentiles.percentile(99, 1000);
    }
    std::size_t last = 0;
    bool any = false;
    for (std::size_t i = 0; i < m_histogram.size(); ++i) {
        if (m_histogram[i] != 0) {
            last = i;
            any = true;
        }
    }
    if (any) {
        for (std::size_t i = 0; i <= last; ++i)
            r.histogram.push_back(HistogramBucket{5.0 * static_cast<double>(i),
                                                  5.0 * static_cast<double>(i + 1), m_histogram[i]});
    }
    static constexpr std::array<double, kDistanceBuckets> kFrom{0, 1, 2, 3, 5};
    for (std::size_t d = 0; d < kDistanceBuckets; ++d) {
        DistanceBucket b;
        b.fromKm = kFrom[d];
        if (d + 1 < kDistanceBuckets)
            b.toKm = kFrom[d + 1];
        b.count = m_distanceCount[d];
        if (b.count > 0)
            b.mean = ratio4(m_distanceThousandths[d], b.count * 1000);
        r.byDistance.push_back(b);
    }
    for (std::size_t h = 0; h < 24; ++h) {
        if (m_lateBase[h] > 0)
            r.lateRateByHour[h] = ratio4(m_late[h], m_lateBase[h]);
    }
    return r;
}

void DeliveryAnalysis::fillReport(Report &report) const
{
    report.delivery = build();
}

void DeliveryAnalysis::fillSnapshot(Snapshot &snapshot) const
{
    snapshot.delivery = build();
    snapshot.deliveryPercentiles.clear();
    for (const auto &[minute, histogram] : m_trend) {
        if (histogram.empty())
            continue;
        snapshot.deliveryPercentiles.push_back(DeliveryPercentilePoint{
            minute, histogram.count(), *histogram.percentile(50, 1000), *histogram.percentile(90, 1000)});
    }
}

} // namespace op
