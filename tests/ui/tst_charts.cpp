// Chart interaction and export: zoom and reset, pan, legend toggles, CSV of line and bar series,
// CSV of tables (quoting), a whole page exported, and the window's keyboard shortcuts.
#include "MainWindow.h"
#include "common/Exporter.h"
#include "common/Format.h"
#include "common/Theme.h"
#include "pages/OverviewPage.h"
#include "widgets/ChartView.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QFile>
#include <QFileInfo>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPalette>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace opui;

class TestCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void zoomPanAndReset();
    void legendMarkerTogglesSeries();
    void chartCsv();
    void tableCsvQuotes();
    void exportPage();
    void keyboardShortcuts();
    void darkAndLightTheme();
};

namespace {

struct LineChart
{
    QChart *chart = new QChart;
    QLineSeries *series = new QLineSeries;
    QValueAxis *x = new QValueAxis;
    QValueAxis *y = new QValueAxis;
    LineChart()
    {
        for (int i = 0; i <= 100; ++i)
            series->append(i, i * 2);
        series->setName(QStringLiteral("Orders"));
        chart->addSeries(series);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(y);
        x->setRange(0, 100);
        y->setRange(0, 200);
    }
};

} // namespace

void TestCharts::zoomPanAndReset()
{
    LineChart c;
    ChartView view(c.chart);
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(!view.isZoomed());
    view.zoomBy(2.0);
    QVERIFY(view.isZoomed());
    QVERIFY(c.x->max() - c.x->min() < 60); // half the range, about
    QVERIFY(c.x->min() > 20);
    const double before = c.x->min();
    view.pan(50, 0);
    QVERIFY(c.x->min() > before);
    // The wheel zooms horizontally only.
    view.resetView();
    QCOMPARE(c.x->min(), 0.0);
    QCOMPARE(c.x->max(), 100.0);
    const QPoint centre = view.chart()->plotArea().center().toPoint();
    QWheelEvent wheel(centre, view.mapToGlobal(centre), {}, QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(c.x->max() - c.x->min() < 90);
    QCOMPARE(c.y->min(), 0.0);
    QCOMPARE(c.y->max(), 200.0);
    // Home resets.
    QTest::keyClick(&view, Qt::Key_Home);
    QVERIFY(!view.isZoomed());
    QCOMPARE(c.x->max() - c.x->min(), 100.0);
}

void TestCharts::legendMarkerTogglesSeries()
{
    LineChart c;
    auto *second = new QLineSeries;
    second->setName(QStringLiteral("Sales"));
    second->append(0, 1);
    c.chart->addSeries(second);
    ChartView view(c.chart);
    view.enableLegendToggles();
    const QList<QLegendMarker *> markers = c.chart->legend()->markers(second);
    QCOMPARE(markers.size(), 1);
    Q_EMIT markers.front()->clicked();
    QVERIFY(!second->isVisible());
    QVERIFY(c.series->isVisible());
    // The marker stays, dimmed, to bring the series back (the legend lays out on the event loop).
    QTRY_VERIFY(markers.front()->isVisible());
    QVERIFY(markers.front()->labelBrush().color().alphaF() < 0.5);
    Q_EMIT markers.front()->clicked();
    QVERIFY(second->isVisible());
}

void TestCharts::chartCsv()
{
    QChart chart;
    auto *line = new QLineSeries;
    line->setName(QStringLiteral("Orders, per window"));
    const double t = 1772377199000.0; // 2026-03-01 23:59:59 KST
    line->append(t, 12);
    chart.addSeries(line);
    auto *bars = new QBarSeries;
    auto *set = new QBarSet(QStringLiteral("Customers"));
    *set << 5 << 7;
    bars->append(set);
    chart.addSeries(bars);
    auto *categories = new QBarCategoryAxis;
    categories->append({QStringLiteral("VIP"), QStringLiteral("GOLD")});
    chart.addAxis(categories, Qt::AlignBottom);
    bars->attachAxis(categories);
    const QStringList lines = Exporter::chartCsv(&chart).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), QStringLiteral("series,x,x_time,y"));
    QCOMPARE(lines.at(1), QStringLiteral("\"Orders, per window\",1772377199000,2026-03-01 23:59:59,12"));
    QCOMPARE(lines.at(2), QStringLiteral("Customers,VIP,,5"));
    QCOMPARE(lines.at(3), QStringLiteral("Customers,GOLD,,7"));
}

