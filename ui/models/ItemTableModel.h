#pragma once

#include "analytics/Report.h"
#include "models/RowTableModel.h"

namespace opui {

// Popular items: rank, name, quantity, orders, sales.
class ItemTableModel : public RowTableModel<op::PopularItemRow>
{
    Q_OBJECT

public:
    enum Column { Rank, Name, Quantity, Orders, Sales, ColumnCount };
    using RowTableModel::RowTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
};

} // namespace opui
