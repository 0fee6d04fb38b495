// The report JSON: exact bytes, round trip, errors.
#include "RandomOrders.h"
#include "ReportDiff.h"
#include "TestPaths.h"

#include "analytics/Engine.h"
#include "analytics/ReportJson.h"

#include <QFile>
#include <QTest>

using namespace op;
using optest::at;

namespace {

Report handMade()
{
    Report r;
    r.events = {3, 1, 1, 0};
    r.totals = {2, 1500001, 750001, 2, 1};
    r.realtimeStats.push_back({at("2026-03-01T00:00:00Z"), at("2026-03-01T00:00:30Z"), 2, 1500001, 750001, 1});
    r.popularItems.push_back({at("2026-03-01T00:00:00Z"), 1, "김밥 \"special\"", 3, 2, 9000});
    r.popularItems.push_back({at("2026-03-01T00:00:00Z"), 2, "Tab\there\\\x01", 1, 1, 1});
    r.trends.hourly.push_back({at("2026-03-01T00:00:00Z"), 2, 1500001});
    r.trends.daily.push_back({"2026-03-01", 2, 1500001});
    r.trends.hourOfWeek[6][9] = 2;
    r.customers.push_back({"C-1", at("2026-03-01T00:00:01.5Z"), 2, 1500001, 1, 1, 1, "Hibernating", "SILVER", 18000012});
    for (const char *name : kSegmentNames)
        r.segments.emplace_back(name, std::string(name) == "Hibernating" ? 1 : 0);
    for (const char *name : kGradeNames)
        r.grades.emplace_back(name, std::string(name) == "SILVER" ? 1 : 0);
    r.merchants.push_back({"R-1", "Store", 2, 1500001, 750001, 4.25, 31.5, 0.5, 0.0});
    r.merchants.push_back({"R-2", "", 1, 7, 7, std::nullopt, std::nullopt, 0.30000000000000004, 1.0});
    r.delivery.count = 2;
    r.delivery.mean = 5.125;
    r.delivery.p50 = 3.25;
    r.delivery.p90 = 7;
    r.delivery.p99 = 7;
    r.delivery.histogram = {{0, 5, 1}, {5, 10, 1}};
    r.delivery.byDistance = {{0, 1.0, 0, std::nullopt}, {1, 2.0, 2, 5.125}, {2, 3.0, 0, std::nullopt},
                             {3, 5.0, 0, std::nullopt}, {5, std::nullopt, 0, std::nullopt}};
    Alert ip;
    ip.rule = AlertRule::IpVelocity;
    ip.entity = "203.0.113.7";
    ip.value = 12;
    ip.windowStart = at("2026-03-01T00:00:00Z");
    ip.eventTime = at("2026-03-01T00:00:01.5Z");
    ip.severity = AlertSeverity::Warning;
    ip.orderId = "O-9";
    Alert high;
    high.rule = AlertRule::HighValue;
    high.entity = "O-2";
    high.value = 1000000;
    high.eventTime = at("2026-03-01T00:00:02Z");
    high.severity = AlertSeverity::Critical;
    high.orderId = "O-2";
    r.alerts = {ip, high};
    return r;
}



// The expected texts live in tests/data/analytics (moc cannot parse them as raw literals).
std::string dataFile(const char *name)
{
    QFile file(optest::dataPath(QStringLiteral("analytics/") + QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll().toStdString();
}

// What survives the JSON: orderId of ip_velocity alerts and lateRateByHour are not in it.
Report jsonVisible(Report r)
{
    for (Alert &a : r.alerts)
        if (a.rule == AlertRule::IpVelocity)
            a.orderId.clear();
    r.delivery.lateRateByHour = {};
    return r;
}

} // namespace

class TestReportJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesExactBytes()
    {
        const std::string handMadeJson = dataFile("report_handmade.json");
        const std::string emptyJson = dataFile("report_empty.json");
        const QString diff = optest::firstDifference(reportToJson(handMade()), handMadeJson);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        const QString emptyDiff = optest::firstDifference(reportToJson(Report{}), emptyJson);
        QVERIFY2(emptyDiff.isEmpty(), qPrintable(emptyDiff));
    }

    void roundTrips()
    {
        const std::string emptyJson = dataFile("report_empty.json");
        const Report original = handMade();
        const auto parsed = reportFromJson(reportToJson(original));
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QVERIFY(*parsed == jsonVisible(original));
        QCOMPARE(parsed->merchants[1].lateRate, 0.30000000000000004); // shortest form, exact
        QCOMPARE(parsed->alerts[1].orderId, std::string("O-2"));

        const auto empty = reportFromJson(emptyJson);
        QVERIFY(empty.has_value());
        QVERIFY(*empty == Report{});
    }

    void anEngineReportRoundTripsToTheSameBytes()
    {
        optest::RandomOrdersOptions o;
        o.orders = 1500;
        o.ipBursts = 6;
        o.lifecycle = true;
        Engine engine;
        for (OrderEvent e : optest::makeRandomOrders(o))
            engine.process(e);
        engine.finish();
        const std::string json = reportToJson(engine.report());
        const auto parsed = reportFromJson(json);
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().c_str());
        QVERIFY(*parsed == jsonVisible(engine.report()));
        const QString diff = optest::firstDifference(reportToJson(*parsed), json);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void timesKeepMillisecondsOnlyWhenThereAreAny()
    {
        Report r;
        r.realtimeStats.push_back({-1, 29999, 1, 1, 1, 0});
        const std::string json = reportToJson(r);
        QVERIFY(json.find(R"("window_start":"1969-12-31T23:59:59.999Z","window_end":"1970-01-01T00:00:29.999Z")")
                != std::string::npos);
        const auto parsed = reportFromJson(json);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->realtimeStats[0].windowStart, -1);
    }

    void rejectsWhatItDidNotWrite_data()
    {
        const std::string handMadeJson = dataFile("report_handmade.json");
        const std::string emptyJson = dataFile("report_empty.json");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("not json") << "{\"events\": " << "invalid JSON";
        QTest::newRow("not an object") << "[1, 2]" << "not a JSON object";
        QTest::newRow("missing section") << "{}" << "missing \"events\"";
        std::string noTotals = emptyJson;
        noTotals.replace(noTotals.find("\"totals\""), 8, "\"totalz\"");
        QTest::newRow("missing totals") << QString::fromStdString(noTotals) << "missing \"totals\"";
        std::string badTime = handMadeJson;
        badTime.replace(badTime.find("2026-03-01T00:00:30Z"), 20, "yesterday at noon   ");
        QTest::newRow("bad time") << QString::fromStdString(badTime) << "not an ISO-8601 time";
        std::string badRule = handMadeJson;
        badRule.replace(badRule.find("ip_velocity"), 11, "ip_velocitx");
        QTest::newRow("bad rule") << QString::fromStdString(badRule) << "unknown rule";
        std::string badNumber = handMadeJson;
        badNumber.replace(badNumber.find("\"accepted\":3"), 12, "\"accepted\":\"3\"");
        QTest::newRow("string for a number") << QString::fromStdString(badNumber) << "is not a number";
    }
    void rejectsWhatItDidNotWrite()
    {
        QFETCH(QString, json);
        QFETCH(QString, error);
        const auto parsed = reportFromJson(json.toStdString());
        QVERIFY(!parsed.has_value());
        QVERIFY2(QString::fromStdString(parsed.error()).contains(error), parsed.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestReportJson)
#include "tst_report_json.moc"
