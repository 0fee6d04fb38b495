#include "pages/TrendsPage.h"

#include "common/Format.h"
#include "widgets/ChartKit.h"
#include "widgets/HeatmapWidget.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace opui {

namespace {

QString countLabel(double v)
{
    return Format::count(static_cast<std::int64_t>(v));
}

QString moneyLabel(double v)
{
    return Format::money(static_cast<op::Money>(v));
}

} // namespace

TrendsPage::TrendsPage(QWidget *parent)
    : Page(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Granularity:"), this));
    m_granularity = new QComboBox(this);
    m_granularity->addItem(tr("Hourly"));
    m_granularity->addItem(tr("Daily"));
    bar->addWidget(m_granularity);
    bar->addStretch(1);
    layout->addLayout(bar);

    m_charts = new QStackedWidget(this);
    // Hourly: two lines over time.
    QChartView *hourly = ChartKit::makeView(tr("Orders and sales per hour"), m_charts);
    QChart *hc = hourly->chart();
    m_hourlyOrders = new QLineSeries(hc);
    m_hourlyOrders->setName(tr("Orders"));
    m_hourlySales = new QLineSeries(hc);
    m_hourlySales->setName(tr("Sales (₩)"));
    hc->addSeries(m_hourlyOrders);
    hc->addSeries(m_hourlySales);
    m_hourAxis = new QCategoryAxis(hc);
    m_hourAxis->setTitleText(tr("Hour (KST)"));
    m_hourOrdersAxis = new QCategoryAxis(hc);
    m_hourOrdersAxis->setTitleText(tr("Orders per hour"));
    m_hourSalesAxis = new QCategoryAxis(hc);
    m_hourSalesAxis->setTitleText(tr("Sales per hour (₩)"));
    hc->addAxis(m_hourAxis, Qt::AlignBottom);
    hc->addAxis(m_hourOrdersAxis, Qt::AlignLeft);
    hc->addAxis(m_hourSalesAxis, Qt::AlignRight);
    for (QLineSeries *s : {m_hourlyOrders, m_hourlySales})
        s->attachAxis(m_hourAxis);
    m_hourlyOrders->attachAxis(m_hourOrdersAxis);
    m_hourlySales->attachAxis(m_hourSalesAxis);
    ChartKit::addLineTooltips(m_hourlyOrders, [](const QPointF &p) {
        return tr("%1: %2 orders").arg(Format::shortTime(static_cast<op::TimestampMs>(p.x()), true), countLabel(p.y()));
    });
    ChartKit::addLineTooltips(m_hourlySales, [](const QPointF &p) {
        return tr("%1: %2").arg(Format::shortTime(static_cast<op::TimestampMs>(p.x()), true), moneyLabel(p.y()));
    });
    m_charts->addWidget(hourly);

    // Daily: order bars per display-zone day, sales as a line.
    QChartView *daily = ChartKit::makeView(tr("Orders and sales per day"), m_charts);
    QChart *dc = daily->chart();
    m_daily = new QBarSeries(dc);
    m_dailySales = new QLineSeries(dc);
    m_dailySales->setName(tr("Sales (₩)"));
    dc->addSeries(m_daily);
    dc->addSeries(m_dailySales);
    m_dayAxis = new QBarCategoryAxis(dc);
    m_dayAxis->setTitleText(tr("Day (KST)"));
    m_dayOrdersAxis = new QCategoryAxis(dc);
    m_dayOrdersAxis->setTitleText(tr("Orders per day"));
    m_daySalesAxis = new QCategoryAxis(dc);
    m_daySalesAxis->setTitleText(tr("Sales per day (₩)"));
    dc->addAxis(m_dayAxis, Qt::AlignBottom);
    dc->addAxis(m_dayOrdersAxis, Qt::AlignLeft);
    dc->addAxis(m_daySalesAxis, Qt::AlignRight);
    m_daily->attachAxis(m_dayAxis);
    m_daily->attachAxis(m_dayOrdersAxis);
    m_dailySales->attachAxis(m_dayAxis);
    m_dailySales->attachAxis(m_daySalesAxis);
    ChartKit::addBarTooltips(m_daily, [this](int index, double value) {
        return tr("%1: %2 orders").arg(m_dayAxis->at(index), countLabel(value));
    });
    m_charts->addWidget(daily);
    layout->addWidget(m_charts, 3);

    m_heatmap = new HeatmapWidget(this);
    m_heatmap->setTitle(tr("Orders by hour of week"));
    m_heatmap->setAxisTitles(QString(), tr("Hour of day (KST)"));
    QStringList hours;
    for (int h = 0; h < 24; ++h)
        hours << QString::number(h);
    m_heatmap->setLabels({tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")}, hours);
    layout->addWidget(m_heatmap, 2);

    connect(m_granularity, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_charts->setCurrentIndex(index); });
}

void TrendsPage::setGranularity(Granularity g)
{
    m_granularity->setCurrentIndex(g);
}

void TrendsPage::setSnapshot(const op::Snapshot &s)
{
    QList<QPointF> orders;
    QList<QPointF> sales;
    double maxOrders = 0;
    double maxSales = 0;
    for (const op::TrendPoint &p : s.hourlyTrend) {
        orders.append({static_cast<double>(p.start), static_cast<double>(p.orders)});
        sales.append({static_cast<double>(p.start), static_cast<double>(p.sales)});
        maxOrders = std::max(maxOrders, static_cast<double>(p.orders));
        maxSales = std::max(maxSales, static_cast<double>(p.sales));
    }
    m_hourlyOrders->replace(orders);
    m_hourlySales->replace(sales);
    if (!orders.isEmpty())
        ChartKit::setTimeAxis(m_hourAxis, orders.front().x(), orders.back().x(), true, 8);
    ChartKit::setNiceAxis(m_hourOrdersAxis, std::max(1.0, maxOrders), countLabel);
    ChartKit::setNiceAxis(m_hourSalesAxis, std::max(1000.0, maxSales), moneyLabel);

    m_daily->clear();
    auto *set = new QBarSet(tr("Orders"));
    QStringList days;
    QList<QPointF> daySales;
    double maxDayOrders = 0;
    double maxDaySales = 0;
    for (const op::DailyTrendRow &d : s.dailyTrend) {
        set->append(static_cast<double>(d.orders));
        daySales.append({static_cast<double>(days.size()), static_cast<double>(d.sales)});
        days << QString::fromStdString(d.day);
        maxDayOrders = std::max(maxDayOrders, static_cast<double>(d.orders));
        maxDaySales = std::max(maxDaySales, static_cast<double>(d.sales));
    }
    m_daily->append(set);
    m_dailySales->replace(daySales);
    m_dayAxis->setCategories(days);
    ChartKit::setNiceAxis(m_dayOrdersAxis, std::max(1.0, maxDayOrders), countLabel);
    ChartKit::setNiceAxis(m_daySalesAxis, std::max(1000.0, maxDaySales), moneyLabel);

    std::vector<std::vector<std::int64_t>> grid;
    for (const auto &day : s.hourOfWeek)
        grid.emplace_back(day.begin(), day.end());
    m_heatmap->setValues(std::move(grid));
}

} // namespace opui
