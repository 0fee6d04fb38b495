// The window fed by the real replay worker thread: queued, coalesced snapshots reach the
// visible page, the toolbar drives the worker, and the end of the replay is reported.
#include "MainWindow.h"
#include "common/DemoData.h"
#include "common/Format.h"
#include "pages/HealthPage.h"
#include "pages/OverviewPage.h"
#include "widgets/KpiTile.h"

#include <QComboBox>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace opui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bundledDemoIsFound();
    void replaysTheDemoToTheEnd();
};

void TestMainWindow::bundledDemoIsFound()
{
    const QString path = bundledDemoPath();
    QVERIFY(QFileInfo(path).isFile());
    QVERIFY(path.endsWith(QStringLiteral("demo/orders.ndjson")));
}

void TestMainWindow::replaysTheDemoToTheEnd()
{
    MainWindow window;
    window.resize(1600, 1000);
    window.show();
    QSignalSpy finished(&window, &MainWindow::replayFinished);
    window.startReplay({bundledDemoPath()});
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.front().at(0).toBool(), true);
    QVERIFY(finished.front().at(1).toString().isEmpty());

    // The last snapshot (published before `finished`) is the whole demo: 8,000 orders.
    QTRY_VERIFY(window.latestSnapshot() != nullptr);
    const op::Snapshot &s = *window.latestSnapshot();
    QCOMPARE(s.totals.orders, 8000);
    QCOMPARE(s.events.accepted, 8000);
    QCOMPARE(s.sources.size(), std::size_t(1));
    QCOMPARE(s.sources.front().progress, 1.0);

    auto *overview = static_cast<OverviewPage *>(window.page(MainWindow::Overview));
    QTRY_COMPARE(overview->ordersTile()->value(), Format::count(8000));
    QCOMPARE(overview->salesTile()->value(), Format::money(s.totals.sales));

    window.showPage(MainWindow::Health);
    auto *health = static_cast<HealthPage *>(window.page(MainWindow::Health));
    QCOMPARE(health->accepted()->value(), Format::count(8000));
    QCOMPARE(health->sourceTable()->item(0, 1)->text(), QStringLiteral("finished"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
