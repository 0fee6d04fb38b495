#pragma once

#include "analytics/Report.h"
#include "models/RowTableModel.h"

namespace opui {

// Restaurants: one row per MerchantRow of the snapshot.
class MerchantTableModel : public RowTableModel<op::MerchantRow>
{
    Q_OBJECT

public:
    enum Column { Name, Orders, Sales, AvgOrder, Rating, DeliveryMin, LateRate, CancelRate, ColumnCount };
    using RowTableModel::RowTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};

} // namespace opui
