#include "models/AlertTableModel.h"

#include "common/AlertLedger.h"
#include "common/Format.h"

#include <QColor>
#include <QFont>

namespace opui {

void AlertTableModel::setAlerts(const std::vector<op::Alert> &newestLast)
{
    setRows(std::vector<op::Alert>(newestLast.rbegin(), newestLast.rend()));
}

void AlertTableModel::setLedger(const AlertLedger *ledger)
{
    m_ledger = ledger;
    connect(ledger, &AlertLedger::changed, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, Acknowledged), index(rowCount() - 1, Acknowledged));
    });
}

int AlertTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertTableModel::ruleText(op::AlertRule rule)
{
    return rule == op::AlertRule::IpVelocity ? tr("IP velocity") : tr("High value");
}

QString AlertTableModel::severityText(op::AlertSeverity severity)
{
    return severity == op::AlertSeverity::Critical ? tr("Critical") : tr("Warning");
}

QString AlertTableModel::valueText(const op::Alert &alert)
{
    return alert.rule == op::AlertRule::HighValue ? Format::money(alert.value)
                                                  : tr("%1 orders/min").arg(Format::count(alert.value));
}

QVariant AlertTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const op::Alert &a = m_rows[static_cast<std::size_t>(index.row())];
    if (role == Qt::UserRole) {
        switch (index.column()) {
        case Time: return static_cast<qlonglong>(a.eventTime);
        case Rule: return static_cast<int>(a.rule);
        case Entity: return QString::fromStdString(a.entity);
        case Value: return static_cast<qlonglong>(a.value);
        case Severity: return static_cast<int>(a.severity);
        case Acknowledged: return m_ledger && m_ledger->isAcknowledged(a);
        }
        return {};
    }
    if (role == Qt::FontRole && !(m_ledger && m_ledger->isAcknowledged(a))) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && index.column() == Severity && a.severity == op::AlertSeverity::Critical)
        return QColor(0xC6, 0x28, 0x28);
    if (role == Qt::TextAlignmentRole && index.column() == Value)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time: return Format::dateTime(a.eventTime);
    case Rule: return ruleText(a.rule);
    case Entity: return QString::fromStdString(a.entity);
    case Value: return valueText(a);
    case Severity: return severityText(a.severity);
    case Acknowledged: return m_ledger && m_ledger->isAcknowledged(a) ? tr("Yes") : tr("No");
    }
    return {};
}

QVariant AlertTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Time: return tr("Time (KST)");
    case Rule: return tr("Rule");
    case Entity: return tr("Entity");
    case Value: return tr("Value");
    case Severity: return tr("Severity");
    case Acknowledged: return tr("Acknowledged");
    }
    return {};
}

} // namespace opui
