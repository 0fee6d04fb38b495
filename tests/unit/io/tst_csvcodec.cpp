// The built-in CSV layout: encoder output, round trips, header subsets, grouping and limits.
#include "ChunkedFeed.h"
#include "CollectingHandler.h"
#include "TestPaths.h"
#include "io/CsvDecoder.h"
#include "io/CsvEncoder.h"

#include <QTest>

using namespace op;

namespace {

constexpr TimestampMs kNow = 1780272000000; // 2026-06-01T00:00:00Z

ValidationRules rules()
{
    ValidationRules r;
    r.nowMs = kNow;
    return r;
}

std::string encode(const std::vector<OrderEvent> &events)
{
    CsvEncoder encoder;
    return optest::encodeAll(encoder, events);
}

// chunk 0: all at once; otherwise pieces of that many bytes.
optest::CollectingHandler decode(std::string_view csv, const CsvMapping &mapping = CsvMapping::builtin(),
                                 std::size_t chunk = 0, CsvDecoder *out = nullptr)
{
    optest::CollectingHandler handler;
    CsvDecoder local(mapping, rules());
    CsvDecoder &decoder = out != nullptr ? *out : local;
    decoder.begin("test.csv", handler);
    optest::feedInChunks(decoder, csv, chunk);
    decoder.finish();
    return handler;
}

OrderEvent fullOrder()
{
    OrderEvent e;
    e.type = EventType::Order;
    e.orderId = "O-0000001";
    e.eventTime = 1772336096789; // 2026-03-01T12:34:56.789+09:00
    e.customerId = "C-00042";
    e.merchantId = "R-0007";
    e.merchantName = "교촌치킨 강남점";
    e.category = "chicken";
    e.region = "강남구";
    e.items = {{"허니콤보", 1, 23000}, {"콜라 1.25L", 2, 2500}, {"Pickled radish, \"extra\"", 3, 0}};
    e.amount = 31000;
    e.deliveryFee = 3000;
    e.distanceKm = 2.4;
    e.promisedMin = 40;
    e.deliveryMin = 37.5;
    e.status = OrderStatus::Delivered;
    e.rating = 4.5;
    e.ip = "203.0.113.7";
    e.payment = "card";
    return e;
}

std::vector<OrderEvent> handMadeEvents()
{
    std::vector<OrderEvent> events;
    events.push_back(fullOrder());

    OrderEvent one; // one item, awkward text and doubles
    one.orderId = "O-0000002";
    one.eventTime = 1772336100000;
    one.customerId = "C-1, \"the\" customer";
    one.merchantId = "R-0008";
    one.merchantName = "Line\nbreak\r\nand\rCR";
    one.region = "마포구";
    one.items = {{"떡볶이", 1, 14000}};
    one.amount = 14000;
    one.distanceKm = 0.1;
    one.promisedMin = 1e-7;
    one.deliveryMin = 123456.789012345;
    one.rating = 0;
    one.status = OrderStatus::PickedUp;
    one.payment = "kakaopay";
    events.push_back(one);

    OrderEvent none; // no items, most optionals absent
    none.orderId = "O-0000003";
    none.eventTime = 1772336200001;
    none.customerId = "C-7";
    none.amount = 0;
    events.push_back(none);

    OrderEvent placed; // lifecycle events carry only what changed
    placed.type = EventType::Placed;
    placed.orderId = "O-0000004";
    placed.eventTime = 1772336300000;
    placed.customerId = "C-8";
    placed.merchantId = "R-0001";
    placed.amount = 9000;
    placed.items = {{"김밥", 3, 3000}};
    events.push_back(placed);

    OrderEvent delivered;
    delivered.type = EventType::Delivered;
    delivered.orderId = "O-0000004";
    delivered.eventTime = 1772338100000;
    delivered.status = OrderStatus::Delivered;
    delivered.deliveryMin = 30;
    events.push_back(delivered);

    OrderEvent rated;
    rated.type = EventType::Rated;
    rated.orderId = "O-0000004";
    rated.eventTime = 1772341700000;
    rated.rating = 3.5;
    events.push_back(rated);

    OrderEvent cancelled;
    cancelled.type = EventType::Cancelled;
    cancelled.orderId = "O-0000005";
    cancelled.eventTime = 1772341800000;
    cancelled.status = OrderStatus::Cancelled;
    events.push_back(cancelled);

    OrderEvent big = fullOrder(); // three items, a 64-bit amount, a time far from the epoch
    big.orderId = "O-0000006";
    big.eventTime = 946684800000; // 2000-01-01T00:00:00Z
    big.amount = 9000000000000;
    big.items = {{"A", 1, 1}, {"B", 1000000, 9000000}, {"C", 2, 7}};
    events.push_back(big);
    return events;
}

} // namespace

class TestCsvCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encoderWritesTheBuiltinLayout()
    {
        OrderEvent e = fullOrder();
        e.items.resize(2);
        OrderEvent bare;
        bare.type = EventType::Cancelled;
        bare.orderId = "O-9";
        bare.eventTime = 1772336096000;
        const std::string csv = encode({e, bare});
        const std::string expected =
            "type,order_id,order_time,customer_id,restaurant_id,restaurant_name,category,region,item_name,"
            "quantity,price,"
            "order_amount,delivery_fee,distance_km,promised_min,delivery_time,status,rating,ip,payment\n"
            "order,O-0000001,2026-03-01T12:34:56.789+09:00,C-00042,R-0007,교촌치킨 "
            "강남점,chicken,강남구,허니콤보,1,23000,"
            "31000,3000,2.4,40,37.5,delivered,4.5,203.0.113.7,card\n"
            "order,O-0000001,2026-03-01T12:34:56.789+09:00,C-00042,R-0007,교촌치킨 "
            "강남점,chicken,강남구,콜라 1.25L,2,2500,"
            "31000,3000,2.4,40,37.5,delivered,4.5,203.0.113.7,card\n"
            "cancelled,O-9,2026-03-01T12:34:56.000+09:00,,,,,,,,,,,,,,,,,\n";
        QCOMPARE(csv, expected);
    }

    void encoderQuotesOnlyWhatNeedsIt()
    {
        OrderEvent e;
        e.orderId = "O-1";
        e.eventTime = 1772336096000;
        e.customerId = "a,b";
        e.merchantName = "say \"hi\"";
        e.region = "two\nlines";
        e.category = " spaced ";
        const std::string csv = encode({e});
        QVERIFY(csv.find(",\"a,b\",,\"say \"\"hi\"\"\", spaced ,\"two\nlines\",,,,") != std::string::npos);
    }

    void builtinRoundTripKeepsEveryField()
    {
        const std::vector<OrderEvent> events = handMadeEvents();
        const std::string csv = encode(events);
        for (const std::size_t chunk : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(4096)}) {
            const auto h = decode(csv, CsvMapping::builtin(), chunk);
            for (const auto &q : h.quarantine)
                qWarning("quarantine line %lld: %s", static_cast<long long>(q.line), q.reason.c_str());
            QCOMPARE(h.quarantine.size(), std::size_t(0));
            QCOMPARE(h.events.size(), events.size());
            for (std::size_t i = 0; i < events.size(); ++i)
                QVERIFY2(h.events[i] == events[i], events[i].orderId.c_str());
        }
        // And again: decoding what was decoded and encoded gives the same bytes.
        QCOMPARE(encode(decode(csv).events), csv);
    }

    void lifecycleEventsOfOneOrderStaySeparate()
    {
        const auto h = decode(encode(handMadeEvents()));
        QCOMPARE(h.events[3].type, EventType::Placed);
        QCOMPARE(h.events[4].type, EventType::Delivered);
        QCOMPARE(h.events[5].type, EventType::Rated);
        QCOMPARE(h.events[4].orderId, h.events[3].orderId);
    }

    void decoderPositionsAndCounters()
    {
        std::string csv = encode(handMadeEvents());
        CsvDecoder decoder(CsvMapping::builtin(), rules());
        const auto h = decode(csv, CsvMapping::builtin(), 0, &decoder);
        QCOMPARE(decoder.accepted(), std::int64_t(8));
        QCOMPARE(decoder.quarantined(), std::int64_t(0));
        const std::size_t second = csv.find("\norder,O-0000001", csv.find("\norder,O-0000001") + 1) + 1;
        const std::size_t amount = csv.find(",31000,", second) + 1;
        csv.replace(amount, 5, "31OOO");
        // Order cells come from an order's first row, so the second row's amount is not read.
        const auto bad = decode(csv, CsvMapping::builtin(), 3);
        QCOMPARE(bad.events.size(), std::size_t(8));
        QCOMPARE(bad.quarantine.size(), std::size_t(0));
        QCOMPARE(bad.events[0].amount, std::optional<Money>(31000));
        csv.replace(amount, 5, "31000");
        // A bad item cell in the second row rejects the whole three-row order.
        const std::size_t qty = csv.find(",2,2500,", second) + 1;
        csv.replace(qty, 1, "x");
        const auto badItem = decode(csv, CsvMapping::builtin(), 3);
        QCOMPARE(badItem.events.size(), std::size_t(7));
        QCOMPARE(badItem.quarantine.size(), std::size_t(1));
        const QuarantineRecord &q = badItem.quarantine[0];
        QCOMPARE(
            q.reason,
            std::string(
                "order 'O-0000001' (3 rows) rejected: line 3: column 'quantity': 'x' is not a whole number"));
        QCOMPARE(q.line, std::int64_t(2));
        QCOMPARE(q.offset, std::int64_t(csv.find('\n') + 1));
        QCOMPARE(q.source, std::string("test.csv"));
        QVERIFY(q.raw.find("허니콤보") != std::string::npos);
        QVERIFY(q.raw.find("Pickled radish") != std::string::npos);
    }

    void subsetHeaderOfTheSeedOrdersTable()
    {
        // The seed's orders table: order_id, customer_id, restaurant_id, order_amount, order_time.
        const std::string csv = optest::readFile(optest::dataPath(QStringLiteral("csv/seed001_orders.csv")));
        QVERIFY(!csv.empty());
        const auto h = decode(csv);
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(h.quarantine[0].reason, std::string("column 'order_amount': '1만원' is not a number"));
        QCOMPARE(h.quarantine[0].line, std::int64_t(5));
        QCOMPARE(h.events.size(), std::size_t(4));
        const OrderEvent &e = h.events[0];
        QCOMPARE(e.type, EventType::Order);
        QCOMPARE(e.orderId, std::string("ORD-1001"));
        QCOMPARE(e.customerId, std::string("CUST-042"));
        QCOMPARE(e.merchantId, std::string("REST-007"));
        QCOMPARE(e.amount, std::optional<Money>(25000));
        QCOMPARE(e.eventTime, TimestampMs(1772336096000)); // zone-less: Asia/Seoul
        QVERIFY(e.items.empty());
        QVERIFY(!e.deliveryFee && !e.status && !e.rating && e.merchantName.empty());
        QCOMPARE(h.events[1].eventTime, TimestampMs(1772336096000 + 60000)); // explicit Z
        QCOMPARE(h.events[3].amount, std::optional<Money>(18500));           // "18500.00" in won
    }

    void reorderedHeaderWithItemsSumsTheAmount()
    {
        const std::string csv = "price,item_name,order_time,quantity,customer_id,order_id\n"
                                "18000,후라이드,2026-03-01T12:00:00+09:00,1,C-1,O-1\n"
                                "2000,콜라,2026-03-01T12:00:00+09:00,2,C-1,O-1\n"
                                "9000,김밥,2026-03-01T12:05:00+09:00,1,C-2,O-2\n";
        const auto h = decode(csv);
        QCOMPARE(h.quarantine.size(), std::size_t(0));
        QCOMPARE(h.events.size(), std::size_t(2));
        QCOMPARE(h.events[0].items.size(), std::size_t(2));
        QCOMPARE(h.events[0].amount, std::optional<Money>(22000));
        QCOMPARE(h.events[1].amount, std::optional<Money>(9000));
        QCOMPARE(h.events[0].items[1], (OrderItem{"콜라", 2, 2000}));
    }

    void headerErrorsAreReportedOnce()
    {
        CsvDecoder decoder(CsvMapping::builtin(), rules());
        const auto h = decode("customer_id,amount\r\nC-1,100\r\nC-2,200\r\nC-3,300\r\n",
                              CsvMapping::builtin(), 0, &decoder);
        QCOMPARE(h.events.size(), std::size_t(0));
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(
            h.quarantine[0].reason,
            std::string(
                "CSV header has no order_id column and no order_time column (columns: customer_id, amount); "
                "the rows of this file are not read"));
        QCOMPARE(h.quarantine[0].line, std::int64_t(1));
        QCOMPARE(h.quarantine[0].raw, std::string("customer_id,amount"));
        QCOMPARE(decoder.quarantined(), std::int64_t(1));
        QCOMPARE(decoder.ignoredRows(), std::int64_t(3));

        const auto noTime = decode("order_id,customer_id\nO-1,C-1\n");
        QCOMPARE(noTime.quarantine.size(), std::size_t(1));
        QCOMPARE(noTime.quarantine[0].reason,
                 std::string("CSV header has no order_time column (columns: order_id, customer_id); the rows "
                             "of this file are not read"));
        const auto noQty = decode("order_id,order_time,item_name,price\nO-1,2026-03-01T12:00:00Z,A,1\n");
        QCOMPARE(noQty.quarantine[0].reason, std::string("CSV header has no quantity column (item_name needs "
                                                         "it) (columns: order_id, order_time, item_name, "
                                                         "price); the rows of this file are not read"));
        const auto badHeader = decode("order_id,\"order_time\nO-1,2026\n");
        QCOMPARE(badHeader.quarantine[0].reason,
                 std::string("CSV header: unterminated quoted field; the rows of this file are not read"));
        QVERIFY(decode("").quarantine.empty());
        QVERIFY(decode("\xEF\xBB\xBF\r\n").quarantine.empty());
    }

    void headerNamesAreTrimmedAndExtraColumnsIgnored()
    {
        const auto h = decode(
            " order_id ,order_time,customer_id,order_amount,memo\nO-1,2026-03-01T12:00:00Z,C-1,1000,hello\n");
        QCOMPARE(h.quarantine.size(), std::size_t(0));
        QCOMPARE(h.events.size(), std::size_t(1));
        QCOMPARE(h.events[0].amount, std::optional<Money>(1000));
    }

    void tooLongRowsAndOrders()
    {
        const std::string head = "order_id,order_time,customer_id,order_amount,item_name,quantity,price\n";
        const std::string longName(ValidationRules::kMaxRecordBytes, 'n');
        std::string csv = head + "O-1,2026-03-01T12:00:00Z,C-1,1000,A,1,1000\n";
        csv += "O-2,2026-03-01T12:00:00Z,C-1,1000," + longName + ",1,1000\n";
        csv += "O-3,2026-03-01T12:00:00Z,C-1,1000,A,1,1000\n";
        const auto h = decode(csv, CsvMapping::builtin(), 65536);
        QCOMPARE(h.events.size(), std::size_t(2));
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(h.quarantine[0].reason),
                 QString::fromStdString(tooLongReason(ValidationRules::kMaxRecordBytes + 41)));
        QCOMPARE(h.quarantine[0].line, std::int64_t(3));
        QCOMPARE(h.quarantine[0].raw.size(), QuarantineRecord::kMaxRawBytes);

        // 25,000 rows of 51 bytes for one order: more than 1 MiB in all.
        std::string many = head;
        for (int i = 0; i < 25000; ++i)
            many += "O-9,2026-03-01T12:00:00Z,C-1,,item " + std::to_string(i % 10) + ",1,100000000000\n";
        many += "O-10,2026-03-01T12:00:00Z,C-1,5,A,1,5\n";
        const auto big = decode(many, CsvMapping::builtin(), 100000);
        QCOMPARE(big.events.size(), std::size_t(1));
        QCOMPARE(big.quarantine.size(), std::size_t(1));
        QVERIFY2(big.quarantine[0].reason.starts_with("order 'O-9' (25000 rows) rejected: record too long ("),
                 big.quarantine[0].reason.c_str());
        QVERIFY(big.quarantine[0].raw.size() <= QuarantineRecord::kMaxRawBytes);
    }

    void amountOverflowIsReported()
    {
        const auto h = decode("order_id,order_time,customer_id,item_name,quantity,price\n"
                              "O-1,2026-03-01T12:00:00Z,C-1,A,2147483647,9223372036854775807\n");
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(h.quarantine[0].reason, std::string("amount (sum of qty x unit_price) is out of range"));
    }

    void itemCellsMustBeComplete()
    {
        const auto h = decode("order_id,order_time,customer_id,order_amount,item_name,quantity,price\n"
                              "O-1,2026-03-01T12:00:00Z,C-1,100,A,,100\n"
                              "O-2,2026-03-01T12:00:00Z,C-1,100,B,1,\n"
                              "O-3,2026-03-01T12:00:00Z,C-1,100,,,\n");
        QCOMPARE(h.quarantine.size(), std::size_t(2));
        QCOMPARE(h.quarantine[0].reason, std::string("column 'quantity': empty for item 'A'"));
        QCOMPARE(h.quarantine[1].reason, std::string("column 'price': empty for item 'B'"));
        QCOMPARE(h.events.size(), std::size_t(1));
        QVERIFY(h.events[0].items.empty());
    }

    void severalErrorsInOneRowAreListed()
    {
        const auto h = decode("order_id,order_time,customer_id,order_amount,rating,status\n"
                              "O-1,yesterday,C-1,ten,five,lost\n");
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(h.quarantine[0].reason, std::string("column 'order_time': 'yesterday' is not a valid time; "
                                                     "column 'order_amount': 'ten' is not a number; "
                                                     "column 'status': 'lost' is not an order status; "
                                                     "column 'rating': 'five' is not a number"));
    }

    void customProfileWithConstantsAndSemicolons()
    {
        const auto mapping = CsvMapping::fromJson(R"({
            "delimiter": ";",
            "fields": {"order_id": "Nr", "event_time": {"column": "Zeit", "format": "dd.MM.yyyy HH:mm:ss", "time_zone": "Europe/Berlin"},
                       "customer_id": "Kunde", "amount": {"column": "Betrag", "scale": 100},
                       "merchant_id": {"value": "shop-de"}, "status": {"value": "delivered"}, "rating": "Note"},
            "skip": [{"column": "Nr", "equals": "SUMME"}]})");
        QVERIFY2(mapping.has_value(), mapping ? "" : mapping.error().c_str());
        CsvDecoder decoder(*mapping, rules());
        const auto h = decode("Nr;Zeit;Kunde;Betrag;Note\n"
                              "1;01.03.2026 12:00:00;K1;\"12,50\";4\n"
                              "2;01.03.2026 12:00:00;K2;12.50;\n"
                              "3;01.03.2026 12:00:00;K2;7;4.5\n"
                              "SUMME;;;19.50;\n",
                              *mapping, 0, &decoder);
        QCOMPARE(decoder.skipped(), std::int64_t(1));
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(h.quarantine[0].reason, std::string("column 'Betrag': '12,50' is not a number"));
        QCOMPARE(h.events.size(), std::size_t(2));
        const OrderEvent &e = h.events[0];
        QCOMPARE(e.orderId, std::string("2"));
        QCOMPARE(e.amount, std::optional<Money>(1250));
        QCOMPARE(e.merchantId, std::string("shop-de"));
        QCOMPARE(e.status, std::optional(OrderStatus::Delivered));
        QCOMPARE(e.eventTime, TimestampMs(1772362800000)); // 11:00Z (CET)
        QVERIFY(!e.rating);
        // Without items, rows are never grouped, even with the same order_id.
        QCOMPARE(h.events[1].orderId, std::string("3"));
        QCOMPARE(h.events[1].rating, std::optional<double>(4.5));
        // A custom profile's columns are required.
        const auto missing = decode("Nr;Zeit;Kunde\n1;01.03.2026 12:00:00;K1\n", *mapping);
        QCOMPARE(missing.quarantine.size(), std::size_t(1));
        QCOMPARE(missing.quarantine[0].reason,
                 std::string("CSV header has no Betrag column (for amount) and no Note column (for rating) "
                             "(columns: Nr, Zeit, Kunde); "
                             "the rows of this file are not read"));
    }

    void decoderIsReusable()
    {
        CsvDecoder decoder(CsvMapping::builtin(), rules());
        const std::string csv = encode(handMadeEvents());
        optest::CollectingHandler first;
        decoder.begin("a", first);
        decoder.feed(csv.substr(0, csv.size() / 2));
        optest::CollectingHandler second; // begin() again drops the half-read input
        decoder.begin("b", second);
        decoder.feed(csv);
        decoder.finish();
        QCOMPARE(second.events.size(), std::size_t(8));
        QCOMPARE(decoder.accepted(), std::int64_t(8));
    }
};

QTEST_GUILESS_MAIN(TestCsvCodec)
#include "tst_csvcodec.moc"
