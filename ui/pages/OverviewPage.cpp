#include "pages/OverviewPage.h"

#include "common/Format.h"
#include "models/AlertTableModel.h"
#include "models/ItemTableModel.h"
#include "widgets/ChartKit.h"
#include "widgets/KpiTile.h"

#include <QCategoryAxis>
#include <QChartView>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QListWidget>
#include <QTableView>

#include <algorithm>

namespace opui {

OverviewPage::OverviewPage(QWidget *parent)
    : Page(parent)
{
    auto *layout = new QGridLayout(this);
    auto *tiles = new QHBoxLayout;
    m_orders = new KpiTile(tr("Orders"), this);
    m_sales = new KpiTile(tr("Sales"), this);
    m_aov = new KpiTile(tr("Average order"), this);
    m_customers = new KpiTile(tr("Customers"), this);
    m_alerts = new KpiTile(tr("Open alerts"), this);
    m_rate = new KpiTile(tr("Events/s"), this);
    for (KpiTile *t : {m_orders, m_sales, m_aov, m_customers, m_alerts, m_rate})
        tiles->addWidget(t);
    layout->addLayout(tiles, 0, 0, 1, 2);

    m_chart = ChartKit::makeView(tr("Orders and sales per 30 s window"), this);
    QChart *chart = m_chart->chart();
    m_ordersSeries = new QLineSeries(chart);
    m_ordersSeries->setName(tr("Orders"));
    m_salesSeries = new QLineSeries(chart);
    m_salesSeries->setName(tr("Sales (₩)"));
    chart->addSeries(m_ordersSeries);
    chart->addSeries(m_salesSeries);
    m_timeAxis = new QCategoryAxis(chart);
    m_timeAxis->setTitleText(tr("Window start (KST)"));
    m_ordersAxis = new QCategoryAxis(chart);
    m_ordersAxis->setTitleText(tr("Orders per window"));
    m_salesAxis = new QCategoryAxis(chart);
    m_salesAxis->setTitleText(tr("Sales per window (₩)"));
    chart->addAxis(m_timeAxis, Qt::AlignBottom);
    chart->addAxis(m_ordersAxis, Qt::AlignLeft);
    chart->addAxis(m_salesAxis, Qt::AlignRight);
    m_ordersSeries->attachAxis(m_timeAxis);
    m_ordersSeries->attachAxis(m_ordersAxis);
    m_salesSeries->attachAxis(m_timeAxis);
    m_salesSeries->attachAxis(m_salesAxis);
    ChartKit::addLineTooltips(m_ordersSeries, [](const QPointF &p) {
        return tr("%1: %2 orders").arg(Format::time(static_cast<op::TimestampMs>(p.x())), Format::count(static_cast<std::int64_t>(p.y())));
    });
    ChartKit::addLineTooltips(m_salesSeries, [](const QPointF &p) {
        return tr("%1: %2").arg(Format::time(static_cast<op::TimestampMs>(p.x())), Format::money(static_cast<op::Money>(p.y())));
    });
    layout->addWidget(m_chart, 1, 0, 1, 2);

    m_items = new ItemTableModel(this);
    auto *itemsBox = new QWidget(this);
    auto *itemsLayout = new QVBoxLayout(itemsBox);
    itemsLayout->setContentsMargins(0, 0, 0, 0);
    itemsLayout->addWidget(new QLabel(tr("Top items in the latest window"), itemsBox));
    auto *itemsView = new QTableView(itemsBox);
    itemsView->setModel(m_items);
    itemsView->verticalHeader()->hide();
    itemsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    itemsView->horizontalHeader()->setSectionResizeMode(ItemTableModel::Name, QHeaderView::Stretch);
    itemsLayout->addWidget(itemsView);
    layout->addWidget(itemsBox, 2, 0);

    auto *alertsBox = new QWidget(this);
    auto *alertsLayout = new QVBoxLayout(alertsBox);
    alertsLayout->setContentsMargins(0, 0, 0, 0);
    alertsLayout->addWidget(new QLabel(tr("Latest alerts"), alertsBox));
    m_alertList = new QListWidget(alertsBox);
    alertsLayout->addWidget(m_alertList);
    layout->addWidget(alertsBox, 2, 1);
    layout->setRowStretch(1, 3);
    layout->setRowStretch(2, 2);
}

void OverviewPage::setSnapshot(const op::Snapshot &s)
{
    m_orders->setValue(Format::count(s.totals.orders));
    m_sales->setValue(Format::money(s.totals.sales));
    m_aov->setValue(Format::money(s.totals.avgOrderValue));
    m_customers->setValue(Format::count(s.totals.customers));
    m_alerts->setValue(Format::count(s.openAlerts));
    m_rate->setValue(s.sources.empty() ? QStringLiteral("–")
                                       : Format::count(static_cast<std::int64_t>(s.sources.front().messagesPerSecond)));

    QList<QPointF> orders;
    QList<QPointF> sales;
    double maxOrders = 0;
    double maxSales = 0;
    // The engine keeps only windows that had orders; a quiet window is drawn as 0 so the lines
    // do not bridge the gap as if orders had kept coming.
    op::TimestampMs next = s.recentWindows.empty() ? 0 : s.recentWindows.front().windowStart;
    for (const op::RealtimeStatsRow &w : s.recentWindows) {
        const op::TimestampMs length = std::max<op::TimestampMs>(1, w.windowEnd - w.windowStart);
        for (; next < w.windowStart; next += length) {
            orders.append({static_cast<double>(next), 0.0});
            sales.append({static_cast<double>(next), 0.0});
        }
        next = w.windowStart + length;
        const auto x = static_cast<double>(w.windowStart);
        orders.append({x, static_cast<double>(w.totalOrders)});
        sales.append({x, static_cast<double>(w.totalSales)});
        maxOrders = std::max(maxOrders, static_cast<double>(w.totalOrders));
        maxSales = std::max(maxSales, static_cast<double>(w.totalSales));
    }
    m_ordersSeries->replace(orders);
    m_salesSeries->replace(sales);
    if (!orders.isEmpty())
        ChartKit::setTimeAxis(m_timeAxis, orders.front().x(), orders.back().x(), false);
    ChartKit::setNiceAxis(m_ordersAxis, std::max(1.0, maxOrders), [](double v) { return Format::count(static_cast<std::int64_t>(v)); });
    ChartKit::setNiceAxis(m_salesAxis, std::max(1000.0, maxSales), [](double v) { return Format::money(static_cast<op::Money>(v)); });

    m_items->setRows(s.topItemsNow);

    m_alertList->clear();
    const auto shown = std::min<std::size_t>(s.recentAlerts.size(), 20);
    for (std::size_t i = 0; i < shown; ++i) {
        const op::Alert &a = s.recentAlerts[s.recentAlerts.size() - 1 - i];
        m_alertList->addItem(QStringLiteral("%1  %2  %3  %4")
                                 .arg(Format::dateTime(a.eventTime), AlertTableModel::ruleText(a.rule),
                                      QString::fromStdString(a.entity), AlertTableModel::valueText(a)));
    }
}

} // namespace opui
