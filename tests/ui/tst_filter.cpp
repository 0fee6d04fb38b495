// The global filter: picking a region in the filter bar makes the worker recompute everything
// over that region's orders, and the pages show exactly those figures — checked against an
// engine fed only the region's events (and against plain counts from the file). Clearing the
// filter brings the whole dataset back. OrderFilter's rules are checked on their own too.
#include "CollectingHandler.h"
#include "MainWindow.h"
#include "ReplayController.h"
#include "analytics/Engine.h"
#include "common/DemoData.h"
#include "common/Format.h"
#include "io/CodecFactory.h"
#include "io/DatasetReader.h"
#include "models/MerchantTableModel.h"
#include "pages/OverviewPage.h"
#include "pages/RestaurantsPage.h"
#include "runtime/OrderFilter.h"
#include "widgets/FilterBar.h"
#include "widgets/KpiTile.h"

#include <QComboBox>
#include <QSignalSpy>
#include <QTest>
#include <map>
#include <set>

using namespace opui;

class TestFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void orderFilterRules();
    void regionFilterChangesEveryPage();
    void filterDuringARunningReplayRestartsIt();

private:
    std::vector<op::OrderEvent> m_events;
};

void TestFilter::initTestCase()
{
    optest::CollectingHandler all;
    const std::string path = bundledDemoPath().toStdString();
    auto decoder = op::CodecFactory::makeDecoder(op::CodecFactory::detectInputFormat(path), {});
    QVERIFY(op::DatasetReader::read(path, *decoder, all).has_value());
    m_events = std::move(all.events);
    QVERIFY(m_events.size() >= 8000);
}

void TestFilter::orderFilterRules()
{
    op::OrderEvent placed;
    placed.type = op::EventType::Placed;
    placed.orderId = "O-1";
    placed.region = "강남구";
    placed.category = "chicken";
    placed.merchantId = "R-1";
    placed.eventTime = 1000;
    op::OrderEvent delivered;
    delivered.type = op::EventType::Delivered;
    delivered.orderId = "O-1";
    delivered.eventTime = 5000;
    op::OrderEvent other = placed;
    other.orderId = "O-2";
    other.region = "마포구";
    op::OrderEvent otherDelivered = delivered;
    otherDelivered.orderId = "O-2";

    op::OrderFilter none({});
    QVERIFY(none.accepts(other));
    QVERIFY(none.accepts(otherDelivered));

    op::EventFilter f;
    f.region = "강남구";
    op::OrderFilter byRegion(f);
    QVERIFY(byRegion.accepts(placed));
    QVERIFY(byRegion.accepts(delivered)); // goes with its order, though it carries no region
    QVERIFY(!byRegion.accepts(other));
    QVERIFY(!byRegion.accepts(otherDelivered));

    f = {};
    f.category = "pizza";
    QVERIFY(!op::OrderFilter(f).accepts(placed));
    f = {};
    f.merchantId = "R-1";
    QVERIFY(op::OrderFilter(f).accepts(placed));
    // Time range on the placement time: [from, to).
    f = {};
    f.from = 1000;
    f.to = 2000;
    op::OrderFilter byTime(f);
    QVERIFY(byTime.accepts(placed));
    QVERIFY(byTime.accepts(delivered)); // delivered at 5000, placed inside the range
    f.from = 1001;
    QVERIFY(!op::OrderFilter(f).accepts(placed));
    f.from = 0;
    f.to = 1000;
    QVERIFY(!op::OrderFilter(f).accepts(placed));
}

