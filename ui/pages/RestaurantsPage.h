#pragma once

#include "pages/Page.h"

class QBarCategoryAxis;
class QCategoryAxis;
class QHorizontalBarSeries;
class QSortFilterProxyModel;
class QTableView;

namespace opui {

class MerchantTableModel;
class RestaurantDetail;

// The sortable restaurant ranking and the top 10 by sales; double-click drills down.
class RestaurantsPage : public Page
{
    Q_OBJECT

public:
    explicit RestaurantsPage(QWidget *parent = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("restaurants"); }
    QString title() const override { return tr("Restaurants"); }

    MerchantTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QHorizontalBarSeries *topSeries() const { return m_top; }
    QBarCategoryAxis *topAxis() const { return m_topAxis; }
    QTableView *view() const { return m_view; }
    // The drill-down for the restaurant on that (proxy) row, with the latest snapshot's figures.
    RestaurantDetail *openDetail(int proxyRow);

Q_SIGNALS:
    void filterRequested(const QString &merchantId);

private:
    MerchantTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    op::Snapshot m_snapshot; // what the drill-down shows
    QSortFilterProxyModel *m_proxy = nullptr;
    QHorizontalBarSeries *m_top = nullptr;
    QBarCategoryAxis *m_topAxis = nullptr;
    QCategoryAxis *m_salesAxis = nullptr;
};

} // namespace opui
