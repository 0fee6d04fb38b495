// Every page, built from a snapshot of the real engine over a generated stream, shows the
// engine's figures: model contents and chart series values are checked against engine.report().
#include "MainWindow.h"
#include "RandomOrders.h"
#include "analytics/Engine.h"
#include "common/Format.h"
#include "models/AlertTableModel.h"
#include "models/CustomerTableModel.h"
#include "models/ItemTableModel.h"
#include "models/MerchantTableModel.h"
#include "pages/CustomersPage.h"
#include "pages/DeliveryPage.h"
#include "pages/FraudPage.h"
#include "pages/HealthPage.h"
#include "pages/OverviewPage.h"
#include "pages/RestaurantsPage.h"
#include "pages/TrendsPage.h"
#include "widgets/HeatmapWidget.h"
#include "widgets/KpiTile.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableWidget>
#include <QTest>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <set>

using namespace opui;

class TestPages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void overview();
    void trends();
    void customers();
    void customerSearchAndSort();
    void restaurants();
    void delivery();
    void fraud();
    void health();
    void modelsSignalOncePerRefresh();
    void mainWindowRendersVisiblePageAndCatchesUpLazily();

private:
    std::unique_ptr<op::Engine> m_engine;
    std::shared_ptr<const op::Snapshot> m_snapshot;
    op::Report m_report;
};

void TestPages::initTestCase()
{
    optest::RandomOrdersOptions o;
    o.orders = 3000;
    o.customers = 200;
    o.merchants = 30;
    o.spanMs = 3 * 24 * op::kMsPerHour;
    o.ipBursts = 4;
    o.highValueShare = 0.02;
    o.seed = 7;
    m_engine = std::make_unique<op::Engine>();
    for (op::OrderEvent &e : optest::makeRandomOrders(o))
        m_engine->process(e);
    m_engine->finish();
    m_snapshot = m_engine->snapshot();
    m_report = m_engine->report();
    QVERIFY(m_report.totals.orders > 2500);
    QVERIFY(!m_report.alerts.empty());
    QVERIFY(m_report.delivery.count > 0);
}

void TestPages::overview()
{
    OverviewPage page;
    page.setSnapshot(*m_snapshot);
    QCOMPARE(page.ordersTile()->value(), Format::count(m_report.totals.orders));
    QCOMPARE(page.salesTile()->value(), Format::money(m_report.totals.sales));
    QCOMPARE(page.aovTile()->value(), Format::money(m_report.totals.avgOrderValue));
    QCOMPARE(page.customersTile()->value(), Format::count(m_report.totals.customers));
    QVERIFY(page.salesTile()->value().startsWith(QStringLiteral("₩")));

    // The live chart: one point per recent window, each equal to the report's row for that window.
    const QList<QPointF> orders = page.ordersSeries()->points();
    const QList<QPointF> sales = page.salesSeries()->points();
    QVERIFY(!orders.isEmpty());
    QVERIFY(orders.size() >= qsizetype(m_snapshot->recentWindows.size()));
    QCOMPARE(sales.size(), orders.size());
    // One point per 30 s window from the first recent window to the last: the report's figures
    // where it has the window, 0 where no order fell into it.
    qsizetype found = 0;
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const auto start = static_cast<op::TimestampMs>(orders[i].x());
        if (i > 0)
            QCOMPARE(start - static_cast<op::TimestampMs>(orders[i - 1].x()), 30 * op::kMsPerSecond);
        const auto it = std::find_if(m_report.realtimeStats.begin(), m_report.realtimeStats.end(),
                                     [&](const op::RealtimeStatsRow &r) { return r.windowStart == start; });
        if (it == m_report.realtimeStats.end()) {
            QCOMPARE(orders[i].y(), 0.0);
            QCOMPARE(sales[i].y(), 0.0);
            continue;
        }
        ++found;
        QCOMPARE(orders[i].y(), static_cast<double>(it->totalOrders));
        QCOMPARE(sales[i].y(), static_cast<double>(it->totalSales));
    }
    QCOMPARE(found, qsizetype(m_snapshot->recentWindows.size()));
    // The last window shown is the report's last window.
    QCOMPARE(static_cast<op::TimestampMs>(orders.back().x()), m_report.realtimeStats.back().windowStart);

    // Top items now: the report's items of the latest window, in rank order.
    const op::TimestampMs last = m_report.popularItems.back().windowStart;
    std::vector<op::PopularItemRow> expected;
    for (const op::PopularItemRow &r : m_report.popularItems)
        if (r.windowStart == last)
            expected.push_back(r);
    ItemTableModel *items = page.itemsModel();
    QCOMPARE(items->rowCount(), static_cast<int>(expected.size()));
    for (int row = 0; row < items->rowCount(); ++row) {
        QCOMPARE(items->index(row, ItemTableModel::Name).data().toString(), QString::fromStdString(expected[row].name));
        QCOMPARE(items->index(row, ItemTableModel::Quantity).data(Qt::UserRole).toLongLong(), expected[row].quantity);
        QCOMPARE(items->index(row, ItemTableModel::Sales).data().toString(), Format::money(expected[row].sales));
    }
    QCOMPARE(page.alertList()->count(), std::min<int>(20, static_cast<int>(m_snapshot->recentAlerts.size())));
}