void TestFilter::regionFilterChangesEveryPage()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QSignalSpy finished(&window, &MainWindow::replayFinished);
    window.startReplay({bundledDemoPath()});
    QVERIFY(finished.wait(60000));
    auto *overview = static_cast<OverviewPage *>(window.page(MainWindow::Overview));
    QTRY_COMPARE(overview->ordersTile()->value(), Format::count(8000));

    // The choices come from the data; take the region with the most orders.
    std::map<std::string, int> perRegion;
    for (const op::OrderEvent &e : m_events)
        if (e.type == op::EventType::Order)
            ++perRegion[e.region];
    const auto busiest = std::max_element(perRegion.begin(), perRegion.end(),
                                          [](const auto &a, const auto &b) { return a.second < b.second; });
    const std::string region = busiest->first;
    QComboBox *regions = window.filterBar()->regionBox();
    QCOMPARE(regions->count(), int(perRegion.size()) + 1); // + "All"
    const int index = regions->findData(QString::fromStdString(region));
    QVERIFY(index > 0);

    // Reference: an engine fed only that region's events; and plain counts from the file.
    op::EventFilter f;
    f.region = region;
    op::OrderFilter filter(f);
    op::Engine reference;
    std::set<std::string> ids;
    op::Money sales = 0;
    for (op::OrderEvent e : m_events) {
        if (!filter.accepts(e))
            continue;
        if (e.type == op::EventType::Order && ids.insert(e.orderId).second)
            sales += e.amount.value_or(0);
        reference.process(e);
    }
    reference.finish();
    const op::Report expected = reference.report();
    QCOMPARE(expected.totals.orders, std::int64_t(ids.size()));
    QCOMPARE(expected.totals.sales, sales);
    QVERIFY(expected.totals.orders < 8000);

    finished.clear();
    regions->setCurrentIndex(index); // as the user does
    QCOMPARE(window.filter().region, region);
    QVERIFY(finished.wait(60000));
    QTRY_VERIFY(window.latestSnapshot()->filterGeneration > 0);
    QCOMPARE(window.latestSnapshot()->totals.orders, expected.totals.orders);

    window.showPage(MainWindow::Overview);
    overview = static_cast<OverviewPage *>(window.page(MainWindow::Overview));
    QCOMPARE(overview->ordersTile()->value(), Format::count(expected.totals.orders));
    QCOMPARE(overview->salesTile()->value(), Format::money(expected.totals.sales));
    QCOMPARE(overview->aovTile()->value(), Format::money(expected.totals.avgOrderValue));
    QCOMPARE(overview->customersTile()->value(), Format::count(expected.totals.customers));

    window.showPage(MainWindow::Restaurants);
    auto *restaurants = static_cast<RestaurantsPage *>(window.page(MainWindow::Restaurants));
    MerchantTableModel *model = restaurants->model();
    QCOMPARE(model->rowCount(), int(expected.merchants.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->index(row, MerchantTableModel::Name).data(Qt::ToolTipRole).toString();
        const auto it =
            std::find_if(expected.merchants.begin(), expected.merchants.end(), [&](const op::MerchantRow &m) {
                return QString::fromStdString(m.merchantId) == id;
            });
        QVERIFY2(it != expected.merchants.end(), qPrintable(id));
        QCOMPARE(model->index(row, MerchantTableModel::Orders).data(Qt::UserRole).toLongLong(), it->orders);
        QCOMPARE(model->index(row, MerchantTableModel::Sales).data().toString(), Format::money(it->sales));
    }
    // The choices stay complete under the filter.
    QCOMPARE(window.filterBar()->regionBox()->count(), int(perRegion.size()) + 1);

    // Clearing brings the whole dataset back.
    finished.clear();
    window.filterBar()->regionBox()->setCurrentIndex(0);
    QVERIFY(window.filter().isEmpty());
    QVERIFY(finished.wait(60000));
    window.showPage(MainWindow::Overview);
    QTRY_COMPARE(static_cast<OverviewPage *>(window.page(MainWindow::Overview))->ordersTile()->value(),
                 Format::count(8000));
}

void TestFilter::filterDuringARunningReplayRestartsIt()
{
    op::EventFilter f;
    f.category = "pizza";
    op::OrderFilter filter(f);
    std::set<std::string> ids;
    for (const op::OrderEvent &e : m_events)
        if (e.type == op::EventType::Order && filter.accepts(e))
            ids.insert(e.orderId);
    QVERIFY(!ids.empty());

    ReplayController replay;
    SnapshotPtr latest;
    connect(&replay, &ReplayController::snapshotReady, this, [&](SnapshotPtr s) { latest = std::move(s); });
    QSignalSpy finished(&replay, &ReplayController::finished);
    replay.setSpeed(1.0); // real time: the demo's days would take days
    replay.start({bundledDemoPath()});
    QTRY_VERIFY(latest != nullptr);
    QCOMPARE(latest->filterGeneration, 0);
    const std::int64_t generation = replay.setFilter(f);
    QVERIFY(generation > 0);
    // The new pass catches up at full speed to where the old one was, then goes on paced.
    QTRY_VERIFY(latest->filterGeneration == generation);
    QVERIFY(finished.isEmpty());
    replay.setSpeed(0); // and now to the end
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.front().at(0).toBool(), true);
    QCOMPARE(latest->filterGeneration, generation);
    QCOMPARE(latest->totals.orders, std::int64_t(ids.size()));
    QVERIFY(latest->filterChoices != nullptr);
    QVERIFY(latest->filterChoices->categories.size() > 1); // every category offered, not just pizza
}

QTEST_MAIN(TestFilter)
#include "tst_filter.moc"
