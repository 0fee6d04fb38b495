#pragma once

#include "analytics/Report.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace opui {

// The customer table, read in place from the snapshot's shared (immutable) vector: no copy, and
// nothing happens when a snapshot carries the same table as the previous one.
class CustomerTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Customer, LastOrder, Orders, Spent, R, F, M, Segment, Grade, Clv, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setTable(std::shared_ptr<const std::vector<op::CustomerRow>> table);
    const std::vector<op::CustomerRow> *table() const { return m_table.get(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const std::vector<op::CustomerRow>> m_table;
};

} // namespace opui
