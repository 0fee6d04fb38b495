#include "models/CustomerTableModel.h"

#include "common/Format.h"
#include "common/Labels.h"

#include <QCoreApplication>

namespace opui {

void CustomerTableModel::setTable(std::shared_ptr<const std::vector<op::CustomerRow>> table)
{
    if (table == m_table)
        return;
    if (table && m_table && table->size() == m_table->size() && !table->empty()) {
        m_table = std::move(table);
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

int CustomerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_table ? 0 : static_cast<int>(m_table->size());
}

int CustomerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const op::CustomerRow &c = (*m_table)[static_cast<std::size_t>(index.row())];
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Customer: return QString::fromStdString(c.customerId);
        case LastOrder: return static_cast<qlonglong>(c.lastOrder);
        case Orders: return static_cast<qlonglong>(c.frequency);
        case Spent: return static_cast<qlonglong>(c.monetary);
        case R: return c.r;
        case F: return c.f;
        case M: return c.m;
        case Segment: return QString::fromStdString(c.segment);
        case Grade: return QString::fromStdString(c.grade);
        case Clv: return static_cast<qlonglong>(c.clv);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != Customer && index.column() != Segment
        && index.column() != Grade)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Customer: return QString::fromStdString(c.customerId);
    case LastOrder: return Format::dateTime(c.lastOrder);
    case Orders: return Format::count(c.frequency);
    case Spent: return Format::money(c.monetary);
    case R: return c.r;
    case F: return c.f;
    case M: return c.m;
    case Segment: return Labels::segment(c.segment);
    case Grade: return QString::fromStdString(c.grade);
    case Clv: return Format::money(c.clv);
    }
    return {};
}

QVariant CustomerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Customer: return tr("Customer");
    case LastOrder: return tr("Last order (KST)");
    case Orders: return tr("Orders");
    case Spent: return tr("Spent");
    case R: return tr("R");
    case F: return tr("F");
    case M: return tr("M");
    case Segment: return tr("Segment");
    case Grade: return tr("Grade");
    case Clv: return tr("CLV");
    }
    return {};
}

} // namespace opui
