// Alerts in the GUI: the Fraud tab's badge counts unacknowledged alerts, the table filters by
// rule and severity, acknowledging (button, Ctrl+K, double-click) marks rows and lowers the count.
#include "MainWindow.h"
#include "common/AlertLedger.h"
#include "models/AlertTableModel.h"
#include "pages/FraudPage.h"

#include <QApplication>
#include <QComboBox>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace opui;

namespace {

op::Alert makeAlert(op::AlertRule rule, op::AlertSeverity severity, const char *entity, op::TimestampMs t)
{
    op::Alert a;
    a.rule = rule;
    a.severity = severity;
    a.entity = entity;
    a.value = rule == op::AlertRule::HighValue ? 1200000 : 11;
    a.eventTime = t;
    a.orderId = std::string("O-") + entity;
    return a;
}

// 2 IP-velocity warnings, 1 high-value warning, 2 high-value criticals.
std::shared_ptr<op::Snapshot> fiveAlerts()
{
    auto s = std::make_shared<op::Snapshot>();
    s->sequence = 1;
    s->openAlerts = 5;
    s->recentAlerts = {makeAlert(op::AlertRule::IpVelocity, op::AlertSeverity::Warning, "198.51.100.1", 1000),
                       makeAlert(op::AlertRule::HighValue, op::AlertSeverity::Warning, "1", 2000),
                       makeAlert(op::AlertRule::IpVelocity, op::AlertSeverity::Warning, "198.51.100.2", 3000),
                       makeAlert(op::AlertRule::HighValue, op::AlertSeverity::Critical, "2", 4000),
                       makeAlert(op::AlertRule::HighValue, op::AlertSeverity::Critical, "3", 5000)};
    return s;
}

int ackedRows(const AlertTableModel *m)
{
    int n = 0;
    for (int r = 0; r < m->rowCount(); ++r)
        n += m->index(r, AlertTableModel::Acknowledged).data(Qt::UserRole).toBool() ? 1 : 0;
    return n;
}

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ledgerCountsNewAndAcknowledged();
    void filterByRuleAndSeverity();
    void acknowledgeSelectedOrShown();
    void shortcutAndDoubleClickAcknowledge();
    void badgeOnTheFraudTab();
};

void TestAlerts::ledgerCountsNewAndAcknowledged()
{
    AlertLedger ledger;
    QSignalSpy fresh(&ledger, &AlertLedger::newAlert);
    QSignalSpy changed(&ledger, &AlertLedger::changed);
    const auto s = fiveAlerts();
    ledger.update(s->recentAlerts);
    QCOMPARE(fresh.size(), 5);
    QCOMPARE(ledger.unacknowledgedCount(), 5);
    ledger.update(s->recentAlerts); // the same alerts are not new again
    QCOMPARE(fresh.size(), 5);
    ledger.acknowledge(s->recentAlerts[1]);
    QCOMPARE(ledger.unacknowledgedCount(), 4);
    QVERIFY(ledger.isAcknowledged(s->recentAlerts[1]));
    QVERIFY(!ledger.isAcknowledged(s->recentAlerts[0]));
    // The same IP firing again later is a new alert.
    auto more = s->recentAlerts;
    more.push_back(makeAlert(op::AlertRule::IpVelocity, op::AlertSeverity::Warning, "198.51.100.1", 9000));
    ledger.update(more);
    QCOMPARE(fresh.size(), 6);
    QCOMPARE(ledger.unacknowledgedCount(), 5);
    ledger.acknowledgeAll();
    QCOMPARE(ledger.unacknowledgedCount(), 0);
    QCOMPARE(changed.last().at(0).toInt(), 0);
}

