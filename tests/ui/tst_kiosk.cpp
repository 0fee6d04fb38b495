// Kiosk mode: pages rotate in order on the timer, a new unacknowledged alert takes the Fraud page
// and holds it until acknowledged or timed out, the stale-data banner comes and goes, large type,
// no chrome, and leaving needs the PIN.
#include "MainWindow.h"
#include "common/AlertLedger.h"
#include "common/Format.h"
#include "kiosk/KioskController.h"
#include "kiosk/KioskPin.h"
#include "pages/Page.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLabel>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTest>

using namespace opui;

namespace {

std::shared_ptr<op::Snapshot> snapshotWith(std::int64_t sequence, std::vector<op::Alert> alerts = {})
{
    auto s = std::make_shared<op::Snapshot>();
    s->sequence = sequence;
    s->totals.orders = 100 + sequence;
    s->recentAlerts = std::move(alerts);
    return s;
}

op::Alert alert(const char *entity, op::TimestampMs t)
{
    op::Alert a;
    a.rule = op::AlertRule::IpVelocity;
    a.entity = entity;
    a.value = 12;
    a.eventTime = t;
    return a;
}

KioskOptions fastOptions()
{
    KioskOptions o;
    o.rotateMs = 150;
    o.alertHoldMs = 60000;
    o.staleAfterMs = 0;
    return o;
}

} // namespace

class TestKiosk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noChromeAndLargeType();
    void rotatesInOrderOnTheTimer();
    void newAlertTakesFocusUntilAcknowledged();
    void alertFocusTimesOut();
    void staleBanner();
    void noStaleBannerForAFinishedReplayOutsideTheKiosk();
    void leavingNeedsThePin();
};

void TestKiosk::noChromeAndLargeType()
{
    MainWindow window;
    KioskOptions o = fastOptions();
    o.fontScale = 1.5;
    KioskController kiosk(&window, o);
    const double base = QApplication::font().pointSizeF();
    kiosk.start();
    QVERIFY(window.isFullScreen() || window.windowState().testFlag(Qt::WindowFullScreen));
    QVERIFY(!window.isChromeVisible());
    QVERIFY(!window.menuBar()->isVisible());
    QCOMPARE(window.fontScale(), 1.5);
    QCOMPARE(window.page(MainWindow::Overview)->font().pointSizeF(), base * 1.5);
}

