#include "ChunkedFeed.h"
#include "CollectingHandler.h"
#include "CompareDecoded.h"
#include "SampleEvents.h"
#include "TestPaths.h"
#include "io/XmlDecoder.h"
#include "io/XmlEncoder.h"

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

// chunk 0: the whole input in one feed().
Result decode(std::string_view bytes, std::size_t chunk = 0, const ValidationRules &rules = testRules())
{
    optest::CollectingHandler handler;
    XmlDecoder decoder;
    decoder.setRules(rules);
    decoder.begin("test.xml", handler);
    optest::feedInChunks(decoder, bytes, chunk);
    decoder.finish();
    return optest::takeResult(handler, decoder);
}

std::string encode(const std::vector<OrderEvent> &events, int offsetMinutes = 9 * 60)
{
    XmlEncoder encoder(offsetMinutes);
    return optest::encodeAll(encoder, events);
}

std::vector<OrderEvent> handMadeEvents()
{
    std::vector<OrderEvent> events{fullOrder()};

    OrderEvent korean = fullOrder();
    korean.orderId = "O-0000002";
    korean.merchantName = "교촌치킨 강남점";
    korean.category = "치킨";
    korean.region = "강남구";
    korean.items = {{"후라이드 치킨", 1, 18000}, {"콜라 1.25L", 1, 3000}};
    korean.payment = "카카오페이";
    events.push_back(korean);

    OrderEvent odd = fullOrder();
    odd.orderId = "O-0000003";
    odd.eventTime = kSeoulNoon - 789; // whole second
    odd.merchantName = " A&B <Grill> \"quoted\" 'single' ]]> end\ttab\nnewline\r\ncrlf ";
    odd.distanceKm = 0.1 + 0.2; // 0.30000000000000004: only the shortest exact text reads back
    odd.promisedMin = 1.0 / 3.0;
    odd.deliveryMin = 1.7976931348623157e308;
    odd.rating = 0.0;
    odd.amount = 0;
    odd.deliveryFee = 9'000'000'000'000'000'000;
    odd.items = {{"x", 2'147'483'647, 0}};
    events.push_back(odd);

    OrderEvent placed;
    placed.type = EventType::Placed;
    placed.orderId = "O-0000004";
    placed.eventTime = kSeoulNoon + 1;
    placed.customerId = "C-1";
    placed.amount = 9900;
    events.push_back(placed);

    OrderEvent delivered;
    delivered.type = EventType::Delivered;
    delivered.orderId = "O-0000004";
    delivered.eventTime = kSeoulNoon + 40 * kMsPerMinute;
    delivered.deliveryMin = 31.25;
    delivered.status = OrderStatus::Delivered;
    events.push_back(delivered);

    OrderEvent cancelled;
    cancelled.type = EventType::Cancelled;
    cancelled.orderId = "O-0000005";
    cancelled.eventTime = -1; // 1969-12-31T23:59:59.999Z
    cancelled.status = OrderStatus::Cancelled;
    events.push_back(cancelled);

    OrderEvent rated;
    rated.type = EventType::Rated;
    rated.orderId = "O-0000006";
    rated.eventTime = kSeoulNoon;
    rated.rating = 5;
    rated.status = OrderStatus::PickedUp;
    events.push_back(rated);
    return events;
}

std::string orderXml(std::string_view id, std::string_view extra = {})
{
    std::string s = "<order><order_id>";
    s += id;
    s += "</order_id><event_time>2026-03-01T12:34:56Z</event_time><customer_id>C-1</customer_id>"
         "<amount>100</amount>";
    s += extra;
    s += "</order>";
    return s;
}

} // namespace

class TestXml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTripsEveryField_data()
    {
        QTest::addColumn<int>("offset");
        QTest::newRow("+09:00") << 9 * 60;
        QTest::newRow("UTC") << 0;
        QTest::newRow("-05:30") << -(5 * 60 + 30);
    }
    void roundTripsEveryField()
    {
        QFETCH(int, offset);
        const std::vector<OrderEvent> events = handMadeEvents();
        const std::string xml = encode(events, offset);
        const Result r = decode(xml);
        QVERIFY2(r.quarantine.empty(), r.quarantine.empty() ? "" : r.quarantine.front().reason.c_str());
        QCOMPARE(r.events.size(), events.size());
        for (std::size_t i = 0; i < events.size(); ++i)
            QVERIFY2(r.events[i] == events[i], qPrintable(QString::number(i)));
    }

    void writesTheDocumentedShape()
    {
        const std::string xml = encode({fullOrder()});
        const std::string expected =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<orders>\n  <order><type>order</type>"
            "<order_id>O-0000001</order_id><event_time>2026-03-01T12:34:56.789+09:00</event_time>"
            "<customer_id>C-00042</customer_id><merchant_id>R-0007</merchant_id>"
            "<merchant_name>Kyochon "
            "Gangnam</merchant_name><category>chicken</category><region>Gangnam-gu</region>"
            "<items><item><name>Fried chicken</name><qty>1</qty><unit_price>18000</unit_price></item>"
            "<item><name>Cola</name><qty>2</qty><unit_price>1500</unit_price></item></items>"
            "<amount>21000</amount><delivery_fee>3000</delivery_fee><distance_km>2.4</distance_km>"
            "<promised_min>40</promised_min><delivery_min>37.5</delivery_min><status>delivered</status>"
            "<rating>4.5</rating><ip>203.0.113.7</ip><payment>card</payment></order>\n</orders>\n";
        QCOMPARE(xml, expected);

        OrderEvent sparse;
        sparse.type = EventType::Delivered;
        sparse.orderId = "O-1";
        sparse.eventTime = kSeoulNoon;
        std::string one;
        XmlEncoder::appendOrder(one, sparse, 0);
        QCOMPARE(one, std::string("<order><type>delivered</type><order_id>O-1</order_id>"
                                  "<event_time>2026-03-01T03:34:56.789+00:00</event_time></order>"));
    }

    void escapesWhatXmlCannotCarry()
    {
        OrderEvent e = fullOrder();
        e.merchantName = std::string("bell\x07 nul") + '\0' + "x \xFF bad \xEF\xBF\xBF nonchar & <tag>";
        const std::string xml = encode({e});
        for (const char c : xml) {
            const auto u = static_cast<unsigned char>(c);
            QVERIFY2(u >= 0x20 || c == '\n', "raw control character in XML output");
        }
        QVERIFY(xml.find("&amp; &lt;tag&gt;") != std::string::npos);
        const Result r = decode(xml);
        QCOMPARE(r.events.size(), std::size_t(1));
        QCOMPARE(
            r.events[0].merchantName,
            std::string("bell\xEF\xBF\xBD nul\xEF\xBF\xBDx \xEF\xBF\xBD bad \xEF\xBF\xBD nonchar & <tag>"));
    }

    void farTimesFallBackToEpochMillis()
    {
        OrderEvent e = fullOrder();
        e.eventTime = 300'000'000'000'000; // year 11476: ISO-8601 has four-digit years
        const std::string xml = encode({e});
        QVERIFY(xml.find("<event_time>300000000000000</event_time>") != std::string::npos);
        const Result r = decode(xml, 0, testRules(400'000'000'000'000));
        QCOMPARE(r.events.size(), std::size_t(1));
        QVERIFY(r.events[0] == e);
    }

    void readsWhatOtherWritersWrite()
    {
        const std::string xml =
            "\xEF\xBB\xBF<?xml version='1.0' encoding='utf-8'?>\n"
            "<!-- exported by a shop system -->\n"
            "<orders xmlns=\"urn:example\" exported=\"2026-03-01\">\n"
            "  <meta><count>2</count><order><order_id>ignored: not at the top "
            "level</order_id></order></meta>\n"
            "  <order id=\"attributes are ignored\">\n"
            "    <order_id>O-1</order_id>\n"
            "    <event_time> 1772336096789 </event_time>\n"
            "    <customer_id>C-1</customer_id>\n"
            "    <amount> 2.1e4 </amount>\n"
            "    <delivery_fee/>\n"
            "    <rating></rating>\n"
            "    <coupon>WELCOME</coupon>\n"
            "    <items><note>x</note><item><name><![CDATA[Fish & Chips]]></name><qty>+2</qty>"
            "<unit_price>9000</unit_price><sku>1</sku></item></items>\n"
            "    <status>CANCELED</status>\n"
            "  </order>\n"
            "  <order><type>placed</type><order_id>O-2</order_id><event_time>2026-03-01 12:00:00</event_time>"
            "<customer_id>C-2</customer_id><amount>5</amount><amount>6</amount></order>\n"
            "</orders>\n";
        const Result r = decode(xml);
        QVERIFY2(r.quarantine.empty(), r.quarantine.empty() ? "" : r.quarantine.front().reason.c_str());
        QCOMPARE(r.events.size(), std::size_t(2));
        const OrderEvent &a = r.events[0];
        QCOMPARE(a.orderId, std::string("O-1"));
        QCOMPARE(a.eventTime, kSeoulNoon);
        QCOMPARE(a.amount, std::optional<Money>(21000));
        QVERIFY(!a.deliveryFee && !a.rating);
        QCOMPARE(a.items.size(), std::size_t(1));
        QCOMPARE(a.items[0], (OrderItem{"Fish & Chips", 2, 9000}));
        QCOMPARE(a.status, std::optional<OrderStatus>(OrderStatus::Cancelled));
        const OrderEvent &b = r.events[1];
        QCOMPARE(b.type, EventType::Placed);
        QCOMPARE(b.eventTime, TimestampMs(1772366400000)); // no offset: UTC
        QCOMPARE(b.amount, std::optional<Money>(6));       // the later element wins
    }

    void malformedCorpus()
    {
        const QString dir = optest::dataPath("malformed/xml/");
        const std::string manifest = optest::readFile(dir + "manifest.tsv");
        QVERIFY(!manifest.empty());
        int files = 0;
        for (const QString &row : QString::fromStdString(manifest).split('\n', Qt::SkipEmptyParts)) {
            if (row.startsWith('#'))
                continue;
            const QStringList cols = row.split('\t');
            QCOMPARE(cols.size(), 4);
            const std::string bytes = optest::readFile(dir + cols[0]);
            QVERIFY2(!bytes.empty(), qPrintable(cols[0]));
            const Result r = decode(bytes);
            const QString what = cols[0] + ": " +
                                 (r.quarantine.empty() ? QString("no record")
                                                       : QString::fromStdString(r.quarantine[0].reason));
            QVERIFY2(r.quarantine.size() == 1,
                     qPrintable(what + " (" + QString::number(r.quarantine.size()) + ")"));
            QCOMPARE(QString::fromStdString(r.quarantine[0].reason), cols[3]);
            QVERIFY2(r.quarantine[0].line == cols[2].toLongLong(),
                     qPrintable(what + " line " + QString::number(r.quarantine[0].line)));
            QVERIFY2(r.accepted == cols[1].toLongLong(), qPrintable(what));
            QCOMPARE(r.quarantined, std::int64_t(1));
            QCOMPARE(r.quarantine[0].source, std::string("test.xml"));
            // A broken order is reported at the '<' of its start tag.
            if (r.quarantine[0].raw.starts_with("<order"))
                QCOMPARE(bytes.substr(static_cast<std::size_t>(r.quarantine[0].offset), 6),
                         std::string("<order"));
            // Good orders around the bad one are all there, in order.
            for (const OrderEvent &e : r.events)
                QVERIFY(e.orderId.starts_with("O-"));
            compareResults(decode(bytes, 1), r);
            compareResults(decode(bytes, 7), r);
            ++files;
        }
        QVERIFY(files >= 30);
    }

    void chunkingDoesNotMatter()
    {
        std::string xml = encode(handMadeEvents());
        // Some broken orders among the good ones, and a comment with markup in it.
        xml.insert(xml.find("  <order>"),
                   "  <!-- <order> </order> -->\n  " + orderXml("B-1", "<amount>x</amount>") + "\n");
        xml.insert(xml.rfind("</orders>"), "  <order><order_id>B-2</order_id>\n");
        const Result whole = decode(xml);
        QCOMPARE(whole.events.size(), handMadeEvents().size());
        QCOMPARE(whole.quarantine.size(), std::size_t(2));
        for (const std::size_t chunk : {std::size_t(1), std::size_t(2), std::size_t(3), std::size_t(13),
                                        std::size_t(64), std::size_t(4096)})
            compareResults(decode(xml, chunk), whole);
    }

    void refusesDtds()
    {
        // A much larger bomb than the corpus one: expanded it would need ~10^15 bytes.
        std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE orders [\n<!ENTITY a0 \"ha\">\n";
        for (int i = 1; i <= 15; ++i)
            bomb += "<!ENTITY a" + std::to_string(i) + " \"" + [&] {
                std::string s;
                for (int k = 0; k < 10; ++k)
                    s += "&a" + std::to_string(i - 1) + ";";
                return s;
            }() + "\">\n";
        bomb += "]>\n<orders>" + orderXml("O-1", "<region>&a15;</region>") + "</orders>\n";
        for (const std::size_t chunk : {std::size_t(0), std::size_t(1)}) {
            const Result r = decode(bomb, chunk);
            QCOMPARE(r.events.size(), std::size_t(0));
            QCOMPARE(r.quarantine.size(), std::size_t(1));
            QCOMPARE(r.quarantine[0].reason, std::string(XmlDecoder::kDtdRefused));
            QCOMPARE(r.quarantine[0].line, std::int64_t(2));
            QCOMPARE(r.quarantine[0].offset, std::int64_t(22));
        }
        // QXmlStreamReader would expand a DTD met inside an element: the scanner never lets one through.
        const std::string inside =
            "<orders>" + orderXml("O-1", "<!DOCTYPE x [<!ENTITY e \"evil\">]><region>&e;</region>") +
            orderXml("O-2") + "</orders>";
        const Result r = decode(inside);
        QCOMPARE(r.events.size(), std::size_t(1));
        QCOMPARE(r.events[0].orderId, std::string("O-2"));
        QCOMPARE(r.quarantine.size(), std::size_t(1));
        QCOMPARE(r.quarantine[0].reason, std::string(XmlDecoder::kDtdRefused));
    }

    void truncatedDocumentKeepsWhatCameBefore()
    {
        const std::string xml = encode(handMadeEvents());
        const std::size_t lastOrder = xml.rfind("  <order>") + 2;
        // One order per line, whatever its text holds: the last order is on line 2 + count.
        const auto lastLine = static_cast<std::int64_t>(handMadeEvents().size() + 2);
        for (const std::size_t cut : {lastOrder + 7, lastOrder + 40, xml.rfind("</order>") + 3}) {
            const Result r = decode(std::string_view(xml).substr(0, cut));
            QCOMPARE(r.events.size(), handMadeEvents().size() - 1);
            QCOMPARE(r.quarantine.size(), std::size_t(1));
            QCOMPARE(r.quarantine[0].reason, std::string(XmlDecoder::kEndsInsideOrder));
            QCOMPARE(r.quarantine[0].offset, std::int64_t(lastOrder));
            QCOMPARE(r.quarantine[0].line, lastLine);
        }
        // Cut before the name "order" is complete: the element never started.
        for (const std::size_t cut : {lastOrder, lastOrder + 1, lastOrder + 6}) {
            const Result r = decode(std::string_view(xml).substr(0, cut));
            QCOMPARE(r.events.size(), handMadeEvents().size() - 1);
            QCOMPARE(r.quarantine.size(), std::size_t(1));
            QCOMPARE(r.quarantine[0].reason, std::string(XmlDecoder::kEndsInsideRoot));
            QCOMPARE(r.quarantine[0].line, lastLine);
            QCOMPARE(r.quarantine[0].offset, std::int64_t(cut));
        }
    }

    void hugeOrderIsRefusedWithoutBufferingIt()
    {
        const std::string big =
            orderXml("O-BIG", "<merchant_name>" + std::string(3 * 1024 * 1024, 'x') + "</merchant_name>");
        const std::string xml =
            "<orders>\n" + orderXml("O-1") + "\n" + big + "\n" + orderXml("O-3") + "\n</orders>\n";
        for (const std::size_t chunk : {std::size_t(0), std::size_t(1), std::size_t(65536)}) {
            const Result r = decode(xml, chunk);
            QCOMPARE(r.events.size(), std::size_t(2));
            QCOMPARE(r.events[1].orderId, std::string("O-3"));
            QCOMPARE(r.quarantine.size(), std::size_t(1));
            QCOMPARE(r.quarantine[0].reason, tooLongReason(big.size()));
            QCOMPARE(r.quarantine[0].line, std::int64_t(3));
            QVERIFY(r.quarantine[0].raw.size() <= QuarantineRecord::kMaxRawBytes);
        }
        // Exactly at the limit is still an order.
        std::string atLimit = orderXml("O-L", "<region></region>");
        atLimit.insert(atLimit.find("</region>"), ValidationRules::kMaxRecordBytes - atLimit.size(), 'r');
        QCOMPARE(atLimit.size(), ValidationRules::kMaxRecordBytes);
        QCOMPARE(decode("<orders>" + atLimit + "</orders>").events.size(), std::size_t(1));
    }

    void emptyInputIsNoOrders()
    {
        for (const char *text :
             {"", " \n\t\r\n", "\xEF\xBB\xBF", "<orders/>", "<orders></orders>\n<!-- end -->\n"}) {
            const Result r = decode(text);
            QVERIFY2(r.events.empty() && r.quarantine.empty(), text);
        }
        // A decoder can be used again after begin().
        optest::CollectingHandler handler;
        XmlDecoder decoder;
        decoder.setRules(testRules());
        decoder.begin("a", handler);
        decoder.feed("<orders><order>");
        decoder.begin("b", handler);
        decoder.feed("<orders>" + orderXml("O-1") + "</orders>");
        decoder.finish();
        QCOMPARE(handler.events.size(), std::size_t(1));
        QVERIFY(handler.quarantine.empty());
    }

    void offsetsCountTheByteOrderMark()
    {
        const std::string xml =
            "\xEF\xBB\xBF<orders>\n" + orderXml("O-1", "<amount>x</amount>") + "</orders>";
        const Result r = decode(xml);
        QCOMPARE(r.quarantine.size(), std::size_t(1));
        QCOMPARE(r.quarantine[0].offset, std::int64_t(3 + 9));
        QCOMPARE(r.quarantine[0].line, std::int64_t(2));
        QCOMPARE(r.quarantine[0].reason, std::string("field 'amount' is not a number"));
    }

    void refusesOtherEncodings()
    {
        const Result r = decode(std::string("\xFF\xFE<\0o\0", 6));
        QCOMPARE(r.quarantine.size(), std::size_t(1));
        QCOMPARE(r.quarantine[0].reason, XmlDecoder::unsupportedEncoding("UTF-16"));
    }
};

QTEST_GUILESS_MAIN(TestXml)
#include "tst_xml.moc"
