// A custom profile: a retailer's invoice lines (the shape of the public "Online Retail" data set)
// read into orders with tests/data/mappings/online_retail.json.
#include "CollectingHandler.h"
#include "TestPaths.h"
#include "io/CsvDecoder.h"

#include <QFile>
#include <QTest>

using namespace op;

namespace {

std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

struct Expected
{
    const char *invoice;
    const char *utc;
    const char *customer;
    const char *country;
    std::size_t items;
    Money amount; // pence
};

} // namespace

class TestCsvRetail : public QObject
{
    Q_OBJECT

private:
    std::string m_csv;
    std::string m_profile;

    optest::CollectingHandler decode(const CsvMapping &mapping, std::size_t chunk, CsvDecoder *out = nullptr)
    {
        ValidationRules rules;
        rules.nowMs = 1780272000000; // 2026-06-01
        CsvDecoder local(mapping, rules);
        CsvDecoder &decoder = out != nullptr ? *out : local;
        optest::CollectingHandler h;
        decoder.begin("online_retail_sample.csv", h);
        for (std::size_t i = 0; i < m_csv.size(); i += chunk)
            decoder.feed(std::string_view(m_csv).substr(i, chunk));
        decoder.finish();
        return h;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_csv = readFile(optest::dataPath(QStringLiteral("csv/online_retail_sample.csv")));
        m_profile = readFile(optest::dataPath(QStringLiteral("mappings/online_retail.json")));
        QVERIFY(!m_csv.empty());
        QVERIFY(!m_profile.empty());
    }

    void invoicesBecomeOrders()
    {
        const auto mapping = CsvMapping::fromJson(m_profile);
        QVERIFY2(mapping.has_value(), mapping ? "" : mapping.error().c_str());
        CsvDecoder decoder(*mapping);
        const auto h = decode(*mapping, m_csv.size(), &decoder);

        const Expected expected[] = {
            {"536365", "2010-12-01T08:26:00.000Z", "17850", "United Kingdom", 7, 13912},
            {"536366", "2010-12-01T08:28:00.000Z", "17850", "United Kingdom", 2, 2220},
            {"536367", "2010-12-01T08:34:00.000Z", "13047", "United Kingdom", 12, 27873},
            {"536368", "2010-12-01T08:34:00.000Z", "13047", "United Kingdom", 4, 7005},
            {"536369", "2010-12-01T08:35:00.000Z", "13047", "United Kingdom", 1, 1785},
            {"536370", "2010-12-01T08:45:00.000Z", "12583", "France", 4, 27900},
            {"554030", "2011-05-22T09:15:00.000Z", "14911", "EIRE", 4, 12276}, // BST: 10:15 local
            {"581587", "2011-12-09T12:50:00.000Z", "12680", "France", 2, 2680},
        };
        QCOMPARE(h.events.size(), std::size(expected));
        for (std::size_t i = 0; i < h.events.size(); ++i) {
            const OrderEvent &e = h.events[i];
            const Expected &x = expected[i];
            QCOMPARE(e.orderId, std::string(x.invoice));
            QCOMPARE(e.type, EventType::Order);
            QCOMPARE(formatIsoUtcMillis(e.eventTime), std::string(x.utc));
            QCOMPARE(e.customerId, std::string(x.customer));
            QCOMPARE(e.region, std::string(x.country));
            QCOMPARE(e.merchantId, std::string("online-retail"));
            QCOMPARE(e.merchantName, std::string("Online Retail"));
            QCOMPARE(e.items.size(), x.items);
            QCOMPARE(e.amount, std::optional<Money>(x.amount));
            QVERIFY(!e.status && !e.deliveryFee && !e.rating && e.ip.empty());
        }
        QCOMPARE(h.events[0].items, (std::vector<OrderItem>{{"WHITE HANGING HEART T-LIGHT HOLDER", 6, 255},
                                                            {"WHITE METAL LANTERN", 6, 339},
                                                            {"CREAM CUPID HEARTS COAT HANGER", 8, 275},
                                                            {"KNITTED UNION FLAG HOT WATER BOTTLE", 6, 339},
                                                            {"RED WOOLLY HOTTIE WHITE HEART.", 6, 339},
                                                            {"SET 7 BABUSHKA NESTING BOXES", 2, 765},
                                                            {"GLASS STAR FROSTED T-LIGHT HOLDER", 6, 425}}));
        // Quoted descriptions with commas and quotes; 0.165 x 100 = 16.5 rounds to 17.
        QCOMPARE(h.events[6].items, (std::vector<OrderItem>{{"REGENCY CAKESTAND, 3 TIER", 2, 1095},
                                                            {"PAPER CHAIN KIT, 50'S CHRISTMAS", 12, 295},
                                                            {"LUNCH BAG \"RED RETROSPOT\", LARGE", 10, 165},
                                                            {"GIRLS ALPHABET IRON ON PATCHES", 288, 17}}));
        QCOMPARE(h.events[2].items[1],
                 (OrderItem{"POPPY'S PLAYHOUSE BEDROOM ", 6, 210})); // text is kept as is
        QCOMPARE(h.events[5].items[3], (OrderItem{"POSTAGE", 3, 1800}));

        // The two cancelled invoices are skipped and counted; the invoice without a customer
        // is one quarantine record for its two rows.
        QCOMPARE(decoder.skipped(), std::int64_t(2));
        QCOMPARE(decoder.accepted(), std::int64_t(8));
        QCOMPARE(decoder.quarantined(), std::int64_t(1));
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(h.quarantine[0].reason, std::string("missing customer_id"));
        QCOMPARE(h.quarantine[0].line, std::int64_t(34));
        QCOMPARE(h.quarantine[0].offset, std::int64_t(m_csv.find("\n536544") + 1));
        QCOMPARE(h.quarantine[0].source, std::string("online_retail_sample.csv"));
        QCOMPARE(h.quarantine[0].raw,
                 std::string(
                     "536544,21773,DECORATIVE ROSE BATHROOM BOTTLE,1,12/1/2010 14:32,2.51,,United Kingdom\n"
                     "536544,21774,DECORATIVE CATS BATHROOM BOTTLE,2,12/1/2010 14:32,2.51,,United Kingdom"));
    }