void TestKiosk::rotatesInOrderOnTheTimer()
{
    MainWindow window;
    window.applySnapshot(snapshotWith(1));
    KioskController kiosk(&window, fastOptions());
    QSignalSpy rotated(&kiosk, &KioskController::rotated);
    QElapsedTimer clock;
    clock.start();
    kiosk.start();
    QCOMPARE(window.currentPage(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(rotated.size() >= 3, 5000);
    // 3 rotations at 150 ms cannot happen in less than 450 ms.
    QVERIFY(clock.elapsed() >= 440);
    QCOMPARE(rotated.at(0).at(0).toInt(), 1);
    QCOMPARE(rotated.at(1).at(0).toInt(), 2);
    QCOMPARE(rotated.at(2).at(0).toInt(), 3);
    // After the last page, the first again.
    window.showPage(MainWindow::Health);
    rotated.clear();
    QTRY_VERIFY_WITH_TIMEOUT(!rotated.isEmpty(), 5000);
    QCOMPARE(rotated.front().at(0).toInt(), int(MainWindow::Overview));
    QCOMPARE(window.currentPage(), int(MainWindow::Overview));
}

void TestKiosk::newAlertTakesFocusUntilAcknowledged()
{
    MainWindow window;
    window.applySnapshot(snapshotWith(1));
    KioskController kiosk(&window, fastOptions());
    QSignalSpy rotated(&kiosk, &KioskController::rotated);
    kiosk.start();
    QVERIFY(!kiosk.isHoldingAlert());

    window.applySnapshot(snapshotWith(2, {alert("198.51.100.7", 1000)}));
    QCOMPARE(window.currentPage(), int(MainWindow::Fraud));
    QVERIFY(kiosk.isHoldingAlert());
    QCOMPARE(window.alerts()->unacknowledgedCount(), 1);
    rotated.clear();
    QTest::qWait(600); // four rotation intervals
    QCOMPARE(window.currentPage(), int(MainWindow::Fraud));
    QVERIFY(rotated.isEmpty());

    // The same alert again is not new; an acknowledged one releases the page.
    window.applySnapshot(snapshotWith(3, {alert("198.51.100.7", 1000)}));
    QVERIFY(kiosk.isHoldingAlert());
    window.alerts()->acknowledgeAll();
    QVERIFY(!kiosk.isHoldingAlert());
    QTRY_VERIFY_WITH_TIMEOUT(!rotated.isEmpty(), 5000);
    QCOMPARE(rotated.front().at(0).toInt(), int(MainWindow::Health)); // moved on from Fraud

    // An alert that arrives already acknowledged (seen before) does not take focus.
    window.showPage(MainWindow::Overview);
    window.applySnapshot(snapshotWith(4, {alert("198.51.100.7", 1000)}));
    QVERIFY(!kiosk.isHoldingAlert());
}

void TestKiosk::alertFocusTimesOut()
{
    MainWindow window;
    KioskOptions o = fastOptions();
    o.alertHoldMs = 300;
    KioskController kiosk(&window, o);
    QSignalSpy focus(&kiosk, &KioskController::alertFocus);
    kiosk.start();
    QElapsedTimer clock;
    clock.start();
    window.applySnapshot(snapshotWith(1, {alert("203.0.113.9", 5000)}));
    QVERIFY(kiosk.isHoldingAlert());
    QTRY_VERIFY_WITH_TIMEOUT(!kiosk.isHoldingAlert(), 5000);
    QVERIFY(clock.elapsed() >= 290);
    QCOMPARE(focus.size(), 2);
    QCOMPARE(focus.at(0).at(0).toBool(), true);
    QCOMPARE(focus.at(1).at(0).toBool(), false);
    QCOMPARE(window.alerts()->unacknowledgedCount(), 1); // timed out, still unacknowledged
}

void TestKiosk::staleBanner()
{
    MainWindow window;
    KioskOptions o = fastOptions();
    o.staleAfterMs = 250;
    KioskController kiosk(&window, o);
    kiosk.start();
    window.applySnapshot(snapshotWith(1));
    const qint64 arrived = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(!window.isStale());
    QVERIFY(!window.staleBanner()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window.staleBanner()->isVisible(), 5000);
    QVERIFY(window.isStale());
    const QString text = window.staleBanner()->text();
    QVERIFY2(text.startsWith(QStringLiteral("Data stale since ")), qPrintable(text));
    // hh:mm of the last arrival, in the display zone (the minute may have turned since).
    QVERIFY2(text.contains(Format::shortTime(arrived, false)) ||
                 text.contains(Format::shortTime(arrived - 60000, false)),
             qPrintable(text));
    window.applySnapshot(snapshotWith(2));
    QVERIFY(!window.isStale());
    QVERIFY(!window.staleBanner()->isVisible());
}

void TestKiosk::noStaleBannerForAFinishedReplayOutsideTheKiosk()
{
    MainWindow window;
    window.show();
    window.setStaleWatch(100, false); // the analyst's window: only while a source runs
    window.applySnapshot(snapshotWith(1));
    QTest::qWait(400);
    QVERIFY(!window.isStale());
    QVERIFY(!window.staleBanner()->isVisible());
    window.setStaleWatch(100, true); // the wall screen: whenever data stops
    QTRY_VERIFY_WITH_TIMEOUT(window.staleBanner()->isVisible(), 5000);
}

void TestKiosk::leavingNeedsThePin()
{
    MainWindow window;
    KioskOptions o = fastOptions();
    o.pinHash = KioskPin::hash(QStringLiteral("2468"));
    QVERIFY(KioskPin::matches(QStringLiteral("2468"), o.pinHash));
    QVERIFY(!KioskPin::matches(QStringLiteral("1357"), o.pinHash));
    QVERIFY(!o.pinHash.contains(QStringLiteral("2468")));
    KioskController kiosk(&window, o);
    QString typed;
    int asked = 0;
    kiosk.setPinPrompt([&](QString *pin) {
        ++asked;
        *pin = typed;
        return true;
    });
    kiosk.start();
    QVERIFY(window.isVisible());

    typed = QStringLiteral("1357");
    QVERIFY(!kiosk.requestExit());
    QVERIFY(kiosk.isActive());
    QVERIFY(!window.close()); // closing is refused too
    QVERIFY(window.isVisible());
    QCOMPARE(asked, 2);

    typed = QStringLiteral("2468");
    QVERIFY(kiosk.requestExit());
    QVERIFY(!kiosk.isActive());
    QVERIFY(window.isChromeVisible());
    QCOMPARE(window.fontScale(), 1.0);
    QVERIFY(window.close()); // outside the kiosk no PIN is asked
    QCOMPARE(asked, 3);
}

QTEST_MAIN(TestKiosk)
#include "tst_kiosk.moc"
