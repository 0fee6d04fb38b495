#pragma once

#include "analytics/Alert.h"
#include "models/RowTableModel.h"

namespace opui {

// Fraud alerts, newest first (the snapshot keeps them newest last).
class AlertTableModel : public RowTableModel<op::Alert>
{
    Q_OBJECT

public:
    enum Column { Time, Rule, Entity, Value, Severity, ColumnCount };
    using RowTableModel::RowTableModel;

    void setAlerts(const std::vector<op::Alert> &newestLast);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString ruleText(op::AlertRule rule);
    static QString severityText(op::AlertSeverity severity);
    static QString valueText(const op::Alert &alert);
};

} // namespace opui
