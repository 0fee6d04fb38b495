#include "analytics/PercentileHistogram.h"

#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

using namespace op;

namespace {

// Nearest rank: the value at 1-based rank ceil(p/100 * n) of the sorted values.
std::int64_t exactNearestRank(std::vector<std::int64_t> values, double percent)
{
    std::sort(values.begin(), values.end());
    const auto n = static_cast<std::int64_t>(values.size());
    const auto bp = static_cast<std::int64_t>(std::llround(percent * 100));
    const std::int64_t rank = std::clamp<std::int64_t>((bp * n + 9999) / 10000, 1, n);
    return values[static_cast<std::size_t>(rank - 1)];
}

const double kPercents[] = {0.1, 1, 5, 10, 25, 50, 75, 90, 95, 99, 99.9, 100};

// Values are thousandths of a minute; the histogram reports minutes.
void verifyAgainstExact(const std::vector<std::int64_t> &values, const char *what)
{
    PercentileHistogram h;
    for (const auto v : values)
        h.add(v);
    QCOMPARE(h.count(), static_cast<std::int64_t>(values.size()));
    for (const double p : kPercents) {
        const double exact = static_cast<double>(exactNearestRank(values, p)) / 1000.0;
        const double got = *h.percentile(p, 1000);
        const double tolerance = exact < 1.0 ? 0.01 : 0.01 * exact;
        QVERIFY2(std::abs(got - exact) <= tolerance,
                 qPrintable(QStringLiteral("%1 p%2: got %3, exact %4").arg(what).arg(p).arg(got).arg(exact)));
    }
}

} // namespace

class TestPercentileHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyHasNoPercentile()
    {
        PercentileHistogram h;
        QVERIFY(h.empty());
        QVERIFY(!h.percentile(50).has_value());
    }

    void oneValueIsExact()
    {
        PercentileHistogram h;
        h.add(37'500); // 37.5 minutes
        for (const double p : kPercents)
            QCOMPARE(*h.percentile(p, 1000), 37.5);
    }

    void allEqualValuesAreExact()
    {
        PercentileHistogram h;
        for (int i = 0; i < 1000; ++i)
            h.add(12'345);
        QCOMPARE(*h.percentile(1, 1000), 12.345);
        QCOMPARE(*h.percentile(50, 1000), 12.345);
        QCOMPARE(*h.percentile(99, 1000), 12.345);
    }

    void twoValuesFollowNearestRank()
    {
        PercentileHistogram h;
        h.add(20'000);
        h.add(10'000);
        QCOMPARE(*h.percentile(50, 1000), 10.0); // rank ceil(0.5 * 2) = 1
        QCOMPARE(*h.percentile(50.1, 1000), 20.0);
        QCOMPARE(*h.percentile(90, 1000), 20.0);
        QCOMPARE(*h.percentile(99, 1000), 20.0);
    }

    void zeroMinutes()
    {
        PercentileHistogram h;
        h.add(0);
        QCOMPARE(*h.percentile(50, 1000), 0.0);
        h.add(0);
        h.add(500);
        QCOMPARE(*h.percentile(50, 1000), 0.0);
        QCOMPARE(*h.percentile(90, 1000), 0.5);
        h.add(-7); // counted as 0
        QCOMPARE(h.count(), std::int64_t{4});
        QCOMPARE(*h.percentile(75, 1000), 0.0);
    }

    void hugeValuesStayWithinOnePercent()
    {
        const std::vector<std::int64_t> values{std::numeric_limits<std::int64_t>::max(),
                                               std::numeric_limits<std::int64_t>::max() - 12345,
                                               1'000'000'000'000'000LL, 999'999'999'999LL, 5};
        for (const auto v : values) {
            PercentileHistogram h;
            h.add(v);
            h.add(v);
            const double got = *h.percentile(50, 1000);
            const double exact = static_cast<double>(v) / 1000.0;
            QVERIFY2(std::abs(got - exact) <= 0.01 * exact + 0.01, qPrintable(QString::number(got)));
        }
        verifyAgainstExact(values, "huge mix");
        // Bucket bounds hold over the whole int64 range without overflow.
        PercentileHistogram h;
        const std::size_t top = h.bucketIndex(std::numeric_limits<std::int64_t>::max());
        QCOMPARE(h.bucketUpper(top), std::numeric_limits<std::int64_t>::max());
        QVERIFY(top < 15'000);
    }

    void bucketsAreNarrow()
    {
        PercentileHistogram h;
        std::mt19937_64 rng(7);
        for (int i = 0; i < 100'000; ++i) {
            const auto v = static_cast<std::int64_t>((rng() >> 1) >> (rng() % 63));
            const std::size_t b = h.bucketIndex(v);
            QVERIFY(h.bucketLower(b) <= v && v <= h.bucketUpper(b));
            const std::int64_t width = h.bucketUpper(b) - h.bucketLower(b) + 1;
            QVERIFY(width == 1 || width * 256 <= h.bucketLower(b));
            if (b > 0)
                QCOMPARE(h.bucketUpper(b - 1) + 1, h.bucketLower(b)); // contiguous
        }
    }

    void uniformDistribution()
    {
        std::mt19937_64 rng(42);
        std::vector<std::int64_t> values;
        for (int i = 0; i < 100'000; ++i)
            values.push_back(static_cast<std::int64_t>(rng() % 200'000)); // 0 .. 200 minutes
        verifyAgainstExact(values, "uniform");
    }

    void skewedDistributions()
    {
        std::mt19937_64 rng(1234);
        std::exponential_distribution<double> exponential(1.0 / 30.0);
        std::lognormal_distribution<double> lognormal(3.3, 0.6);
        std::vector<std::int64_t> exp, logn, small;
        for (int i = 0; i < 50'000; ++i) {
            exp.push_back(std::llround(exponential(rng) * 1000));
            logn.push_back(std::llround(lognormal(rng) * 1000));
            small.push_back(static_cast<std::int64_t>(rng() % 1500)); // mostly below one minute
        }
        // A few extreme outliers on top of a tight cluster.
        std::vector<std::int64_t> outliers(10'000, 31'000);
        for (int i = 0; i < 50; ++i)
            outliers.push_back(5'000'000 + i * 1'000'000);
        verifyAgainstExact(exp, "exponential");
        verifyAgainstExact(logn, "lognormal");
        verifyAgainstExact(small, "below one minute");
        verifyAgainstExact(outliers, "outliers");
    }

    void removeUndoesAdd()
    {
        std::mt19937_64 rng(99);
        std::vector<std::int64_t> keep, drop;
        for (int i = 0; i < 20'000; ++i)
            keep.push_back(static_cast<std::int64_t>(rng() % 120'000));
        for (int i = 0; i < 5'000; ++i)
            drop.push_back(static_cast<std::int64_t>(rng() % 900'000));
        PercentileHistogram only, mixed;
        for (const auto v : keep)
            only.add(v);
        for (std::size_t i = 0; i < keep.size(); ++i) {
            mixed.add(keep[i]);
            if (i < drop.size())
                mixed.add(drop[i]);
        }
        for (const auto v : drop)
            QVERIFY(mixed.remove(v));
        QCOMPARE(mixed.count(), only.count());
        for (const double p : kPercents)
            QCOMPARE(*mixed.percentile(p, 1000), *only.percentile(p, 1000));

        QVERIFY(!mixed.remove(50'000'000)); // never added: refused, nothing changes
        QCOMPARE(mixed.count(), only.count());
        PercentileHistogram one;
        one.add(10);
        QVERIFY(one.remove(10));
        QVERIFY(one.empty());
        QVERIFY(!one.percentile(50).has_value());
        QVERIFY(!one.remove(10));
    }

    void resultDependsOnlyOnTheMultiset()
    {
        std::mt19937_64 rng(5);
        std::vector<std::int64_t> values;
        for (int i = 0; i < 30'000; ++i)
            values.push_back(static_cast<std::int64_t>(rng() % 100'000) + (i % 7 == 0 ? 3'000'000 : 0));
        PercentileHistogram a;
        for (const auto v : values)
            a.add(v);
        for (int round = 0; round < 5; ++round) {
            std::shuffle(values.begin(), values.end(), rng);
            PercentileHistogram b;
            // Also pass through extra values added and removed in between.
            for (std::size_t i = 0; i < values.size(); ++i) {
                b.add(values[i]);
                if (i % 3 == 0) {
                    b.add(values[i] * 2 + 1);
                    QVERIFY(b.remove(values[i] * 2 + 1));
                }
            }
            for (const double p : kPercents) {
                const double x = *a.percentile(p, 1000);
                const double y = *b.percentile(p, 1000);
                QVERIFY(std::memcmp(&x, &y, sizeof x) == 0); // the same bits
            }
        }
    }

    void memoryIsBounded()
    {
        PercentileHistogram h;
        std::mt19937_64 rng(3);
        for (int i = 0; i < 1'000'000; ++i)
            h.add(static_cast<std::int64_t>(rng() % 180'000));
        // Delivery minutes up to 3 hours: a few thousand buckets whatever the count.
        QVERIFY2(h.bucketsAllocated() < 3'000, qPrintable(QString::number(h.bucketsAllocated())));
        QVERIFY(h.memoryBytes() < 200'000);
    }
};

QTEST_GUILESS_MAIN(TestPercentileHistogram)
#include "tst_percentile_histogram.moc"
