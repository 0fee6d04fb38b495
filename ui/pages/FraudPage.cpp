#include "pages/FraudPage.h"

#include "common/Format.h"
#include "models/AlertTableModel.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSortFilterProxyModel>
#include <QTableView>

namespace opui {

FraudPage::FraudPage(QWidget *parent)
    : Page(parent)
{
    auto *layout = new QGridLayout(this);
    m_summary = new QLabel(this);
    layout->addWidget(m_summary, 0, 0, 1, 2);
    m_model = new AlertTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    auto *view = new QTableView(this);
    view->setModel(m_proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(AlertTableModel::Time, Qt::DescendingOrder);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(AlertTableModel::Entity, QHeaderView::Stretch);
    layout->addWidget(new QLabel(tr("Recent alerts"), this), 1, 0);
    layout->addWidget(view, 2, 0);
    layout->addWidget(new QLabel(tr("High-value orders"), this), 1, 1);
    m_highValue = new QListWidget(this);
    layout->addWidget(m_highValue, 2, 1);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 2);
}

void FraudPage::setSnapshot(const op::Snapshot &s)
{
    std::int64_t velocity = 0;
    std::int64_t highValue = 0;
    for (const op::Alert &a : s.recentAlerts)
        (a.rule == op::AlertRule::IpVelocity ? velocity : highValue) += 1;
    m_summary->setText(tr("Open alerts: %1   shown: %2 (IP velocity %3, high value %4)")
                           .arg(Format::count(s.openAlerts), Format::count(static_cast<std::int64_t>(s.recentAlerts.size())),
                                Format::count(velocity), Format::count(highValue)));
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