void TestAlerts::filterByRuleAndSeverity()
{
    FraudPage page;
    page.setSnapshot(*fiveAlerts());
    QSortFilterProxyModel *shown = page.filteredModel();
    QCOMPARE(shown->rowCount(), 5);
    page.ruleFilter()->setCurrentIndex(page.ruleFilter()->findData(int(op::AlertRule::HighValue)));
    QCOMPARE(shown->rowCount(), 3);
    page.severityFilter()->setCurrentIndex(page.severityFilter()->findData(int(op::AlertSeverity::Critical)));
    QCOMPARE(shown->rowCount(), 2);
    for (int r = 0; r < shown->rowCount(); ++r) {
        QCOMPARE(shown->index(r, AlertTableModel::Rule).data().toString(),
                 AlertTableModel::ruleText(op::AlertRule::HighValue));
        QCOMPARE(shown->index(r, AlertTableModel::Severity).data().toString(),
                 AlertTableModel::severityText(op::AlertSeverity::Critical));
    }
    page.ruleFilter()->setCurrentIndex(page.ruleFilter()->findData(int(op::AlertRule::IpVelocity)));
    QCOMPARE(shown->rowCount(), 0);
    page.ruleFilter()->setCurrentIndex(0);
    page.severityFilter()->setCurrentIndex(0);
    QCOMPARE(shown->rowCount(), 5);
    // A refresh keeps the filter.
    page.severityFilter()->setCurrentIndex(page.severityFilter()->findData(int(op::AlertSeverity::Warning)));
    page.setSnapshot(*fiveAlerts());
    QCOMPARE(shown->rowCount(), 3);
}

void TestAlerts::acknowledgeSelectedOrShown()
{
    FraudPage page;
    page.setSnapshot(*fiveAlerts());
    QCOMPARE(page.ledger()->unacknowledgedCount(), 5);
    // One selected row (the newest: high value "3").
    page.alertView()->selectRow(0);
    page.acknowledgeSelected();
    QCOMPARE(page.ledger()->unacknowledgedCount(), 4);
    QCOMPARE(ackedRows(page.model()), 1);
    const QModelIndex first = page.filteredModel()->index(0, AlertTableModel::Acknowledged);
    QCOMPARE(first.data().toString(), QStringLiteral("Yes"));
    QCOMPARE(page.filteredModel()->index(0, AlertTableModel::Entity).data().toString(), QStringLiteral("3"));
    // No selection: every shown row — here only the IP-velocity ones.
    page.alertView()->clearSelection();
    page.ruleFilter()->setCurrentIndex(page.ruleFilter()->findData(int(op::AlertRule::IpVelocity)));
    page.acknowledgeSelected();
    QCOMPARE(page.ledger()->unacknowledgedCount(), 2);
    QCOMPARE(ackedRows(page.model()), 3);
    // Acknowledged stays acknowledged across refreshes.
    page.setSnapshot(*fiveAlerts());
    QCOMPARE(page.ledger()->unacknowledgedCount(), 2);
}

void TestAlerts::shortcutAndDoubleClickAcknowledge()
{
    FraudPage page;
    page.resize(1200, 700);
    page.show();
    QApplication::setActiveWindow(&page);
    QVERIFY(QTest::qWaitForWindowActive(&page));
    page.setSnapshot(*fiveAlerts());
    page.alertView()->setFocus();
    page.alertView()->selectRow(1);
    QTest::keyClick(page.alertView(), Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(page.ledger()->unacknowledgedCount(), 4);
    const QRect cell = page.alertView()->visualRect(page.filteredModel()->index(2, AlertTableModel::Entity));
    QTest::mouseClick(page.alertView()->viewport(), Qt::LeftButton, {},
                      cell.center()); // the view wants a press first
    QTest::mouseDClick(page.alertView()->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(page.ledger()->unacknowledgedCount(), 3);
}

void TestAlerts::badgeOnTheFraudTab()
{
    MainWindow window;
    window.show();
    window.applySnapshot(fiveAlerts());
    QCOMPARE(window.navText(MainWindow::Fraud), QStringLiteral("Fraud & Alerts  (5)"));
    window.alerts()->acknowledge(fiveAlerts()->recentAlerts[0]);
    QCOMPARE(window.navText(MainWindow::Fraud), QStringLiteral("Fraud & Alerts  (4)"));
    // The Fraud page shares the window's ledger.
    window.showPage(MainWindow::Fraud);
    auto *fraud = static_cast<FraudPage *>(window.page(MainWindow::Fraud));
    QCOMPARE(fraud->ledger(), window.alerts());
    QCOMPARE(ackedRows(fraud->model()), 1);
    fraud->acknowledgeSelected(); // nothing selected: all shown
    QCOMPARE(window.navText(MainWindow::Fraud), QStringLiteral("Fraud & Alerts"));
}

QTEST_MAIN(TestAlerts)
#include "tst_alerts.moc"
