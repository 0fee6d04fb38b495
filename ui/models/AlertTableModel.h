#pragma once

#include "analytics/Alert.h"
#include "models/RowTableModel.h"

namespace opui {

class AlertLedger;

// Fraud alerts, newest first (the snapshot keeps them newest last).
class AlertTableModel : public RowTableModel<op::Alert>
{
    Q_OBJECT

public:
    enum Column { Time, Rule, Entity, Value, Severity, Acknowledged, ColumnCount };
    using RowTableModel::RowTableModel;

    void setAlerts(const std::vector<op::Alert> &newestLast);
    // Where the Acknowledged column comes from; the column refreshes when the ledger changes.
    void setLedger(const AlertLedger *ledger);
    const op::Alert &alertAt(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString ruleText(op::AlertRule rule);
    static QString severityText(op::AlertSeverity severity);
    static QString valueText(const op::Alert &alert);

private:
    const AlertLedger *m_ledger = nullptr;
};

} // namespace opui
