#include "GeneratorTestSupport.h"
#include "io/Generator.h"
#include "model/OrderEvent.h"
#include "model/Timestamp.h"

#include <QTest>
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

using namespace op;
using namespace optest;

// Is the generated data shaped like a real delivery business? The analyses (trends, RFM,
// delivery, fraud) only show something interesting if it is.
class TestGeneratorRealism : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeOfDayAndWeekShape()
    {
        std::array<std::int64_t, 24> byHour{};
        std::map<TimestampMs, std::int64_t> byDay;
        for (const auto &e : goodEvents(generateAll(realisticOptions()))) {
            ++byHour[static_cast<std::size_t>(seoulHour(e.eventTime))];
            ++byDay[floorDivMs(e.eventTime + kSeoulOffset, kMsPerDay)];
        }
        qInfo("orders by Seoul hour: 4h %lld, 12h %lld, 19h %lld", static_cast<long long>(byHour[4]),
              static_cast<long long>(byHour[12]), static_cast<long long>(byHour[19]));
        QVERIFY(byHour[12] > 4 * byHour[4]);
        QVERIFY(byHour[19] > 4 * byHour[4]);
        for (int quiet = 2; quiet < 7; ++quiet) {
            QVERIFY(byHour[12] > 4 * byHour[static_cast<std::size_t>(quiet)]);
            QVERIFY(byHour[19] > byHour[static_cast<std::size_t>(quiet)] * 4);
        }
        QVERIFY(byHour[12] > byHour[15]); // a lunch peak, not a plateau
        QVERIFY(byHour[19] > byHour[22]);

        double weekend = 0, weekdays = 0;
        int weekendDays = 0, weekdayCount = 0;
        for (const auto &[day, count] : byDay) {
            const int dow = seoulWeekday(day * kMsPerDay - kSeoulOffset + kMsPerHour);
            if (dow >= 5) {
                weekend += static_cast<double>(count);
                ++weekendDays;
            } else {
                weekdays += static_cast<double>(count);
                ++weekdayCount;
            }
        }
        QCOMPARE(weekendDays + weekdayCount, 30);
        const double lift = (weekend / weekendDays) / (weekdays / weekdayCount);
        qInfo("weekend lift %.2f", lift);
        QVERIFY(lift > 1.15 && lift < 1.45);
    }

    void fraudSignalsPresent()
    {
        const auto events = goodEvents(generateAll(realisticOptions()));
        Generator g(realisticOptions());
        const auto abusive = g.abusiveIps();
        QVERIFY(abusive.size() >= 5 && abusive.size() <= 10);
        std::map<std::pair<std::string, TimestampMs>, int> perIpMinute;
        std::int64_t highValue = 0;
        std::int64_t fromAbusive = 0;
        for (const auto &e : events) {
            ++perIpMinute[{e.ip, floorDivMs(e.eventTime, kMsPerMinute)}];
            highValue += *e.amount >= 500000 ? 1 : 0;
            fromAbusive += std::count(abusive.begin(), abusive.end(), e.ip);
        }
        std::set<std::string> velocityIps;
        for (const auto &[key, count] : perIpMinute)
            if (count >= 10)
                velocityIps.insert(key.first);
        qInfo("high value %lld, abusive-IP orders %lld, IPs over velocity %zu",
              static_cast<long long>(highValue), static_cast<long long>(fromAbusive), velocityIps.size());
        // Every abusive IP trips the 10-per-minute rule and no ordinary customer does.
        QCOMPARE(velocityIps, std::set<std::string>(abusive.begin(), abusive.end()));
        QCOMPARE(fromAbusive, g.burstOrderCount());
        QCOMPARE(g.burstOrderCount(), qint64(10000));
        QVERIFY(highValue >= 100 && highValue <= 300); // about 0.2 % of 90,000 ordinary orders
    }

    void deliveryAndCustomerShape()
    {
        const GeneratorOptions o = realisticOptions();
        const auto events = goodEvents(generateAll(o));
        std::int64_t cancelled = 0, delivered = 0, rated = 0, late = 0, nearby = 0;
        std::unordered_map<std::string, std::pair<int, TimestampMs>> customers; // orders, last order
        for (const auto &e : events) {
            if (e.status == OrderStatus::Cancelled) {
                ++cancelled;
            } else {
                ++delivered;
                rated += e.rating ? 1 : 0;
                late += *e.deliveryMin > *e.promisedMin ? 1 : 0;
            }
            nearby += *e.distanceKm >= 1.0 && *e.distanceKm <= 4.0 ? 1 : 0;
            auto &c = customers[e.customerId];
            ++c.first;
            c.second = e.eventTime;
        }
        const auto n = static_cast<double>(events.size());
        const double cancelRate = static_cast<double>(cancelled) / n;
        const double ratedShare = static_cast<double>(rated) / static_cast<double>(delivered);
        const double lateRate = static_cast<double>(late) / static_cast<double>(delivered);
        const double nearbyShare = static_cast<double>(nearby) / n;
        qInfo("cancelled %.3f, rated %.3f, late %.3f, 1-4 km %.3f", cancelRate, ratedShare, lateRate,
              nearbyShare);
        QVERIFY(cancelRate >= 0.02 && cancelRate <= 0.07);
        QVERIFY(ratedShare > 0.55 && ratedShare < 0.65);
        QVERIFY(lateRate > 0.05 && lateRate < 0.35);
        QVERIFY(nearbyShare > 0.5);

        std::vector<int> counts;
        std::int64_t lapsed = 0, loyalRecent = 0;
        const TimestampMs half = o.start + 15 * kMsPerDay;
        const TimestampMs lastDays = o.start + 27 * kMsPerDay;
        for (const auto &[id, c] : customers) {
            counts.push_back(c.first);
            lapsed += c.second < half ? 1 : 0;
            loyalRecent += c.first >= 20 && c.second >= lastDays ? 1 : 0;
        }
        std::sort(counts.begin(), counts.end());
        const int median = counts[counts.size() / 2];
        qInfo("customers %zu, median orders %d, max %d, lapsed %lld, frequent & recent %lld", counts.size(),
              median, counts.back(), static_cast<long long>(lapsed), static_cast<long long>(loyalRecent));
        QVERIFY(counts.back() >= 8 * median);                                                  // a long tail
        QVERIFY(static_cast<double>(lapsed) > 0.08 * static_cast<double>(counts.size()));      // Hibernating
        QVERIFY(static_cast<double>(loyalRecent) > 0.02 * static_cast<double>(counts.size())); // Champions
    }
};

QTEST_GUILESS_MAIN(TestGeneratorRealism)
#include "tst_generatorrealism.moc"