void TestPages::trends()
{
    TrendsPage page;
    page.setSnapshot(*m_snapshot);
    const QList<QPointF> orders = page.hourlyOrders()->points();
    const QList<QPointF> sales = page.hourlySales()->points();
    QCOMPARE(orders.size(), qsizetype(m_report.trends.hourly.size()));
    for (qsizetype i = 0; i < orders.size(); ++i) {
        const op::TrendPoint &p = m_report.trends.hourly[static_cast<std::size_t>(i)];
        QCOMPARE(orders[i].x(), static_cast<double>(p.start));
        QCOMPARE(orders[i].y(), static_cast<double>(p.orders));
        QCOMPARE(sales[i].y(), static_cast<double>(p.sales));
    }

    page.setGranularity(TrendsPage::Daily);
    QCOMPARE(page.dailySeries()->count(), 1);
    const QBarSet *set = page.dailySeries()->barSets().front();
    QCOMPARE(set->count(), static_cast<int>(m_report.trends.daily.size()));
    QCOMPARE(page.dailyAxis()->categories().size(), qsizetype(m_report.trends.daily.size()));
    std::int64_t total = 0;
    for (int i = 0; i < set->count(); ++i) {
        const op::DailyTrendRow &d = m_report.trends.daily[static_cast<std::size_t>(i)];
        QCOMPARE(set->at(i), static_cast<double>(d.orders));
        QCOMPARE(page.dailyAxis()->categories().at(i), QString::fromStdString(d.day));
        total += d.orders;
    }
    QCOMPARE(total, m_report.totals.orders);

    // Hour of week: Monday first, display-zone hours, exactly the report's grid.
    const auto &grid = page.heatmap()->values();
    QCOMPARE(grid.size(), std::size_t(7));
    for (std::size_t d = 0; d < 7; ++d)
        for (std::size_t h = 0; h < 24; ++h)
            QCOMPARE(grid[d][h], m_report.trends.hourOfWeek[d][h]);
}

