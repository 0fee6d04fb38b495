#include "pages/FraudPage.h"

#include "common/AlertLedger.h"
#include "common/Format.h"
#include "models/AlertFilterModel.h"
#include "models/AlertTableModel.h"

#include <QAction>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>

#include <set>

namespace opui {

FraudPage::FraudPage(QWidget *parent, AlertLedger *ledger)
    : Page(parent)
    , m_ledger(ledger ? ledger : new AlertLedger(this))
{
    auto *layout = new QGridLayout(this);
    m_summary = new QLabel(this);
    layout->addWidget(m_summary, 0, 0, 1, 2);
    m_model = new AlertTableModel(this);
    m_model->setLedger(m_ledger);
    auto *filter = new AlertFilterModel(this);
    m_proxy = filter;
    m_proxy->setSourceModel(m_model);

    auto *tools = new QHBoxLayout;
    tools->addWidget(new QLabel(tr("Recent alerts"), this));
    tools->addStretch(1);
    tools->addWidget(new QLabel(tr("Rule:"), this));
    m_rule = new QComboBox(this);
    m_rule->addItem(tr("All rules"), -1);
    m_rule->addItem(AlertTableModel::ruleText(op::AlertRule::IpVelocity), static_cast<int>(op::AlertRule::IpVelocity));
    m_rule->addItem(AlertTableModel::ruleText(op::AlertRule::HighValue), static_cast<int>(op::AlertRule::HighValue));
    tools->addWidget(m_rule);
    tools->addWidget(new QLabel(tr("Severity:"), this));
    m_severity = new QComboBox(this);
    m_severity->addItem(tr("All severities"), -1);
    m_severity->addItem(AlertTableModel::severityText(op::AlertSeverity::Warning), static_cast<int>(op::AlertSeverity::Warning));
    m_severity->addItem(AlertTableModel::severityText(op::AlertSeverity::Critical), static_cast<int>(op::AlertSeverity::Critical));
    tools->addWidget(m_severity);
    m_ack = new QPushButton(tr("Acknowledge"), this);
    m_ack->setToolTip(tr("Acknowledge the selected alerts, or every shown alert when none is selected (Ctrl+K)"));
    tools->addWidget(m_ack);
    layout->addLayout(tools, 1, 0);
    connect(m_rule, &QComboBox::currentIndexChanged, this, [this, filter] { filter->setRule(m_rule->currentData().toInt()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this, filter] { filter->setSeverity(m_severity->currentData().toInt()); });
    connect(m_ack, &QPushButton::clicked, this, &FraudPage::acknowledgeSelected);
    auto *ackAction = new QAction(this);
    ackAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    ackAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(ackAction, &QAction::triggered, this, &FraudPage::acknowledgeSelected);
    addAction(ackAction);

    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(AlertTableModel::Time, Qt::DescendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AlertTableModel::Entity, QHeaderView::Stretch);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        m_ledger->acknowledge(m_model->alertAt(m_proxy->mapToSource(index).row()));
    });
    layout->addWidget(m_view, 2, 0);
    layout->addWidget(new QLabel(tr("High-value orders"), this), 1, 1);
    m_highValue = new QListWidget(this);
    layout->addWidget(m_highValue, 2, 1);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 2);
}

void FraudPage::acknowledgeSelected()
{
    std::set<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedIndexes())
        rows.insert(m_proxy->mapToSource(index).row());
    if (rows.empty()) {
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            rows.insert(m_proxy->mapToSource(m_proxy->index(r, 0)).row());
    }
    for (int row : rows)
        m_ledger->acknowledge(m_model->alertAt(row));
}

void FraudPage::setSnapshot(const op::Snapshot &s)
{
    std::int64_t velocity = 0;
    std::int64_t highValue = 0;
    for (const op::Alert &a : s.recentAlerts)
        (a.rule == op::AlertRule::IpVelocity ? velocity : highValue) += 1;
    m_ledger->update(s.recentAlerts);
    m_summary->setText(tr("Open alerts: %1   shown: %2 (IP velocity %3, high value %4)   unacknowledged: %5")
                           .arg(Format::count(s.openAlerts), Format::count(static_cast<std::int64_t>(s.recentAlerts.size())),
                                Format::count(velocity), Format::count(highValue),
                                Format::count(m_ledger->unacknowledgedCount())));
    m_model->setAlerts(s.recentAlerts);

    m_highValue->clear();
    for (auto it = s.recentAlerts.rbegin(); it != s.recentAlerts.rend(); ++it) {
        if (it->rule != op::AlertRule::HighValue)
            continue;
        m_highValue->addItem(QStringLiteral("%1   %2   %3")
                                 .arg(Format::dateTime(it->eventTime), QString::fromStdString(it->entity),
                                      Format::money(it->value)));
    }
}

} // namespace opui
