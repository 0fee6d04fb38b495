#pragma once

#include "pages/Page.h"

class QCategoryAxis;
class QChartView;
class QLineSeries;
class QListWidget;

namespace opui {

class ItemTableModel;
class KpiTile;

// KPI tiles, the live orders + sales chart of the recent 30 s windows, top items now, latest alerts.
class OverviewPage : public Page
{
    Q_OBJECT

public:
    explicit OverviewPage(QWidget *parent = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("overview"); }
    QString title() const override { return tr("Overview"); }

    KpiTile *ordersTile() const { return m_orders; }
    KpiTile *salesTile() const { return m_sales; }
    KpiTile *aovTile() const { return m_aov; }
    KpiTile *customersTile() const { return m_customers; }
    KpiTile *alertsTile() const { return m_alerts; }
    QLineSeries *ordersSeries() const { return m_ordersSeries; }
    QLineSeries *salesSeries() const { return m_salesSeries; }
    ItemTableModel *itemsModel() const { return m_items; }
    QListWidget *alertList() const { return m_alertList; }

private:
    KpiTile *m_orders = nullptr;
    KpiTile *m_sales = nullptr;
    KpiTile *m_aov = nullptr;
    KpiTile *m_customers = nullptr;
    KpiTile *m_alerts = nullptr;
    KpiTile *m_rate = nullptr;
    QChartView *m_chart = nullptr;
    QLineSeries *m_ordersSeries = nullptr;
    QLineSeries *m_salesSeries = nullptr;
    QCategoryAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_ordersAxis = nullptr;
    QCategoryAxis *m_salesAxis = nullptr;
    ItemTableModel *m_items = nullptr;
    QListWidget *m_alertList = nullptr;
};

} // namespace opui
