#pragma once

#include "pages/Page.h"

class QLabel;
class QListWidget;
class QSortFilterProxyModel;

namespace opui {

class AlertTableModel;

// The alert table (time, rule, entity, value, severity) and the high-value orders.
class FraudPage : public Page
{
    Q_OBJECT

public:
    explicit FraudPage(QWidget *parent = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("fraud"); }
    QString title() const override { return tr("Fraud & Alerts"); }

    AlertTableModel *model() const { return m_model; }
    QListWidget *highValueList() const { return m_highValue; }

private:
    QLabel *m_summary = nullptr;
    AlertTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QListWidget *m_highValue = nullptr;
};

} // namespace opui
