#pragma once

#include "pages/Page.h"

class QBarCategoryAxis;
class QCategoryAxis;
class QHorizontalBarSeries;
class QSortFilterProxyModel;

namespace opui {

class MerchantTableModel;

// The sortable restaurant ranking and the top 10 by sales.
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

private:
    MerchantTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QHorizontalBarSeries *m_top = nullptr;
    QBarCategoryAxis *m_topAxis = nullptr;
    QCategoryAxis *m_salesAxis = nullptr;
};

} // namespace opui
