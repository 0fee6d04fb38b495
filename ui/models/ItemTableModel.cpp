#include "models/ItemTableModel.h"

#include "common/Format.h"

namespace opui {

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const op::PopularItemRow &r = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Rank: return r.rank;
        case Name: return QString::fromStdString(r.name);
        case Quantity: return static_cast<qlonglong>(r.quantity);
        case Orders: return static_cast<qlonglong>(r.orders);
        case Sales: return static_cast<qlonglong>(r.sales);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != Name)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Rank: return r.rank;
    case Name: return QString::fromStdString(r.name);
    case Quantity: return Format::count(r.quantity);
    case Orders: return Format::count(r.orders);
    case Sales: return Format::money(r.sales);
    }
    return {};
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank: return tr("#");
    case Name: return tr("Item");
    case Quantity: return tr("Qty");
    case Orders: return tr("Orders");
    case Sales: return tr("Sales");
    }
    return {};
}

} // namespace opui
