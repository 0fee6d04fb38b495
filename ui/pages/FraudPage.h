#pragma once

#include "pages/Page.h"

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace opui {

class AlertLedger;
class AlertTableModel;

// The alert table (time, rule, entity, value, severity, acknowledged) with acknowledge and a
// rule / severity filter, and the high-value orders.
class FraudPage : public Page
{
    Q_OBJECT

public:
    // `ledger` holds the acknowledgements (MainWindow's, shared); the page makes its own if null.
    explicit FraudPage(QWidget *parent = nullptr, AlertLedger *ledger = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("fraud"); }
    QString title() const override { return tr("Fraud & Alerts"); }

    AlertTableModel *model() const { return m_model; }
    QSortFilterProxyModel *filteredModel() const { return m_proxy; }
    QTableView *alertView() const { return m_view; }
    QListWidget *highValueList() const { return m_highValue; }
    QComboBox *ruleFilter() const { return m_rule; }
    QComboBox *severityFilter() const { return m_severity; }
    AlertLedger *ledger() const { return m_ledger; }
    // Acknowledges the selected alerts (all shown ones when none is selected).
    void acknowledgeSelected();

private:
    void applyFilter();

    AlertLedger *m_ledger = nullptr;
    QLabel *m_summary = nullptr;
    AlertTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_rule = nullptr;
    QComboBox *m_severity = nullptr;
    QPushButton *m_ack = nullptr;
    QListWidget *m_highValue = nullptr;
};

} // namespace opui
