#pragma once

#include <QSortFilterProxyModel>

namespace opui {

// The alert table's rule and severity filter (-1: any), and its sorting by raw values.
class AlertFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit AlertFilterModel(QObject *parent = nullptr);
    void setRule(int rule);
    void setSeverity(int severity);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_rule = -1;
    int m_severity = -1;
};

} // namespace opui
