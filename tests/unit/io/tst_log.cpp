#include "ChunkedFeed.h"
#include "CollectingHandler.h"
#include "CompareDecoded.h"
#include "SampleEvents.h"
#include "TestPaths.h"
#include "io/LogDecoder.h"
#include "io/LogEncoder.h"

#include <QTest>
#include <algorithm>

using namespace op;

namespace {

using optest::compareResults;
using optest::fullOrder;
using optest::kSeoulNoon;
using Result = optest::DecodeResult;
constexpr TimestampMs kNow = optest::kTestNow;

ValidationRules testRules(TimestampMs now = kNow)
{
    return optest::rulesAt(now);
}

Result decode(std::string_view bytes, std::size_t chunk = 0, const LogTimeZone &zone = {},
              const ValidationRules &rules = testRules())
{
    optest::CollectingHandler handler;
    LogDecoder decoder(zone);
    decoder.setRules(rules);
    decoder.begin("test.log", handler);
    optest::feedInChunks(decoder, bytes, chunk);
    decoder.finish();
    Result result = optest::takeResult(handler, decoder);
    result.skipped = decoder.skipped();
    return result;
}

std::string encode(const std::vector<OrderEvent> &events, const LogTimeZone &zone = {})
{
    LogEncoder encoder(zone);
    return optest::encodeAll(encoder, events);
}

std::vector<OrderEvent> handMadeEvents()
{
    std::vector<OrderEvent> events{fullOrder()};

    OrderEvent korean = fullOrder();
    korean.orderId = "주문-2";
    korean.merchantName = "교촌치킨 강남점";
    korean.category = "치킨";
    korean.region = "강남구";
    korean.items = {{"후라이드 치킨", 1, 18000}};
    korean.payment = "카카오페이";
    events.push_back(korean);

    OrderEvent odd = fullOrder();
    odd.orderId = "O-3";
    odd.eventTime = kSeoulNoon - 789;
    odd.merchantName = " say \"hi\" a=b back\\slash\ttab\nnewline\r\x01 ";
    odd.region = "=";
    odd.category = "\"";
    odd.customerId = "C 1";
    odd.distanceKm = 0.1 + 0.2;
    odd.promisedMin = 1.0 / 3.0;
    odd.deliveryMin = 1e300;
    odd.rating = 0.0;
    odd.amount = -0; // zero is a valid amount
    odd.items = {{"a b", 3, 0}, {"item.2.name=x", 1, 1}, {"", 0, 0}};
    events.push_back(odd);

    OrderEvent placed;
    placed.type = EventType::Placed;
    placed.orderId = "O-4";
    placed.eventTime = kSeoulNoon + 1;
    placed.customerId = "C-1";
    placed.amount = 9900;
    events.push_back(placed);

    OrderEvent delivered;
    delivered.type = EventType::Delivered;
    delivered.orderId = "O-4";
    delivered.eventTime = kSeoulNoon + 40 * kMsPerMinute;
    delivered.deliveryMin = 31.25;
    delivered.status = OrderStatus::Delivered;
    events.push_back(delivered);

    OrderEvent cancelled;
    cancelled.type = EventType::Cancelled;
    cancelled.orderId = "O-5";
    cancelled.eventTime = -1;
    cancelled.status = OrderStatus::Cancelled;
    events.push_back(cancelled);

    OrderEvent rated;
    rated.type = EventType::Rated;
    rated.orderId = "O-6";
    rated.eventTime = kSeoulNoon;
    rated.rating = 5;
    events.push_back(rated);
    return events;
}

void checkRoundTrip(const std::vector<OrderEvent> &events, const LogTimeZone &zone,
                    const ValidationRules &rules = testRules())
{
    const std::string log = encode(events, zone);
    const Result r = decode(log, 0, zone, rules);
    QVERIFY2(r.quarantine.empty(), r.quarantine.empty() ? "" : r.quarantine.front().reason.c_str());
    QCOMPARE(r.skipped, std::int64_t(0));
    QCOMPARE(r.events.size(), events.size());
    for (std::size_t i = 0; i < events.size(); ++i)
        QVERIFY2(r.events[i] == events[i],
                 qPrintable(QString::number(i) + ": " + QString::fromStdString(log)));
}

} // namespace

class TestLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryField_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("+09:00") << 9 * 60;
        QTest::newRow("UTC") << 0;
        QTest::newRow("-03:30") << -(3 * 60 + 30);
    }
    void roundTripsEveryField()
    {
        QFETCH(int, offset);
        // Item names may be empty here: the item with no name would be quarantined by the
        // rules, so that event is checked without them.
        std::vector<OrderEvent> events = handMadeEvents();
        events[2].items.pop_back();
        checkRoundTrip(events, LogTimeZone::fixedOffset(offset));
    }

    void roundTripsAcrossDaylightSaving()
    {
        const QTimeZone newYork("America/New_York");
        QVERIFY(newYork.isValid());
        const LogTimeZone zone(newYork);
        QVERIFY(!zone.isFixed());
        // 2026-11-01 01:30 happens twice in New York (EDT, then EST): 05:30Z and 06:30Z.
        std::vector<OrderEvent> events;
        for (const TimestampMs t :
             {TimestampMs(1793511000000), TimestampMs(1793514600000), TimestampMs(1772336096789),
              TimestampMs(1773558000000) /* 2026-03-15 EDT */}) {
            OrderEvent e;
            e.type = EventType::Rated;
            e.orderId = "O-" + std::to_string(t);
            e.eventTime = t;
            e.rating = 3;
            events.push_back(e);
        }
        const std::string log = encode(events, zone);
        QVERIFY2(log.starts_with("2026-11-01 01:30:00 INFO"), log.c_str());
        QVERIFY2(log.find("2026-11-01 01:30:00-05:00 INFO") != std::string::npos, log.c_str());
        const ValidationRules rules = testRules(1800000000000); // 2027
        checkRoundTrip(events, zone, rules);
        if (QTest::currentTestFailed())
            return;
        checkRoundTrip(events, LogTimeZone(QTimeZone("Asia/Seoul")), rules);
    }

    void writesTheDocumentedLine()
    {
        const std::string log = encode({fullOrder()});
        QCOMPARE(log, std::string(
                          "2026-03-01 12:34:56.789 INFO order_created order_id=O-0000001 customer_id=C-00042 "
                          "merchant_id=R-0007 merchant_name=\"Kyochon Gangnam\" category=chicken "
                          "region=Gangnam-gu amount=21000 delivery_fee=3000 distance_km=2.4 promised_min=40 "
                          "delivery_min=37.5 status=delivered rating=4.5 ip=203.0.113.7 payment=card "
                          "item.1.name=\"Fried chicken\" item.1.qty=1 item.1.unit_price=18000 "
                          "item.2.name=Cola item.2.qty=2 item.2.unit_price=1500\n"));
        OrderEvent placed;
        placed.type = EventType::Placed;
        placed.orderId = "O-1";
        placed.eventTime = 1772336096000;
        placed.customerId = "C-1";
        placed.amount = 100;
        std::string line;
        LogEncoder::appendLine(line, placed, LogTimeZone::fixedOffset(0));
        QCOMPARE(line, std::string(
                           "2026-03-01 03:34:56 INFO order_placed order_id=O-1 customer_id=C-1 amount=100"));

        std::string value;
        LogEncoder::appendValue(value, "a\"b\\c\nd\x01\x7F"
                                       "e=f");
        QCOMPARE(value, std::string("\"a\\\"b\\\\c\\nd\\x01\\x7fe=f\""));
    }

    void farTimesUseTheEventTimeKey()
    {
        OrderEvent e = fullOrder();
        e.eventTime = 300'000'000'000'000;
        const std::string log = encode({e});
        QVERIFY2(log.starts_with("9999-12-31 23:59:59.999Z INFO order_created event_time=300000000000000 "),
                 log.c_str());
        const Result r = decode(log, 0, {}, testRules(400'000'000'000'000));
        QCOMPARE(r.events.size(), std::size_t(1));
        QVERIFY(r.events[0] == e);
    }

    void readsOtherLogStyles()
    {
        const std::string log =
            "\xEF\xBB\xBF"
            "2026-03-01 12:34:56,789 WARN order_placed order_id=O-1 customer_id=C-1 amount=+2.1e4 note=\"a "
            "b\"\r\n"
            "2026-03-01T03:34:56.789Z INFO order_canceled order_id=O-2 retried by scheduler status=CANCELED\n"
            "2026-03-01 03:34:56.789+00:00\tINFO\torder_rated\torder_id=O-3  rating=4 rating=5 amount=\n"
            "2026-03-01 12:00:00 INFO order_delivered order_id=O-4 event_time=2026-03-01T11:59:00 "
            "delivery_min=12\n";
        const Result r = decode(log);
        QVERIFY2(r.quarantine.empty(), r.quarantine.empty() ? "" : r.quarantine.front().reason.c_str());
        QCOMPARE(r.events.size(), std::size_t(4));
        QCOMPARE(r.events[0].type, EventType::Placed);
        QCOMPARE(r.events[0].eventTime, kSeoulNoon);
        QCOMPARE(r.events[0].amount, std::optional<Money>(21000));
        QCOMPARE(r.events[1].type, EventType::Cancelled);
        QCOMPARE(r.events[1].eventTime, kSeoulNoon);
        QCOMPARE(r.events[1].status, std::optional<OrderStatus>(OrderStatus::Cancelled));
        QCOMPARE(r.events[2].eventTime, kSeoulNoon);
        QCOMPARE(r.events[2].rating, std::optional<double>(5));
        QVERIFY(!r.events[2].amount);
        // event_time= overrides the time the line was logged; without an offset it is in the zone.
        QCOMPARE(r.events[3].eventTime, TimestampMs(1772333940000));
    }

    void skipsOtherLines()
    {
        const std::string log =
            "2026-03-01 12:34:55 INFO payment_gateway latency_ms=120\n"
            "\n"
            "   \n"
            "2026-03-01 12:34:55 DEBUG cache hit ratio=0.97\n"
            "Exception in thread \"main\" java.lang.RuntimeException: order_placed failed\n"
            "\tat com.example.Orders.place(Orders.java:12)\n"
            "Caused by: order_placed handler\n"
            "*** order_created ***\n"
            "2026-03-01 12:34:56 INFO order_placed order_id=O-1 customer_id=C-1 amount=5\n"
            "2026-03-01 12:34:57 INFO server started";
        const Result r = decode(log);
        QCOMPARE(r.events.size(), std::size_t(1));
        QVERIFY(r.quarantine.empty());
        QCOMPARE(r.skipped, std::int64_t(7));
    }

    void malformedCorpus()
    {
        const QString dir = optest::dataPath("malformed/log/");
        const std::string manifest = optest::readFile(dir + "manifest.tsv");
        QVERIFY(!manifest.empty());
        int files = 0;
        for (const QString &row : QString::fromStdString(manifest).split('\n', Qt::SkipEmptyParts)) {
            if (row.startsWith('#'))
                continue;
            const QStringList cols = row.split('\t');
            QCOMPARE(cols.size(), 5);
            const std::string bytes = optest::readFile(dir + cols[0]);
            QVERIFY2(!bytes.empty(), qPrintable(cols[0]));
            const Result r = decode(bytes);
            const QString what = cols[0] + ": " +
                                 (r.quarantine.empty() ? QString("no record")
                                                       : QString::fromStdString(r.quarantine[0].reason));
            QVERIFY2(r.quarantine.size() == 1, qPrintable(what));
            QCOMPARE(QString::fromStdString(r.quarantine[0].reason), cols[4]);
            QVERIFY2(r.quarantine[0].line == cols[3].toLongLong(), qPrintable(what));
            QVERIFY2(r.accepted == cols[1].toLongLong(), qPrintable(what));
            QVERIFY2(r.skipped == cols[2].toLongLong(), qPrintable(what));
            // The offset is the first byte of the bad line.
            const auto offset = static_cast<std::size_t>(r.quarantine[0].offset);
            QVERIFY(offset == 0 || bytes[offset - 1] == '\n');
            QCOMPARE(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n') + 1,
                     std::ptrdiff_t(r.quarantine[0].line));
            compareResults(decode(bytes, 1), r);
            compareResults(decode(bytes, 5), r);
            ++files;
        }
        QVERIFY(files >= 15);
    }

    void chunkingDoesNotMatter()
    {
        std::string log = encode(handMadeEvents());
        log += "2026-03-01 12:00:00 DEBUG noise\r\n2026-03-01 12:00:00 INFO order_placed order_id=B "
               "amount=x\r\n";
        log += "2026-03-01 12:00:00 INFO order_rated order_id=B2 rating=4"; // no final newline
        const Result whole = decode(log);
        // All but the event with a nameless item, plus order B2; that event and order B are quarantined.
        QCOMPARE(whole.events.size(), handMadeEvents().size() - 1 + 1);
        QCOMPARE(whole.quarantine.size(), std::size_t(2));
        QCOMPARE(whole.quarantine[0].reason, std::string("missing item name"));
        QCOMPARE(whole.skipped, std::int64_t(1));
        for (const std::size_t chunk :
             {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(17), std::size_t(4096)})
            compareResults(decode(log, chunk), whole);
    }

    void hugeLinesAreRefusedWithoutBufferingThem()
    {
        const std::string big =
            "2026-03-01 12:34:56 INFO order_created order_id=O-BIG customer_id=C-1 amount=1 "
            "merchant_name=" +
            std::string(3 * 1024 * 1024, 'x');
        const std::string noise =
            "2026-03-01 12:34:56 INFO heap_dump data=" + std::string(3 * 1024 * 1024, 'y');
        const std::string good =
            "2026-03-01 12:34:56 INFO order_placed order_id=O-1 customer_id=C-1 amount=1";
        const std::string log = good + "\n" + big + "\r\n" + noise + "\n" + good + "\n" + big;
        for (const std::size_t chunk : {std::size_t(0), std::size_t(1), std::size_t(65536)}) {
            const Result r = decode(log, chunk);
            QCOMPARE(r.events.size(), std::size_t(2));
            QCOMPARE(r.skipped, std::int64_t(1));
            QCOMPARE(r.quarantine.size(), std::size_t(2));
            QCOMPARE(r.quarantine[0].reason, tooLongReason(big.size()));
            QCOMPARE(r.quarantine[0].line, std::int64_t(2));
            QCOMPARE(r.quarantine[0].offset, std::int64_t(good.size() + 1));
            QCOMPARE(r.quarantine[1].reason, tooLongReason(big.size()));
            QCOMPARE(r.quarantine[1].line, std::int64_t(5));
            QVERIFY(r.quarantine[0].raw.size() <= QuarantineRecord::kMaxRawBytes);
        }
    }

    void emptyInputIsNoOrders()
    {
        for (const char *text : {"", "\n", "\r\n\r\n", " \t "}) {
            const Result r = decode(text);
            QVERIFY(r.events.empty() && r.quarantine.empty() && r.skipped == 0);
        }
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
