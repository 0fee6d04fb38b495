// Popular items: per-window top N with ties by name, order counting, late orders, all-time list.
#include "RandomOrders.h"

#include "analytics/Engine.h"

#include <QTest>

using namespace op;
using optest::at;
using optest::makeOrder;

namespace {

const TimestampMs kT0 = at("2026-03-01T00:00:00Z");

OrderEvent withItems(const std::string &id, TimestampMs t, std::vector<OrderItem> items)
{
    OrderEvent e = makeOrder(id, t, "C-1", 1000);
    e.items = std::move(items);
    return e;
}

void feed(Engine &engine, OrderEvent e)
{
    engine.process(e);
}

std::vector<PopularItemRow> windowRows(const Report &r, TimestampMs start)
{
    std::vector<PopularItemRow> out;
    for (const PopularItemRow &p : r.popularItems)
        if (p.windowStart == start)
            out.push_back(p);
    return out;
}

} // namespace

class TestEngineItems : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tiesGoByNameInByteOrder()
    {
        Engine engine;
        // All with quantity 2: byte order puts upper case before lower case and Hangul last.
        feed(engine, withItems("A", kT0 + 1000, {{"김밥", 2, 3000}, {"bibimbap", 2, 9000}, {"Bibimbap", 2, 9000}}));
        feed(engine, withItems("B", kT0 + 2000, {{"Cola", 1, 2000}, {"Cola", 1, 2000}, {"Apple", 2, 500}}));
        feed(engine, withItems("C", kT0 + 3000, {{"Zebra cake", 5, 100}}));
        engine.finish();
        const auto rows = windowRows(engine.report(), kT0);
        QCOMPARE(rows.size(), std::size_t(6));
        const std::vector<std::string> names{"Zebra cake", "Apple", "Bibimbap", "Cola", "bibimbap", "김밥"};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].name, names[i]);
            QCOMPARE(rows[i].rank, static_cast<int>(i) + 1);
        }
        // The same item twice in one order: quantities add, it is one order.
        QCOMPARE(rows[3].quantity, 2);
        QCOMPARE(rows[3].orders, 1);
        QCOMPARE(rows[3].sales, 4000);
        QCOMPARE(rows[0].sales, 500); // 5 x 100
    }

    void onlyTheTopTenPerWindowInWindowOrder()
    {
        Engine engine;
        for (int w = 0; w < 3; ++w) {
            for (int i = 0; i < 14; ++i) {
                const std::string name = "Item " + std::string(1, static_cast<char>('A' + i));
                // Quantity 15 - i, in two orders.
                feed(engine, withItems("O-" + std::to_string(w) + "-" + std::to_string(i) + "a",
                                       kT0 + w * 30000 + i * 100, {{name, 1, 1000}}));
                feed(engine, withItems("O-" + std::to_string(w) + "-" + std::to_string(i) + "b",
                                       kT0 + w * 30000 + i * 100 + 50, {{name, 14 - i, 1000}}));
            }
        }
        engine.finish();
        const Report r = engine.report();
        QCOMPARE(r.popularItems.size(), std::size_t(30));
        for (std::size_t i = 0; i < r.popularItems.size(); ++i) {
            const PopularItemRow &row = r.popularItems[i];
            QCOMPARE(row.windowStart, kT0 + static_cast<TimestampMs>(i / 10) * 30000);
            QCOMPARE(row.rank, static_cast<int>(i % 10) + 1);
            QCOMPARE(row.quantity, 15 - static_cast<std::int64_t>(i % 10));
            QCOMPARE(row.orders, 2);
        }
        QCOMPARE(r.popularItems[9].name, std::string("Item J"));
    }

    void lateOrdersCountOnlyAllTime()
    {
        EngineSettings settings;
        settings.allTimeTopN = 2;
        Engine engine(settings);
        feed(engine, withItems("A", kT0 + 100000, {{"Soup", 1, 1000}}));
        feed(engine, withItems("L", kT0 + 1000, {{"Tea", 9, 1000}})); // late
        feed(engine, withItems("B", kT0 + 100500, {{"Rice", 2, 1000}}));
        QCOMPARE(engine.events().late, 1);
        const auto snapshot = engine.snapshot();
        QCOMPARE(snapshot->topItemsAllTime.size(), std::size_t(2));
        QCOMPARE(snapshot->topItemsAllTime[0].name, std::string("Tea"));
        QCOMPARE(snapshot->topItemsAllTime[0].quantity, 9);
        QCOMPARE(snapshot->topItemsAllTime[1].name, std::string("Rice"));
        engine.finish();
        const Report r = engine.report();
        for (const PopularItemRow &p : r.popularItems)
            QVERIFY(p.name != "Tea");
        QCOMPARE(r.popularItems.size(), std::size_t(2));
    }

    void ordersWithoutItemsCountEverywhereElse()
    {
        Engine engine;
        feed(engine, withItems("A", kT0, {}));
        engine.finish();
        const Report r = engine.report();
        QVERIFY(r.popularItems.empty());
        QCOMPARE(r.realtimeStats.size(), std::size_t(1));
        QCOMPARE(r.totals.orders, 1);
    }
};

QTEST_GUILESS_MAIN(TestEngineItems)
#include "tst_engine_items.moc"