void TestPages::customers()
{
    CustomersPage page;
    page.setSnapshot(*m_snapshot);
    const QBarSet *segments = page.segmentSeries()->barSets().front();
    QCOMPARE(segments->count(), 10);
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(m_report.segments[static_cast<std::size_t>(i)].first, std::string(op::kSegmentNames[static_cast<std::size_t>(i)]));
        QCOMPARE(segments->at(i), static_cast<double>(m_report.segments[static_cast<std::size_t>(i)].second));
    }
    const QBarSet *grades = page.gradeSeries()->barSets().front();
    QCOMPARE(grades->count(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(grades->at(i), static_cast<double>(m_report.grades[static_cast<std::size_t>(i)].second));

    // R x F grid from the report's customer rows; the widget shows R5 on top, F1 on the left.
    std::int64_t expected[5][5] = {};
    for (const op::CustomerRow &c : m_report.customers)
        ++expected[c.r - 1][c.f - 1];
    const auto &grid = page.rfGrid()->values();
    for (int r = 1; r <= 5; ++r)
        for (int f = 1; f <= 5; ++f)
            QCOMPARE(grid[static_cast<std::size_t>(5 - r)][static_cast<std::size_t>(f - 1)], expected[r - 1][f - 1]);

    CustomerTableModel *model = page.model();
    QCOMPARE(model->rowCount(), static_cast<int>(m_report.customers.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const op::CustomerRow &c = m_report.customers[static_cast<std::size_t>(row)];
        QCOMPARE(model->index(row, CustomerTableModel::Customer).data().toString(), QString::fromStdString(c.customerId));
        QCOMPARE(model->index(row, CustomerTableModel::Spent).data().toString(), Format::money(c.monetary));
        QCOMPARE(model->index(row, CustomerTableModel::Orders).data(Qt::UserRole).toLongLong(), c.frequency);
        QCOMPARE(model->index(row, CustomerTableModel::Segment).data().toString(), QString::fromStdString(c.segment));
        QCOMPARE(model->index(row, CustomerTableModel::Grade).data().toString(), QString::fromStdString(c.grade));
        QCOMPARE(model->index(row, CustomerTableModel::Clv).data(Qt::UserRole).toLongLong(), c.clv);
    }
}

void TestPages::customerSearchAndSort()
{
    CustomersPage page;
    page.setSnapshot(*m_snapshot);
    QSortFilterProxyModel *proxy = page.proxy();
    // Sorted by amount spent, largest first.
    op::Money top = 0;
    for (const op::CustomerRow &c : m_report.customers)
        top = std::max(top, c.monetary);
    QCOMPARE(proxy->index(0, CustomerTableModel::Spent).data(Qt::UserRole).toLongLong(), top);
    for (int row = 1; row < proxy->rowCount(); ++row)
        QVERIFY(proxy->index(row - 1, CustomerTableModel::Spent).data(Qt::UserRole).toLongLong()
                >= proxy->index(row, CustomerTableModel::Spent).data(Qt::UserRole).toLongLong());

    const QString id = QString::fromStdString(m_report.customers[5].customerId);
    page.search()->setText(id.toLower());
    QVERIFY(proxy->rowCount() >= 1);
    for (int row = 0; row < proxy->rowCount(); ++row) {
        bool hit = false;
        for (int c = 0; c < CustomerTableModel::ColumnCount; ++c)
            hit = hit || proxy->index(row, c).data().toString().contains(id, Qt::CaseInsensitive);
        QVERIFY(hit);
    }
    page.search()->setText(QStringLiteral("Champions"));
    const auto champions = std::count_if(m_report.customers.begin(), m_report.customers.end(),
                                         [](const op::CustomerRow &c) { return c.segment == "Champions"; });
    QCOMPARE(proxy->rowCount(), static_cast<int>(champions));
    page.search()->clear();
    QCOMPARE(proxy->rowCount(), static_cast<int>(m_report.customers.size()));
}

void TestPages::restaurants()
{
    RestaurantsPage page;
    page.setSnapshot(*m_snapshot);
    MerchantTableModel *model = page.model();
    QCOMPARE(model->rowCount(), static_cast<int>(m_report.merchants.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString id = model->index(row, MerchantTableModel::Name).data(Qt::ToolTipRole).toString();
        const auto it = std::find_if(m_report.merchants.begin(), m_report.merchants.end(),
                                     [&](const op::MerchantRow &m) { return QString::fromStdString(m.merchantId) == id; });
        QVERIFY(it != m_report.merchants.end());
        QCOMPARE(model->index(row, MerchantTableModel::Orders).data(Qt::UserRole).toLongLong(), it->orders);
        QCOMPARE(model->index(row, MerchantTableModel::Sales).data().toString(), Format::money(it->sales));
        QCOMPARE(model->index(row, MerchantTableModel::LateRate).data(Qt::UserRole).toDouble(), it->lateRate);
        QCOMPARE(model->index(row, MerchantTableModel::CancelRate).data().toString(), Format::percent(it->cancelRate));
    }
    // Sorting by sales through the proxy.
    page.proxy()->sort(MerchantTableModel::Sales, Qt::DescendingOrder);
    std::vector<op::Money> sales;
    for (const op::MerchantRow &m : m_report.merchants)
        sales.push_back(m.sales);
    std::sort(sales.rbegin(), sales.rend());
    QCOMPARE(page.proxy()->index(0, MerchantTableModel::Sales).data(Qt::UserRole).toLongLong(), sales.front());

    // Top 10 by sales, biggest drawn at the top (last category of a horizontal bar chart).
    const QBarSet *set = page.topSeries()->barSets().front();
    QCOMPARE(set->count(), 10);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(set->at(9 - i), static_cast<double>(sales[static_cast<std::size_t>(i)]));
    QCOMPARE(page.topAxis()->categories().size(), 10);

    // Hovering the top bar names the restaurant and its sales.
    QBarSet *hovered = page.topSeries()->barSets().front();
    Q_EMIT page.topSeries()->hovered(true, 9, hovered);
    QVERIFY(QToolTip::text().contains(Format::money(sales.front())));
    QVERIFY(QToolTip::text().startsWith(page.topAxis()->categories().at(9)));
    Q_EMIT page.topSeries()->hovered(false, 9, hovered);
}

void TestPages::delivery()
{
    DeliveryPage page;
    page.setSnapshot(*m_snapshot);
    const op::DeliveryReport &d = m_report.delivery;
    const QBarSet *hist = page.histogramSeries()->barSets().front();
    QCOMPARE(hist->count(), static_cast<int>(d.histogram.size()));
    std::int64_t total = 0;
    for (int i = 0; i < hist->count(); ++i) {
        QCOMPARE(hist->at(i), static_cast<double>(d.histogram[static_cast<std::size_t>(i)].count));
        total += d.histogram[static_cast<std::size_t>(i)].count;
    }
    QCOMPARE(total, d.count);

    // Markers: vertical lines inside the bucket that holds the percentile.
    const std::optional<double> percentiles[3] = {d.p50, d.p90, d.p99};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(percentiles[i].has_value());
        const QList<QPointF> line = page.marker(i)->points();
        QCOMPARE(line.size(), qsizetype(2));
        QCOMPARE(line[0].x(), line[1].x());
        QCOMPARE(line[0].x(), page.markerX(*percentiles[i]));
        const auto bucket = static_cast<std::size_t>(std::lround(std::floor(line[0].x() + 0.5)));
        QVERIFY(bucket < d.histogram.size());
        QVERIFY(d.histogram[bucket].from <= *percentiles[i] && *percentiles[i] <= d.histogram[bucket].to);
        QVERIFY(page.marker(i)->name().contains(Format::minutes(percentiles[i])));
    }
    QVERIFY(page.summary()->text().contains(Format::count(d.count)));

    const QBarSet *dist = page.distanceSeries()->barSets().front();
    QCOMPARE(dist->count(), 5);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(dist->at(i), d.byDistance[static_cast<std::size_t>(i)].mean.value_or(0.0));
    const QBarSet *late = page.lateSeries()->barSets().front();
    QCOMPARE(late->count(), 24);
    for (int h = 0; h < 24; ++h)
        QCOMPARE(late->at(h), d.lateRateByHour[static_cast<std::size_t>(h)].value_or(0.0) * 100.0);
}

void TestPages::fraud()
{
    FraudPage page;
    page.setSnapshot(*m_snapshot);
    AlertTableModel *model = page.model();
    const auto &alerts = m_snapshot->recentAlerts;
    QCOMPARE(model->rowCount(), static_cast<int>(alerts.size()));
    // Newest first.
    for (int row = 0; row < model->rowCount(); ++row) {
        const op::Alert &a = alerts[alerts.size() - 1 - static_cast<std::size_t>(row)];
        QCOMPARE(model->index(row, AlertTableModel::Time).data().toString(), Format::dateTime(a.eventTime));
        QCOMPARE(model->index(row, AlertTableModel::Entity).data().toString(), QString::fromStdString(a.entity));
        QCOMPARE(model->index(row, AlertTableModel::Value).data(Qt::UserRole).toLongLong(), a.value);
        QCOMPARE(model->index(row, AlertTableModel::Rule).data().toString(), AlertTableModel::ruleText(a.rule));
        QCOMPARE(model->index(row, AlertTableModel::Severity).data().toString(), AlertTableModel::severityText(a.severity));
    }
    // Every alert the report settled on is on the page (same rule and entity), and the
    // high-value list holds exactly the report's high-value orders.
    std::set<std::pair<int, std::string>> shown;
    for (const op::Alert &a : alerts)
        shown.insert({static_cast<int>(a.rule), a.entity});
    std::set<std::pair<int, std::string>> settled;
    int highValue = 0;
    for (const op::Alert &a : m_report.alerts) {
        settled.insert({static_cast<int>(a.rule), a.entity});
        if (a.rule == op::AlertRule::HighValue) {
            ++highValue;
            bool listed = false;
            for (int i = 0; i < page.highValueList()->count(); ++i)
                listed = listed || page.highValueList()->item(i)->text().contains(QString::fromStdString(a.entity));
            QVERIFY2(listed, a.entity.c_str());
        }
    }
    QCOMPARE(shown, settled);
    QVERIFY(highValue > 0);
    QCOMPARE(page.highValueList()->count(), highValue);
}

void TestPages::health()
{
    auto snapshot = std::make_shared<op::Snapshot>(*m_snapshot);
    op::SourceHealth source;
    source.name = "file replay";
    source.state = "finished";
    source.progress = 1.0;
    source.messagesPerSecond = 12345;
    snapshot->sources.push_back(source);
    HealthPage page;
    page.setSnapshot(*snapshot);
    QCOMPARE(page.accepted()->value(), Format::count(m_report.events.accepted));
    QCOMPARE(page.quarantined()->value(), Format::count(m_report.events.quarantined));
    QCOMPARE(page.late()->value(), Format::count(m_report.events.late));
    QCOMPARE(page.duplicates()->value(), Format::count(m_report.events.duplicates));
    QCOMPARE(page.sourceTable()->rowCount(), 1);
    QCOMPARE(page.sourceTable()->item(0, 0)->text(), QStringLiteral("file replay"));
    QCOMPARE(page.sourceTable()->item(0, 1)->text(), QStringLiteral("finished"));
    QCOMPARE(page.sourceTable()->item(0, 2)->text(), Format::percent(1.0));
    QCOMPARE(page.sourceTable()->item(0, 3)->text(), Format::count(12345));
}

void TestPages::modelsSignalOncePerRefresh()
{
    RestaurantsPage page;
    page.setSnapshot(*m_snapshot);
    QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
    QSignalSpy changes(page.model(), &QAbstractItemModel::dataChanged);
    page.setSnapshot(*m_snapshot);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    const QModelIndex topLeft = changes.front().at(0).value<QModelIndex>();
    const QModelIndex bottomRight = changes.front().at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 0);
    QCOMPARE(bottomRight.row(), page.model()->rowCount() - 1);
    QCOMPARE(bottomRight.column(), MerchantTableModel::ColumnCount - 1);

    // A different number of rows: one reset, no dataChanged.
    auto fewer = std::make_shared<op::Snapshot>(*m_snapshot);
    fewer->merchants.resize(3);
    resets.clear();
    changes.clear();
    page.setSnapshot(*fewer);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(changes.count(), 0);
    QCOMPARE(page.model()->rowCount(), 3);

    // The customer table is shared between snapshots: the same table signals nothing.
    CustomersPage customers;
    customers.setSnapshot(*m_snapshot);
    QSignalSpy customerResets(customers.model(), &QAbstractItemModel::modelReset);
    QSignalSpy customerChanges(customers.model(), &QAbstractItemModel::dataChanged);
    customers.setSnapshot(*m_snapshot);
    QCOMPARE(customerResets.count() + customerChanges.count(), 0);
}

void TestPages::mainWindowRendersVisiblePageAndCatchesUpLazily()
{
    MainWindow window;
    QCOMPARE(window.pageCount(), 7);
    const QStringList names{QStringLiteral("overview"), QStringLiteral("trends"),   QStringLiteral("customers"),
                            QStringLiteral("restaurants"), QStringLiteral("delivery"), QStringLiteral("fraud"),
                            QStringLiteral("health")};
    for (int i = 0; i < window.pageCount(); ++i)
        QCOMPARE(window.page(i)->captureName(), names[i]);

    window.applySnapshot(m_snapshot);
    auto *overview = static_cast<OverviewPage *>(window.page(MainWindow::Overview));
    auto *trends = static_cast<TrendsPage *>(window.page(MainWindow::Trends));
    QCOMPARE(overview->ordersTile()->value(), Format::count(m_report.totals.orders));
    // Hidden pages are not drawn until shown.
    QVERIFY(trends->heatmap()->values().empty());
    window.showPage(MainWindow::Trends);
    QCOMPARE(window.currentPage(), int(MainWindow::Trends));
    QCOMPARE(trends->heatmap()->values().size(), std::size_t(7));
    QCOMPARE(trends->hourlyOrders()->points().size(), qsizetype(m_report.trends.hourly.size()));
}

QTEST_MAIN(TestPages)
#include "tst_pages.moc"