    void chunkingDoesNotMatter()
    {
        const auto mapping = CsvMapping::fromJson(m_profile);
        const auto whole = decode(*mapping, m_csv.size());
        for (const std::size_t chunk : {std::size_t(1), std::size_t(2), std::size_t(13), std::size_t(100)}) {
            const auto h = decode(*mapping, chunk);
            QVERIFY(h.events == whole.events);
            QCOMPARE(h.quarantine.size(), whole.quarantine.size());
            QCOMPARE(h.quarantine[0].reason, whole.quarantine[0].reason);
            QCOMPARE(h.quarantine[0].offset, whole.quarantine[0].offset);
        }
    }

    void withoutTheSkipRuleCancellationsAreQuarantinedNotSold()
    {
        std::string profile = m_profile;
        const std::size_t skip = profile.find(",\n  \"skip\"");
        QVERIFY(skip != std::string::npos);
        profile.erase(skip, profile.rfind('}') - skip); // keeps the closing brace
        const auto mapping = CsvMapping::fromJson(profile);
        QVERIFY2(mapping.has_value(), mapping ? "" : mapping.error().c_str());
        QVERIFY(mapping->skipRules().empty());
        const auto h = decode(*mapping, 7);
        QCOMPARE(h.events.size(), std::size_t(8));
        QCOMPARE(h.quarantine.size(), std::size_t(3));
        QCOMPARE(h.quarantine[0].reason, std::string("negative amount (sum of qty x unit_price: -2750)"));
        QCOMPARE(h.quarantine[0].line, std::int64_t(32));
        QCOMPARE(h.quarantine[1].reason, std::string("negative amount (sum of qty x unit_price: -465)"));
        QCOMPARE(h.quarantine[1].line, std::int64_t(33));
        QCOMPARE(h.quarantine[2].reason, std::string("missing customer_id"));
        for (const OrderEvent &e : h.events)
            QVERIFY(!e.orderId.starts_with("C"));
    }

    void wrongFileForTheProfileIsOneRecord()
    {
        const auto mapping = CsvMapping::fromJson(m_profile);
        ValidationRules rules;
        CsvDecoder decoder(*mapping, rules);
        optest::CollectingHandler h;
        decoder.begin("orders.csv", h);
        decoder.feed(readFile(optest::dataPath(QStringLiteral("csv/seed001_orders.csv"))));
        decoder.finish();
        QCOMPARE(h.quarantine.size(), std::size_t(1));
        QCOMPARE(
            h.quarantine[0].reason,
            std::string(
                "CSV header has no InvoiceNo column (for order_id) and no InvoiceDate column (for "
                "event_time) "
                "and no CustomerID column (for customer_id) and no Country column (for region) and no "
                "Description column (for item_name) and no Quantity column (for qty) and no UnitPrice column "
                "(for unit_price) and no InvoiceNo column (for a skip rule) (columns: order_id, customer_id, "
                "restaurant_id, order_amount, order_time); the rows of this file are not read"));
        QCOMPARE(decoder.ignoredRows(), std::int64_t(5));
    }
};

QTEST_GUILESS_MAIN(TestCsvRetail)
#include "tst_csvretail.moc"
