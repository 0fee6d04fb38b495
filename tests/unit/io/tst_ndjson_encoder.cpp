#include "NdjsonTestEvents.h"
#include "io/JsonWriter.h"
#include "io/NdjsonEncoder.h"

#include <QTest>
#include <limits>
#include <numeric>

using namespace op;
using namespace ndjsontest;
using namespace std::string_literals;

// moc misreads digit separators and raw string literals: none in this file.
class TestNdjsonEncoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encoderWritesTheDesignExample()
    {
        QCOMPARE(
            qs(encodeLine(fullEvent())),
            qs("{\"type\":\"order\",\"order_id\":\"O-0000001\",\"event_time\":\"2026-03-01T12:34:56.789+09:"
               "00\","
               "\"customer_id\":\"C-00042\",\"merchant_id\":\"R-0007\",\"merchant_name\":\"Kyochon Gangnam\","
               "\"category\":\"chicken\",\"region\":\"Gangnam-gu\",\"items\":[{\"name\":\"Fried "
               "chicken\",\"qty\":1,"
               "\"unit_price\":18000}],\"amount\":21000,\"delivery_fee\":3000,\"distance_km\":2.4,"
               "\"promised_min\":40,\"delivery_min\":37.5,\"status\":\"delivered\",\"rating\":4.5,"
               "\"ip\":\"203.0.113.7\",\"payment\":\"card\"}"));
    }

    void encoderOmitsAbsentFields()
    {
        OrderEvent e;
        e.type = EventType::Cancelled;
        e.orderId = "O-1";
        e.eventTime = kT0;
        e.distanceKm = std::numeric_limits<double>::quiet_NaN(); // JSON cannot hold it
        QCOMPARE(qs(encodeLine(e)), qs("{\"type\":\"cancelled\",\"order_id\":\"O-1\",\"event_time\":\"2026-"
                                       "03-01T12:34:56.789+09:00\"}"));
    }

    void encoderEscapesStrings()
    {
        OrderEvent e = minimalEvent("a\"b\\c/d");
        e.merchantName = "\n\r\t\b\f\x01\x1f\x7f\0end"s;
        e.region = "강남 🍗";
        e.payment = "bad\xff\xc0 utf8";
        const std::string line = encodeLine(e);
        QVERIFY2(line.find("\"order_id\":\"a\\\"b\\\\c/d\"") != std::string::npos, line.c_str());
        QVERIFY2(line.find("\"merchant_name\":\"\\n\\r\\t\\b\\f\\u0001\\u001f\x7f\\u0000end\"") !=
                     std::string::npos,
                 line.c_str());
        QVERIFY(line.find("\"region\":\"강남 🍗\"") != std::string::npos);
        QVERIFY(line.find("\"payment\":\"bad\xEF\xBF\xBD\xEF\xBF\xBD utf8\"") != std::string::npos);
    }

    void encoderFormatsTimesAndNumbers()
    {
        QCOMPARE(
            qs(encodeLine(minimalEvent("x"), 0)).contains("\"event_time\":\"2026-03-01T03:34:56.789+00:00\""),
            true);
        QCOMPARE(
            qs(encodeLine(minimalEvent("x"), -(5 * 60 + 30))).contains("\"2026-02-28T22:04:56.789-05:30\""),
            true);
        QVERIFY(qs(encodeLine(minimalEvent("x", 0))).contains("\"1970-01-01T09:00:00.000+09:00\""));
        QVERIFY(qs(encodeLine(minimalEvent("x", -9000000000000000)))
                    .contains("\"event_time\":-9000000000000000,"));
        std::string s;
        for (double d : {40.0, 0.1, 0.30000000000000004, 1e-7, 1e21, -0.5}) {
            JsonWriter::appendDouble(s, d);
            s += ' ';
        }
        QCOMPARE(qs(s), QStringLiteral("40 0.1 0.30000000000000004 1e-07 1e+21 -0.5 "));
    }

    void jsonWriterPlacesCommas()
    {
        std::string s;
        JsonWriter w(s);
        w.beginObject();
        w.key("a");
        w.beginArray();
        w.integer(1);
        w.beginObject();
        w.endObject();
        w.null();
        w.endArray();
        w.key("b");
        w.boolean(true);
        w.endObject();
        QCOMPARE(qs(s), QStringLiteral("{\"a\":[1,{},null],\"b\":true}"));
    }

    void writesOneRecordPerLineInBatches()
    {
        std::vector<std::string> chunks;
        NdjsonEncoder encoder;
        encoder.begin([&chunks](std::string_view bytes) { chunks.emplace_back(bytes); });
        std::string expected;
        for (int i = 0; i < 1000; ++i) {
            const OrderEvent e = fullEvent();
            encoder.write(e);
            expected += encodeLine(e) + "\n";
        }
        QVERIFY(chunks.size() < 10); // batched, not one call per record
        encoder.finish();
        QVERIFY(chunks.size() > 1); // but flushed along the way, not held whole
        std::string all;
        for (const std::string &c : chunks) {
            QVERIFY(c.empty() || c.back() == '\n'); // chunks end on record boundaries
            all += c;
        }
        QCOMPARE(qs(all), qs(expected));
        encoder.finish(); // a second finish writes nothing more
        QCOMPARE(std::accumulate(chunks.begin(), chunks.end(), std::size_t(0),
                                 [](std::size_t n, const std::string &c) { return n + c.size(); }),
                 expected.size());
    }
};

QTEST_GUILESS_MAIN(TestNdjsonEncoder)
#include "tst_ndjson_encoder.moc"
