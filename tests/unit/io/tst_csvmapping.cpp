// Column-mapping profiles (JSON), cell conversions and event_time formats and zones.
#include "TestPaths.h"
#include "io/CsvMapping.h"
#include "io/CsvNumbers.h"

#include <QTest>
#include <random>

using namespace op;

class TestCsvMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void scaledDecimalIsExact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("scale");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("pence") << "2.55" << qint64(100) << qint64(255);
        QTest::newRow("half up") << "0.125" << qint64(100) << qint64(13);
        QTest::newRow("half away from zero") << "-0.125" << qint64(100) << qint64(-13);
        QTest::newRow("below half") << "0.124999" << qint64(100) << qint64(12);
        QTest::newRow("float trap 1.005") << "1.005" << qint64(100) << qint64(101);
        QTest::newRow("float trap 2.675") << "2.675" << qint64(100) << qint64(268);
        QTest::newRow("integer") << "18000" << qint64(1) << qint64(18000);
        QTest::newRow("1.5") << "1.5" << qint64(1) << qint64(2);
        QTest::newRow("-1.5") << "-1.5" << qint64(1) << qint64(-2);
        QTest::newRow("-1.4") << "-1.4" << qint64(1) << qint64(-1);
        QTest::newRow("spaces") << " 3.10 " << qint64(100) << qint64(310);
        QTest::newRow("leading dot") << ".5" << qint64(1) << qint64(1);
        QTest::newRow("trailing dot") << "5." << qint64(1) << qint64(5);
        QTest::newRow("plus") << "+7" << qint64(1) << qint64(7);
        QTest::newRow("minus zero") << "-0.00" << qint64(100) << qint64(0);
        QTest::newRow("odd scale") << "0.1" << qint64(3) << qint64(0);
        QTest::newRow("int64 max") << "9223372036854775807" << qint64(1) << qint64(9223372036854775807LL);
        QTest::newRow("int64 max scaled")
            << "92233720368547758.07" << qint64(100) << qint64(9223372036854775807LL);
        QTest::newRow("trailing zeros beyond 18") << "1.000000000000000000000" << qint64(1) << qint64(1);
        QTest::newRow("18 decimals") << "0.000000000000000005" << qint64(100000000000000000LL) << qint64(1);
        QTest::newRow("leading zeros") << "000000000000000000000042" << qint64(1) << qint64(42);
    }
    void scaledDecimalIsExact()
    {
        QFETCH(QString, text);
        QFETCH(qint64, scale);
        QFETCH(qint64, expected);
        const ScaledDecimal d = parseScaledDecimal(text.toStdString(), scale);
        QVERIFY2(!d.error, qPrintable(text));
        QCOMPARE(d.value, expected);
    }

    void scaledDecimalErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("error");
        for (const char *s :
             {"abc", "", " ", "1e3", "1,5", "--1", "+-1", "1.2.3", ".", "-", "1 000", "0x10", "₩100"})
            QTest::newRow(s) << QString::fromUtf8(s) << int(DecimalError::NotANumber);
        QTest::newRow("too big") << "9223372036854775808" << int(DecimalError::OutOfRange);
        QTest::newRow("20 digits") << "12345678901234567890" << int(DecimalError::OutOfRange);
        QTest::newRow("19 decimals") << "1.0000000000000000001" << int(DecimalError::TooManyDecimals);
    }
    void scaledDecimalErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, error);
        const ScaledDecimal d = parseScaledDecimal(text.toStdString(), 1);
        QVERIFY2(d.error.has_value(), qPrintable(text));
        QCOMPARE(int(*d.error), error);
        QCOMPARE(parseScaledDecimal("92233720368547758.08", 100).error,
                 std::optional(DecimalError::OutOfRange));
    }

    void integersAndDoubles()
    {
        QCOMPARE(parseCsvInt32("3"), std::optional<std::int32_t>(3));
        QCOMPARE(parseCsvInt32(" -2 "), std::optional<std::int32_t>(-2));
        QCOMPARE(parseCsvInt32("+7"), std::optional<std::int32_t>(7));
        for (const char *bad : {"3.0", "2147483648", "", "+-1", "1e2", "x"})
            QVERIFY2(!parseCsvInt32(bad), bad);
        QCOMPARE(parseCsvDouble("2.4"), std::optional<double>(2.4));
        QCOMPARE(parseCsvDouble("1e3"), std::optional<double>(1000.0));
        QCOMPARE(parseCsvDouble("+0.5"), std::optional<double>(0.5));
        for (const char *bad : {"inf", "nan", "-inf", "abc", "", "1e999", "2,4"})
            QVERIFY2(!parseCsvDouble(bad), bad);
    }

    void isoTimesUseTheZoneOnlyWithoutAnOffset()
    {
        CsvTimeParser seoul; // built-in: ISO, Asia/Seoul
        QCOMPARE(*seoul.parse("2026-03-01T12:34:56.789+09:00"), qint64(1772336096789));
        QCOMPARE(*seoul.parse("2026-03-01T03:34:56.789Z"), qint64(1772336096789));
        QCOMPARE(*seoul.parse("2026-03-01 12:34:56.789"), qint64(1772336096789));
        QCOMPARE(*seoul.parse("1772336096789"), qint64(1772336096789));
        CsvTimeParser london(CsvTimeParser::Format::Iso, {}, QTimeZone("Europe/London"));
        QCOMPARE(*london.parse("2026-07-01T10:00:00"), *london.parse("2026-07-01T09:00:00Z"));
        QCOMPARE(*london.parse("2026-01-01T10:00:00"), *london.parse("2026-01-01T10:00:00Z"));
        QVERIFY(!seoul.parse("31/31/2026"));
        QVERIFY(!seoul.parse(""));
    }

    void epochAndPatternFormats()
    {
        CsvTimeParser epoch(CsvTimeParser::Format::EpochMs, {}, QTimeZone("Asia/Seoul"));
        QCOMPARE(*epoch.parse("1772336096789"), qint64(1772336096789));
        QVERIFY(!epoch.parse("2026-03-01T12:34:56Z"));
        QVERIFY(!epoch.parse("-9999999999999999")); // before year 0000
        CsvTimeParser pattern(CsvTimeParser::Format::Pattern, QStringLiteral("M/d/yyyy H:mm"),
                              QTimeZone("Europe/London"));
        QCOMPARE(*pattern.parse("12/1/2010 8:26"), qint64(1291191960000));  // 2010-12-01T08:26Z (GMT)
        QCOMPARE(*pattern.parse("5/22/2011 10:15"), qint64(1306055700000)); // 09:15Z (BST)
        // 01:30 on 2011-03-27 never happened in London: read with the offset before the gap.
        QCOMPARE(*pattern.parse("3/27/2011 1:30"), qint64(1301189400000)); // 01:30Z
        QVERIFY(!pattern.parse("31/31/2026 8:00"));
        QVERIFY(!pattern.parse("12/1/2010"));
        CsvTimeParser withZone(CsvTimeParser::Format::Pattern, QStringLiteral("yyyy-MM-dd HH:mm t"),
                               QTimeZone("Asia/Seoul"));
        QCOMPARE(*withZone.parse("2026-03-01 03:34 UTC"), qint64(1772336040000));
    }

    void formatIsoReadsBackTheSameInstant()
    {
        CsvTimeParser seoul;
        QCOMPARE(seoul.formatIso(1772336096789), std::string("2026-03-01T12:34:56.789+09:00"));
        // Seoul's local mean time before 1908 was +08:27:52: not whole minutes, so written in UTC.
        const TimestampMs y1900 = -2208988800000;
        QCOMPARE(seoul.formatIso(y1900), std::string("1900-01-01T00:00:00.000+00:00"));
        QCOMPARE(seoul.formatIso(CsvTimeParser::kMaxTime), std::string("9999-12-31T23:59:59.999+00:00"));
        std::mt19937_64 rng(7);
        for (const char *zone :
             {"Asia/Seoul", "Europe/London", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"}) {
            CsvTimeParser p(CsvTimeParser::Format::Iso, {}, QTimeZone(zone));
            for (int i = 0; i < 2000; ++i) {
                const auto span =
                    static_cast<std::uint64_t>(CsvTimeParser::kMaxTime - CsvTimeParser::kMinTime);
                const TimestampMs t = CsvTimeParser::kMinTime + static_cast<TimestampMs>(rng() % span);
                const std::string text = p.formatIso(t);
                const auto back = p.parse(text);
                QVERIFY2(back && *back == t, (std::string(zone) + " " + text).c_str());
            }
        }
    }

    void builtinProfile()
    {
        const CsvMapping m = CsvMapping::builtin();
        QCOMPARE(m.source(CsvField::EventTime).column, std::string("order_time"));
        QCOMPARE(m.source(CsvField::MerchantId).column, std::string("restaurant_id"));
        QCOMPARE(m.source(CsvField::DeliveryMin).column, std::string("delivery_time"));
        QVERIFY(m.itemsPerRow());
        QVERIFY(m.missingColumnsAreAbsent());
        QCOMPARE(m.delimiter(), ',');
        QCOMPARE(m.time().zone().id(), QByteArray("Asia/Seoul"));
        std::string header;
        for (const std::string_view c : CsvMapping::builtinColumns())
            header += (header.empty() ? "" : ",") + std::string(c);
        QCOMPARE(
            header,
            std::string("type,order_id,order_time,customer_id,restaurant_id,restaurant_name,category,region,"
                        "item_name,quantity,price,order_amount,delivery_fee,distance_km,promised_min,"
                        "delivery_time,status,rating,ip,payment"));
    }

    void retailProfileLoads()
    {
        const auto m = CsvMapping::fromFile(optest::dataPath(QStringLiteral("mappings/online_retail.json")));
        QVERIFY2(m.has_value(), m ? "" : m.error().c_str());
        QCOMPARE(m->source(CsvField::OrderId).column, std::string("InvoiceNo"));
        QCOMPARE(m->source(CsvField::ItemUnitPrice).scale, std::int64_t(100));
        QCOMPARE(m->source(CsvField::CustomerId).stripSuffix, std::string(".0"));
        QCOMPARE(*m->source(CsvField::MerchantId).value, std::string("online-retail"));
        QCOMPARE(m->time().format(), CsvTimeParser::Format::Pattern);
        QCOMPARE(m->time().zone().id(), QByteArray("Europe/London"));
        QVERIFY(m->itemsPerRow());
        QVERIFY(!m->missingColumnsAreAbsent());
        QCOMPARE(m->skipRules().size(), std::size_t(1));
        QCOMPARE(m->skipRules()[0].reason, std::string("cancelled invoice"));
        QVERIFY(m->skipRules()[0].matches("C536379"));
        QVERIFY(!m->skipRules()[0].matches("536379"));
    }

    void smallProfileDefaults()
    {
        const auto m = CsvMapping::fromJson(
            R"({"delimiter":";","fields":{"order_id":"id","event_time":{"column":"ts","format":"epoch_ms"},
            "amount":{"column":"total","scale":1},"delivery_fee":{"value":3000}},"skip":[{"column":"id","equals":"TOTAL"}]})");
        QVERIFY2(m.has_value(), m ? "" : m.error().c_str());
        QCOMPARE(m->delimiter(), ';');
        QVERIFY(!m->itemsPerRow());
        QCOMPARE(m->time().format(), CsvTimeParser::Format::EpochMs);
        QCOMPARE(m->time().zone().id(), QByteArray("Asia/Seoul"));
        QCOMPARE(*m->source(CsvField::DeliveryFee).value, std::string("3000"));
        QCOMPARE(m->skipRules()[0].reason, std::string("column 'id' is 'TOTAL'"));
        const auto tab =
            CsvMapping::fromJson(R"({"delimiter":"tab","fields":{"order_id":"a","event_time":"b"}})");
        QCOMPARE(tab->delimiter(), '\t');
    }

    void profileErrorsSayWhatIsWrong_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        const QString ok = QStringLiteral(R"("order_id":"id","event_time":"t")");
        QTest::newRow("bad json") << R"({"fields": {"order_id": "id",}})"
                                  << "mapping is not valid JSON: object is missing after a comma at byte 30";
        QTest::newRow("not an object") << "[1,2]"
                                       << "mapping must be a JSON object";
        QTest::newRow("no fields") << "{}"
                                   << "mapping has no \"fields\" object (field name -> column)";
        QTest::newRow("unknown key")
            << R"({"feilds":{}})"
            << "unknown key 'feilds' in the mapping (known: name, description, delimiter, items, "
               "missing_columns, fields, skip)";
        QTest::newRow("unknown field")
            << R"({"fields":{"order_id":"id","event_time":"t","amout":"x"}})"
            << "unknown field 'amout' in \"fields\" (known: type, order_id, event_time, customer_id, "
               "merchant_id, merchant_name, category, region, item_name, qty, unit_price, amount, "
               "delivery_fee, distance_km, promised_min, delivery_min, status, rating, ip, payment)";
        QTest::newRow("missing order_id")
            << R"({"fields":{"event_time":"t"}})"
            << "mapping has no order_id column: add \"order_id\": \"<column name>\" to \"fields\"";
        QTest::newRow("constant order_id")
            << R"({"fields":{"order_id":{"value":"x"},"event_time":"t"}})"
            << "mapping has no order_id column: add \"order_id\": \"<column name>\" to \"fields\"";
        QTest::newRow("missing event_time")
            << R"({"fields":{"order_id":"id"}})"
            << "mapping has no event_time: add \"event_time\": \"<column name>\" to \"fields\"";
        QTest::newRow("unknown zone")
            << R"({"fields":{"order_id":"id","event_time":{"column":"t","time_zone":"Mars/Olympus"}}})"
            << "unknown time zone 'Mars/Olympus' (use an IANA name such as \"Europe/London\")";
        QTest::newRow("bad scale") << "{\"fields\":{" + ok + R"(,"amount":{"column":"a","scale":0.5}}})"
                                   << "field 'amount': \"scale\" must be a whole number from 1 to 1000000000";
        QTest::newRow("scale on text") << "{\"fields\":{" + ok + R"(,"region":{"column":"r","scale":100}}})"
                                       << "field 'region': option 'scale' is not allowed here";
        QTest::newRow("column and value")
            << "{\"fields\":{" + ok + R"(,"region":{"column":"r","value":"x"}}})"
            << "field 'region' needs either \"column\" or \"value\"";
        QTest::newRow("empty column") << "{\"fields\":{" + ok + R"(,"region":""}})"
                                      << "field 'region': the column name is empty";
        QTest::newRow("array field")
            << "{\"fields\":{" + ok + R"(,"region":["a"]}})"
            << "field 'region' must be a column name or an object such as {\"column\": \"...\"}";
        QTest::newRow("items without qty")
            << "{\"items\":\"per_row\",\"fields\":{" + ok + R"(,"item_name":"n"}})"
            << "\"items\": \"per_row\" needs item_name, qty and unit_price in \"fields\"";
        QTest::newRow("items none with items")
            << "{\"items\":\"none\",\"fields\":{" + ok + R"(,"item_name":"n"}})"
            << "\"items\" is \"none\" but item fields are mapped";
        QTest::newRow("items bad") << "{\"items\":\"nested\",\"fields\":{" + ok + "}}"
                                   << "\"items\" must be \"per_row\" or \"none\"";
        QTest::newRow("delimiter")
            << "{\"delimiter\":\";;\",\"fields\":{" + ok + "}}"
            << "\"delimiter\" must be one ASCII character such as \",\", \";\" or \"tab\"";
        QTest::newRow("quote delimiter")
            << "{\"delimiter\":\"\\\"\",\"fields\":{" + ok + "}}"
            << "\"delimiter\" must be one ASCII character such as \",\", \";\" or \"tab\"";
        QTest::newRow("missing_columns") << "{\"missing_columns\":\"ignore\",\"fields\":{" + ok + "}}"
                                         << "\"missing_columns\" must be \"error\" or \"absent\"";
        QTest::newRow("bad constant") << "{\"fields\":{" + ok + R"(,"amount":{"value":"12 won"}}})"
                                      << "constant for 'amount': '12 won' is not a number";
        QTest::newRow("bad status constant") << "{\"fields\":{" + ok + R"(,"status":{"value":"lost"}}})"
                                             << "constant for 'status': 'lost' is not an order status";
        QTest::newRow("bad time constant") << R"({"fields":{"order_id":"id","event_time":{"value":"soon"}}})"
                                           << "constant for 'event_time': 'soon' is not a valid time";
        QTest::newRow("skip not a list")
            << "{\"skip\":{},\"fields\":{" + ok + "}}"
            << "\"skip\" must be a list of rules such as {\"column\": \"InvoiceNo\", \"prefix\": \"C\"}";
        QTest::newRow("skip rule")
            << "{\"skip\":[{\"column\":\"id\"}],\"fields\":{" + ok + "}}"
            << "each \"skip\" rule needs \"column\" and one of \"prefix\" or \"equals\"";
        QTest::newRow("skip key")
            << "{\"skip\":[{\"column\":\"id\",\"prefix\":\"C\",\"why\":1}],\"fields\":{" + ok + "}}"
            << "\"skip\" rule: unknown key 'why'";
    }
    void profileErrorsSayWhatIsWrong()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        const auto m = CsvMapping::fromJson(json.toStdString());
        QVERIFY(!m.has_value());
        QCOMPARE(QString::fromStdString(m.error()), message);
    }

    void fileErrorsNameTheFile()
    {
        const QString missing = optest::dataPath(QStringLiteral("mappings/does_not_exist.json"));
        const auto m = CsvMapping::fromFile(missing);
        QVERIFY(!m.has_value());
        QVERIFY2(QString::fromStdString(m.error()).startsWith(QStringLiteral("cannot read mapping '") +
                                                              missing + "': "),
                 m.error().c_str());
        const auto csv =
            CsvMapping::fromFile(optest::dataPath(QStringLiteral("csv/online_retail_sample.csv")));
        QVERIFY(!csv.has_value());
        QVERIFY2(QString::fromStdString(csv.error())
                     .contains(QStringLiteral("online_retail_sample.csv': mapping is not valid JSON")),
                 csv.error().c_str());
    }
};

QTEST_GUILESS_MAIN(TestCsvMapping)
#include "tst_csvmapping.moc"
