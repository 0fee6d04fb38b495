#pragma once

#include "pages/Page.h"

class QBarSeries;
class QBarCategoryAxis;
class QCategoryAxis;
class QChartView;
class QComboBox;
class QLineSeries;
class QStackedWidget;

namespace opui {

class HeatmapWidget;

// Hourly or daily orders and sales (a granularity switch), and the 7x24 hour-of-week heatmap.
class TrendsPage : public Page
{
    Q_OBJECT

public:
    enum Granularity { Hourly, Daily };

    explicit TrendsPage(QWidget *parent = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("trends"); }
    QString title() const override { return tr("Trends"); }

    void setGranularity(Granularity g);
    QLineSeries *hourlyOrders() const { return m_hourlyOrders; }
    QLineSeries *hourlySales() const { return m_hourlySales; }
    QBarSeries *dailySeries() const { return m_daily; }
    QBarCategoryAxis *dailyAxis() const { return m_dayAxis; }
    HeatmapWidget *heatmap() const { return m_heatmap; }

private:
    QComboBox *m_granularity = nullptr;
    QStackedWidget *m_charts = nullptr;
    QLineSeries *m_hourlyOrders = nullptr;
    QLineSeries *m_hourlySales = nullptr;
    QCategoryAxis *m_hourAxis = nullptr;
    QCategoryAxis *m_hourOrdersAxis = nullptr;
    QCategoryAxis *m_hourSalesAxis = nullptr;
    QBarSeries *m_daily = nullptr;
    QBarCategoryAxis *m_dayAxis = nullptr;
    QCategoryAxis *m_dayOrdersAxis = nullptr;
    QCategoryAxis *m_daySalesAxis = nullptr;
    QLineSeries *m_dailySales = nullptr;
    HeatmapWidget *m_heatmap = nullptr;
};

} // namespace opui
