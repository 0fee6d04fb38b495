// The languages: both translations are compiled in and load, a known string differs between
// them, the window switches language at run time (pages rebuilt, state kept), numbers follow the
// language, and the .ts files have no unfinished or empty entries.
#include "MainWindow.h"
#include "TestPaths.h"
#include "common/AlertLedger.h"
#include "common/Format.h"
#include "common/Language.h"
#include "pages/OverviewPage.h"
#include "widgets/KpiTile.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace opui;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { Language::apply(QStringLiteral("en")); }
    void bothLanguagesLoad();
    void unknownLanguageIsRefused();
    void numbersFollowTheLanguage();
    void windowSwitchesAtRunTime();
    void tsFilesAreComplete_data();
    void tsFilesAreComplete();
};

void TestTranslations::bothLanguagesLoad()
{
    QVERIFY(Language::apply(QStringLiteral("en")));
    QCOMPARE(Language::current(), QStringLiteral("en"));
    const QString en = QCoreApplication::translate("opui::OverviewPage", "Overview");
    const QString enAlerts = QCoreApplication::translate("opui::FraudPage", "Fraud & Alerts");
    QVERIFY(Language::apply(QStringLiteral("ko")));
    QCOMPARE(Language::current(), QStringLiteral("ko"));
    QCOMPARE(QCoreApplication::translate("opui::OverviewPage", "Overview"), QStringLiteral("개요"));
    QCOMPARE(QCoreApplication::translate("opui::FraudPage", "Fraud & Alerts"),
             QStringLiteral("이상 거래 알림"));
    QCOMPARE(QCoreApplication::translate("Segment", "Champions"), QStringLiteral("최우수 고객"));
    QCOMPARE(en, QStringLiteral("Overview"));
    QCOMPARE(enAlerts, QStringLiteral("Fraud & Alerts"));
    // Numerus forms: one Korean form, two English ones.
    QCOMPARE(QCoreApplication::translate("opui::MainWindow", "%n unacknowledged alert(s)", nullptr, 3),
             QStringLiteral("미확인 알림 3건"));
    QVERIFY(Language::apply(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("opui::MainWindow", "%n unacknowledged alert(s)", nullptr, 1),
             QStringLiteral("1 unacknowledged alert"));
    QCOMPARE(QCoreApplication::translate("opui::MainWindow", "%n unacknowledged alert(s)", nullptr, 3),
             QStringLiteral("3 unacknowledged alerts"));
}

void TestTranslations::unknownLanguageIsRefused()
{
    QVERIFY(Language::apply(QStringLiteral("ko")));
    QVERIFY(!Language::apply(QStringLiteral("fr")));
    QCOMPARE(Language::current(), QStringLiteral("ko")); // unchanged
}

void TestTranslations::numbersFollowTheLanguage()
{
    QVERIFY(Language::apply(QStringLiteral("ko")));
    QCOMPARE(Format::money(1234000), QStringLiteral("₩1,234,000"));
    QCOMPARE(Format::percent(0.1234), QStringLiteral("12.3%"));
    QCOMPARE(Format::minutes(31.25), QStringLiteral("31.3분"));
    QCOMPARE(Format::locale().language(), QLocale::Korean);
    QCOMPARE(Format::compactMoney(1500000), QStringLiteral("₩150만"));
    QCOMPARE(Format::compactMoney(20000000), QStringLiteral("₩2천만"));
    QCOMPARE(Format::compactMoney(250000000), QStringLiteral("₩2.5억"));
    QVERIFY(Language::apply(QStringLiteral("en")));
    QCOMPARE(Format::percent(0.1234), QStringLiteral("12.3 %"));
    QCOMPARE(Format::minutes(31.25), QStringLiteral("31.3 min"));
    QCOMPARE(Format::locale().language(), QLocale::English);
}

void TestTranslations::windowSwitchesAtRunTime()
{
    QVERIFY(Language::apply(QStringLiteral("en")));
    MainWindow window;
    window.show();
    auto snapshot = std::make_shared<op::Snapshot>();
    snapshot->sequence = 1;
    snapshot->totals.orders = 8000;
    op::Alert alert;
    alert.entity = "O-1";
    alert.value = 1500000;
    snapshot->recentAlerts.push_back(alert);
    window.applySnapshot(snapshot);
    window.showPage(MainWindow::Customers);
    QCOMPARE(window.navText(MainWindow::Overview), QStringLiteral("Overview"));
    QCOMPARE(window.navText(MainWindow::Fraud), QStringLiteral("Fraud & Alerts  (1)"));
    QCOMPARE(window.windowTitle(), QStringLiteral("OrderPulse"));

    QVERIFY(Language::apply(QStringLiteral("ko")));
    QTRY_COMPARE(window.navText(MainWindow::Overview), QStringLiteral("개요"));
    // The rebuilt window keeps the page, the snapshot and the alert state.
    QCOMPARE(window.currentPage(), int(MainWindow::Customers));
    QCOMPARE(window.navText(MainWindow::Fraud), QStringLiteral("이상 거래 알림  (1)"));
    window.showPage(MainWindow::Overview);
    auto *overview = static_cast<OverviewPage *>(window.page(MainWindow::Overview));
    QCOMPARE(overview->ordersTile()->value(), QStringLiteral("8,000"));

    window.alerts()->acknowledgeAll();
    QVERIFY(Language::apply(QStringLiteral("en")));
    QTRY_COMPARE(window.navText(MainWindow::Overview), QStringLiteral("Overview"));
    QCOMPARE(window.navText(MainWindow::Fraud), QStringLiteral("Fraud & Alerts"));
}

void TestTranslations::tsFilesAreComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << optest::sourcePath(QStringLiteral("translations/orderpulse_en.ts"))
                        << QStringLiteral("en");
    QTest::newRow("ko") << optest::sourcePath(QStringLiteral("translations/orderpulse_ko.ts"))
                        << QStringLiteral("ko");
}

void TestTranslations::tsFilesAreComplete()
{
    QFETCH(QString, file);
    QFETCH(QString, language);
    QFile f(file);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(file));
    QXmlStreamReader xml(&f);
    int messages = 0;
    int hangul = 0;
    QStringList problems;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("TS")) {
            QCOMPARE(xml.attributes().value(QLatin1String("language")).toString(), language);
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            if (!type.isEmpty())
                problems << QStringLiteral("%1 (%2)").arg(source, type);
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (text.trimmed().isEmpty())
                problems << QStringLiteral("%1 (empty)").arg(source);
            // Placeholders must survive translation.
            for (int n = 1; n <= 9; ++n) {
                const QString marker = QStringLiteral("%%1").arg(n);
                if (source.contains(marker) != text.contains(marker))
                    problems << QStringLiteral("%1 (placeholder %2)").arg(source, marker);
            }
            if (text.contains(QRegularExpression(QStringLiteral("[\\x{AC00}-\\x{D7A3}]"))))
                ++hangul;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
    QVERIFY(messages > 150);
    if (language == QLatin1String("ko"))
        QVERIFY(hangul > messages / 2); // really Korean, not copied English
    else
        QCOMPARE(hangul, 0);
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
