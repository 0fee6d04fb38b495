#include "models/AlertFilterModel.h"

#include "models/AlertTableModel.h"

namespace opui {

AlertFilterModel::AlertFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(Qt::UserRole);
}

void AlertFilterModel::setRule(int rule)
{
    m_rule = rule;
    invalidateFilter();
}

void AlertFilterModel::setSeverity(int severity)
{
    m_severity = severity;
    invalidateFilter();
}

bool AlertFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *m = sourceModel();
    if (m_rule >= 0 &&
        m->index(sourceRow, AlertTableModel::Rule, sourceParent).data(Qt::UserRole).toInt() != m_rule)
        return false;
    return m_severity < 0 ||
           m->index(sourceRow, AlertTableModel::Severity, sourceParent).data(Qt::UserRole).toInt() ==
               m_severity;
}

} // namespace opui