void TestCharts::tableCsvQuotes()
{
    QStandardItemModel model(2, 2);
    model.setHorizontalHeaderLabels({QStringLiteral("Restaurant"), QStringLiteral("Sales")});
    model.setItem(0, 0, new QStandardItem(QStringLiteral("바른닭집 \"문정\"점")));
    model.setItem(0, 1, new QStandardItem(QStringLiteral("₩19,115,600")));
    model.setItem(1, 0, new QStandardItem(QStringLiteral("Plain")));
    model.setItem(1, 1, new QStandardItem(QStringLiteral("0")));
    QCOMPARE(Exporter::tableCsv(&model),
             QStringLiteral("Restaurant,Sales\n\"바른닭집 \"\"문정\"\"점\",\"₩19,115,600\"\nPlain,0\n"));

    QTemporaryDir dir;
    QString error;
    const QString path = dir.filePath(QStringLiteral("t.csv"));
    QVERIFY(Exporter::writeCsv(path, QStringLiteral("a,b\n"), &error));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("\xEF\xBB\xBF"
                                     "a,b\n"));
}

void TestCharts::exportPage()
{
    OverviewPage page;
    page.resize(1400, 900);
    op::Snapshot s;
    s.sequence = 1;
    s.totals.orders = 3;
    op::RealtimeStatsRow w;
    w.windowStart = 1772377170000;
    w.windowEnd = w.windowStart + 30000;
    w.totalOrders = 3;
    w.totalSales = 45000;
    s.recentWindows.push_back(w);
    op::PopularItemRow item;
    item.rank = 1;
    item.name = "양념치킨";
    item.quantity = 2;
    s.topItemsNow.push_back(item);
    page.setSnapshot(s);
    QTemporaryDir dir;
    QString error;
    const QStringList files = Exporter::exportPage(&page, dir.path(), QStringLiteral("overview"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(files.contains(dir.filePath(QStringLiteral("overview.png"))));
    QVERIFY(files.contains(dir.filePath(QStringLiteral("overview-chart-1.csv"))));
    QVERIFY(files.contains(dir.filePath(QStringLiteral("overview-table-1.csv"))));
    for (const QString &f : files)
        QVERIFY2(QFileInfo(f).size() > 0, qPrintable(f));
    QFile chart(dir.filePath(QStringLiteral("overview-chart-1.csv")));
    QVERIFY(chart.open(QIODevice::ReadOnly));
    const QString chartText = QString::fromUtf8(chart.readAll());
    QVERIFY2(chartText.contains(QStringLiteral("Orders,1772377170000,2026-03-01 23:59:30,3")),
             qPrintable(chartText));
    QFile table(dir.filePath(QStringLiteral("overview-table-1.csv")));
    QVERIFY(table.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(table.readAll()).contains(QStringLiteral("양념치킨")));
}

void TestCharts::keyboardShortcuts()
{
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), int(MainWindow::Customers));
    QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), int(MainWindow::Health));
    QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(window.currentPage(), int(MainWindow::Overview));
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_VERIFY(window.windowState().testFlag(Qt::WindowFullScreen));
    QTest::keyClick(&window, Qt::Key_F11);
    QTRY_VERIFY(!window.windowState().testFlag(Qt::WindowFullScreen));
}

void TestCharts::darkAndLightTheme()
{
    const bool systemDark = Theme::systemIsDark();
    QCOMPARE(systemDark, QApplication::palette().color(QPalette::Window).lightness() < 128);
    Theme::apply(Theme::Dark);
    QVERIFY(Theme::isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 128);
    OverviewPage page;
    Theme::applyToCharts(&page);
    const QChart *chart = page.ordersSeries()->chart();
    QVERIFY(chart->titleBrush().color().lightness() > 128);
    QVERIFY(chart->backgroundBrush().color().lightness() < 128);
    for (const QAbstractAxis *axis : chart->axes())
        QVERIFY(axis->labelsBrush().color().lightness() > 128);

    Theme::apply(Theme::Light);
    QVERIFY(!Theme::isDark());
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() >= 128);
    Theme::applyToCharts(&page);
    QVERIFY(chart->titleBrush().color().lightness() < 128);

    Theme::apply(Theme::System);
    QCOMPARE(Theme::isDark(), systemDark);
    QCOMPARE(Theme::fromString(QStringLiteral("dark")), Theme::Dark);
    QCOMPARE(Theme::toString(Theme::Light), QStringLiteral("light"));
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"
