#include "models/MerchantTableModel.h"

#include "common/Format.h"

namespace opui {

int MerchantTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MerchantTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const op::MerchantRow &m = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Name: return QString::fromStdString(m.name);
        case Orders: return static_cast<qlonglong>(m.orders);
        case Sales: return static_cast<qlonglong>(m.sales);
        case AvgOrder: return static_cast<qlonglong>(m.avgOrderValue);
        case Rating: return m.rating.value_or(-1.0);
        case DeliveryMin: return m.deliveryMin.value_or(-1.0);
        case LateRate: return m.lateRate;
        case CancelRate: return m.cancelRate;
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Name ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Name)
        return QString::fromStdString(m.merchantId);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name: return QString::fromStdString(m.name.empty() ? m.merchantId : m.name);
    case Orders: return Format::count(m.orders);
    case Sales: return Format::money(m.sales);
    case AvgOrder: return Format::money(m.avgOrderValue);
    case Rating: return m.rating ? Format::number(*m.rating, 2) : QStringLiteral("–");
    case DeliveryMin: return Format::minutes(m.deliveryMin);
    case LateRate: return Format::percent(m.lateRate);
    case CancelRate: return Format::percent(m.cancelRate);
    }
    return {};
}

QVariant MerchantTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Restaurant");
    case Orders: return tr("Orders");
    case Sales: return tr("Sales");
    case AvgOrder: return tr("Avg order");
    case Rating: return tr("Rating");
    case DeliveryMin: return tr("Delivery");
    case LateRate: return tr("Late");
    case CancelRate: return tr("Cancelled");
    }
    return {};
}

} // namespace opui
