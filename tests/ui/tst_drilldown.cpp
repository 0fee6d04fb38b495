// The Customers page's CLV distribution and the Restaurants drill-down show the engine's figures;
// the drill-down's "show the dashboard" button filters the whole window to that restaurant.
#include "MainWindow.h"
#include "RandomOrders.h"
#include "analytics/Engine.h"
#include "common/Format.h"
#include "models/MerchantTableModel.h"
#include "pages/CustomersPage.h"
#include "pages/RestaurantDetail.h"
#include "pages/RestaurantsPage.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace opui;

class TestDrilldown : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void clvDistribution();
    void restaurantDetail();
    void detailFiltersTheWindow();

private:
    std::unique_ptr<op::Engine> m_engine;
    std::shared_ptr<const op::Snapshot> m_snapshot;
};

void TestDrilldown::initTestCase()
{
    optest::RandomOrdersOptions o;
    o.orders = 2000;
    o.customers = 300;
    o.merchants = 20;
    o.spanMs = 40 * 24 * op::kMsPerHour;
    o.seed = 11;
    m_engine = std::make_unique<op::Engine>();
    for (op::OrderEvent &e : optest::makeRandomOrders(o))
        m_engine->process(e);
    m_engine->finish();
    m_snapshot = m_engine->snapshot();
    QVERIFY(m_snapshot->customers.clvHistogram.size() > 3);
    QVERIFY(m_snapshot->merchants.size() > 5);
}

void TestDrilldown::clvDistribution()
{
    CustomersPage page;
    page.setSnapshot(*m_snapshot);
    const auto &buckets = m_snapshot->customers.clvHistogram;
    QCOMPARE(page.clvSeries()->barSets().size(), 1);
    const QBarSet *set = page.clvSeries()->barSets().front();
    QCOMPARE(set->count(), int(buckets.size()));
    std::int64_t customers = 0;
    for (int i = 0; i < set->count(); ++i) {
        QCOMPARE(set->at(i), double(buckets[std::size_t(i)].count));
        if (i % 5 == 0) // labelled where every fifth bucket starts
            QVERIFY(page.clvAxis()->categoriesLabels().contains(
                Format::compactMoney(static_cast<op::Money>(buckets[std::size_t(i)].from)).mid(1)));
        customers += buckets[std::size_t(i)].count;
    }
    QCOMPARE(customers, m_engine->report().totals.customers);
    QCOMPARE(page.clvAxis()->categoriesLabels().size(), (set->count() + 4) / 5);
    QCOMPARE(Format::compactMoney(1500000), QStringLiteral("₩1.5M"));
    QCOMPARE(Format::compactMoney(500000), QStringLiteral("₩500K"));
}

void TestDrilldown::restaurantDetail()
{
    RestaurantsPage page;
    page.setSnapshot(*m_snapshot);
    page.proxy()->sort(MerchantTableModel::Sales, Qt::DescendingOrder);
    std::unique_ptr<RestaurantDetail> detail(page.openDetail(0));
    const op::MerchantRow &top = detail->merchant();
    for (const op::MerchantRow &m : m_snapshot->merchants)
        QVERIFY(m.sales <= top.sales);
    QCOMPARE(detail->rows(), 7);
    QCOMPARE(detail->valueText(0), Format::count(top.orders));
    QCOMPARE(detail->valueText(1), Format::money(top.sales));
    QCOMPARE(detail->valueText(2), Format::money(top.avgOrderValue));
    QCOMPARE(detail->valueText(4), Format::minutes(top.deliveryMin));
    QCOMPARE(detail->valueText(5), Format::percent(top.lateRate));
    QCOMPARE(detail->valueText(6), Format::percent(top.cancelRate));
    double orders = 0;
    for (const op::MerchantRow &m : m_snapshot->merchants)
        orders += double(m.orders);
    QCOMPARE(detail->averageText(0), Format::number(orders / double(m_snapshot->merchants.size()), 1));
    QVERIFY(detail->windowTitle().contains(QString::fromStdString(top.name)));
}

void TestDrilldown::detailFiltersTheWindow()
{
    MainWindow window;
    window.applySnapshot(m_snapshot);
    window.showPage(MainWindow::Restaurants);
    auto *page = static_cast<RestaurantsPage *>(window.page(MainWindow::Restaurants));
    RestaurantDetail *detail = page->openDetail(0);
    const std::string id = detail->merchant().merchantId;
    QPushButton *show = nullptr;
    for (QPushButton *b : detail->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Show the dashboard for this restaurant"))
            show = b;
    QVERIFY(show != nullptr);
    show->click();
    QCOMPARE(window.filter().merchantId, id);
    QCOMPARE(window.currentPage(), int(MainWindow::Overview));
    delete detail;
}

QTEST_MAIN(TestDrilldown)
#include "tst_drilldown.moc"
