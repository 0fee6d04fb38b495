// The same events give the same report bytes however they are batched, interleaved with
// snapshots, or split over partitions (files).
#include "RandomOrders.h"
#include "ReportDiff.h"

#include "analytics/Engine.h"
#include "analytics/ReportJson.h"

#include <QTest>

using namespace op;

namespace {

std::vector<OrderEvent> stream(std::uint64_t seed)
{
    optest::RandomOrdersOptions o;
    o.orders = 3000;
    o.customers = 300;
    o.lifecycle = seed % 2 == 0;
    o.outcomeFirstShare = 0; // a placement held back past the lateness would be late in one split only
    o.shuffleMs = 8000;
    o.duplicateShare = 0.03;
    o.duplicateTimeShift = false; // a resent copy with another time could arrive first in a split
    o.ipBursts = 10;
    o.highValueShare = 0.03;
    o.seed = seed;
    return optest::makeRandomOrders(o);
}

std::string singlePass(const std::vector<OrderEvent> &events)
{
    Engine engine;
    for (OrderEvent e : events)
        engine.process(e);
    engine.finish();
    return reportToJson(engine.report());
}

} // namespace

class TestEngineDeterminism : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotsAndPartialReportsChangeNothing_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("batch");
        for (int seed : {1, 2})
            for (int batch : {1, 7, 100, 2500})
                QTest::addRow("seed %d, every %d events", seed, batch) << seed << batch;
    }
    void snapshotsAndPartialReportsChangeNothing()
    {
        QFETCH(int, seed);
        QFETCH(int, batch);
        const auto events = stream(static_cast<std::uint64_t>(seed));
        const std::string expected = singlePass(events);
        Engine engine;
        std::size_t i = 0;
        for (OrderEvent e : events) {
            engine.process(e);
            if (++i % static_cast<std::size_t>(batch) == 0) {
                (void)engine.snapshot();
                if (i % (static_cast<std::size_t>(batch) * 4) == 0)
                    (void)engine.report();
            }
        }
        engine.finish();
        const QString diff = optest::firstDifference(reportToJson(engine.report()), expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void partitionSplitsGiveTheSameBytes_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<int>("partitions");
        QTest::addColumn<QString>("split");      // "round robin" or "contiguous"
        QTest::addColumn<QString>("schedule");   // how the partitions are interleaved
        for (int seed : {1, 2, 3, 4}) {
            for (int partitions : {2, 3, 6}) {
                for (const char *split : {"round robin", "contiguous"}) {
                    for (const char *schedule : {"alternate", "one after another", "reverse", "bursts"})
                        QTest::addRow("seed %d, %d %s, %s", seed, partitions, split, schedule)
                            << seed << partitions << QString::fromLatin1(split) << QString::fromLatin1(schedule);
                }
            }
        }
    }
    void partitionSplitsGiveTheSameBytes()
    {
        QFETCH(int, seed);
        QFETCH(int, partitions);
        QFETCH(QString, split);
        QFETCH(QString, schedule);
        const auto events = stream(static_cast<std::uint64_t>(seed));
        const std::string expected = singlePass(events);

        // Split the arrival sequence into per-partition sequences (each keeps its order).
        std::vector<std::vector<OrderEvent>> parts(static_cast<std::size_t>(partitions));
        for (std::size_t i = 0; i < events.size(); ++i) {
            const std::size_t p = split == QLatin1String("round robin")
                                      ? i % parts.size()
                                      : i * parts.size() / events.size();
            parts[p].push_back(events[i]);
        }
        Engine engine;
        for (int p = 0; p < partitions; ++p)
            engine.registerPartition(p);
        std::vector<std::size_t> next(parts.size(), 0);
        const auto step = [&](std::size_t p, std::size_t count) {
            for (std::size_t k = 0; k < count && next[p] < parts[p].size(); ++k) {
                OrderEvent e = parts[p][next[p]++];
                engine.process(e, static_cast<int>(p));
            }
            if (next[p] == parts[p].size())
                engine.finishPartition(static_cast<int>(p));
        };
        const auto remaining = [&] {
            for (std::size_t p = 0; p < parts.size(); ++p)
                if (next[p] < parts[p].size())
                    return true;
            return false;
        };
        std::uint64_t rng = static_cast<std::uint64_t>(seed) * 977;
        while (remaining()) {
            if (schedule == QLatin1String("alternate")) {
                for (std::size_t p = 0; p < parts.size(); ++p)
                    step(p, 1);
            } else if (schedule == QLatin1String("one after another")) {
                for (std::size_t p = 0; p < parts.size(); ++p)
                    step(p, parts[p].size());
            } else if (schedule == QLatin1String("reverse")) {
                for (std::size_t p = parts.size(); p-- > 0;)
                    step(p, parts[p].size());
            } else { // random bursts of random partitions
                rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
                step((rng >> 33) % parts.size(), 1 + (rng >> 13) % 200);
            }
        }
        engine.finish();
        QCOMPARE(engine.events().late, 0);
        const QString diff = optest::firstDifference(reportToJson(engine.report()), expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestEngineDeterminism)
#include "tst_engine_determinism.moc"
