#include "CollectingHandler.h"
#include "NdjsonTestEvents.h"
#include "TestPaths.h"
#include "io/FieldReasons.h"
#include "io/NdjsonDecoder.h"
#include "io/NdjsonEncoder.h"
#include "io/NdjsonReasons.h"

#include <QFile>
#include <QTest>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <limits>
#include <new>
#include <random>

using namespace op;
using namespace ndjsontest;
using namespace std::string_literals;

// Counts heap allocations while g_countAllocations is set, to check the decoder's promise of
// no allocation per record in steady state.
namespace {
std::atomic<bool> g_countAllocations{false};
std::atomic<long> g_allocations{0};
} // namespace

void *operator new(std::size_t size)
{
    if (g_countAllocations.load(std::memory_order_relaxed))
        g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (void *p = std::malloc(size == 0 ? 1 : size))
        return p;
    throw std::bad_alloc();
}
void operator delete(void *p) noexcept
{
    std::free(p);
}
void operator delete(void *p, std::size_t) noexcept
{
    std::free(p);
}

namespace {

// moc misreads digit separators and raw string literals: none in this file.
using Chunker = std::function<std::size_t(std::size_t offset)>; // next chunk size

struct Decoded
{
    std::vector<OrderEvent> events;
    std::vector<QuarantineRecord> quarantine;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
};

// A decoder whose "now" is kNow.
std::unique_ptr<NdjsonDecoder> makeDecoder()
{
    auto decoder = std::make_unique<NdjsonDecoder>();
    ValidationRules rules;
    rules.nowMs = kNow;
    decoder->setRules(rules);
    return decoder;
}

Decoded decode(std::string_view data, const Chunker &chunker = {})
{
    const auto owner = makeDecoder();
    NdjsonDecoder &decoder = *owner;
    optest::CollectingHandler handler;
    decoder.begin("test.ndjson", handler);
    std::size_t pos = 0;
    while (pos < data.size()) {
        const std::size_t n = chunker ? std::max<std::size_t>(1, chunker(pos)) : data.size();
        decoder.feed(data.substr(pos, n));
        pos += std::min(n, data.size() - pos);
    }
    decoder.finish();
    return {std::move(handler.events), std::move(handler.quarantine), decoder.accepted(),
            decoder.quarantined()};
}

Chunker fixedChunks(std::size_t n)
{
    return [n](std::size_t) {
        return n;
    };
}

Chunker randomChunks(unsigned seed, std::size_t maxSize)
{
    auto rng = std::make_shared<std::mt19937>(seed);
    return [rng, maxSize](std::size_t) {
        return 1 + (*rng)() % maxSize;
    };
}

// A good record whose order_id names its line, as in the malformed corpus.
std::string goodLine(std::int64_t line)
{
    return encodeLine(minimalEvent("O-L" + std::to_string(line)));
}

void compareDecoded(const Decoded &a, const Decoded &b)
{
    QCOMPARE(a.accepted, b.accepted);
    QCOMPARE(a.quarantined, b.quarantined);
    QCOMPARE(a.events.size(), b.events.size());
    for (std::size_t i = 0; i < a.events.size(); ++i)
        QVERIFY2(a.events[i] == b.events[i], describe(a.events[i]) + " vs " + describe(b.events[i]));
    QCOMPARE(a.quarantine.size(), b.quarantine.size());
    for (std::size_t i = 0; i < a.quarantine.size(); ++i) {
        QCOMPARE(a.quarantine[i].line, b.quarantine[i].line);
        QCOMPARE(a.quarantine[i].offset, b.quarantine[i].offset);
        QCOMPARE(qs(a.quarantine[i].reason), qs(b.quarantine[i].reason));
        QCOMPARE(qs(a.quarantine[i].raw), qs(b.quarantine[i].raw));
        QCOMPARE(qs(a.quarantine[i].source), qs(b.quarantine[i].source));
    }
}

template<typename F> void forEachLine(std::string_view data, F f)
{
    while (!data.empty()) {
        const std::size_t end = std::min(data.find('\n'), data.size());
        f(data.substr(0, end));
        data.remove_prefix(std::min(end + 1, data.size()));
    }
}

// Byte offset of each line's first byte (a BOM is skipped: the first record starts after it).
std::vector<std::int64_t> lineOffsets(std::string_view data)
{
    std::vector<std::int64_t> offsets{data.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0};
    for (std::size_t i = 0; i < data.size(); ++i)
        if (data[i] == '\n' && i + 1 < data.size())
            offsets.push_back(static_cast<std::int64_t>(i + 1));
    return offsets;
}

} // namespace

class TestNdjson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip()
    {
        const std::vector<OrderEvent> events = sampleEvents();
        const Decoded d = decode(encodeAll(events));
        QCOMPARE(d.quarantine.size(), std::size_t(0));
        QCOMPARE(d.events.size(), events.size());
        for (std::size_t i = 0; i < events.size(); ++i)
            QVERIFY2(d.events[i] == events[i], describe(d.events[i]) + "\nexpected\n" + describe(events[i]));
        // The Kafka path: one record per message, with a reused output event.
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out;
        for (const OrderEvent &e : events) {
            const auto reason = decoder.decodeRecord(encodeLine(e, 0), out);
            QVERIFY2(!reason, reason ? reason->c_str() : "");
            QVERIFY2(out == e, describe(out));
        }
    }

    void decodesEveryTimeForm_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("offset") << "\"2026-03-01T12:34:56.789+09:00\"" << qint64(kT0);
        QTest::newRow("zulu") << "\"2026-03-01T03:34:56.789Z\"" << qint64(kT0);
        QTest::newRow("no offset is UTC") << "\"2026-03-01T03:34:56.789\"" << qint64(kT0);
        QTest::newRow("space, compact offset") << "\"2026-03-01 12:34:56.789+0900\"" << qint64(kT0);
        QTest::newRow("epoch ms number") << "1772336096789" << qint64(kT0);
        QTest::newRow("epoch ms string") << "\"1772336096789\"" << qint64(kT0);
        QTest::newRow("integral double") << "1.772336096789e12" << qint64(kT0);
        QTest::newRow("before epoch") << "-1" << qint64(-1);
    }
    void decodesEveryTimeForm()
    {
        QFETCH(QString, value);
        QFETCH(qint64, expected);
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out;
        const std::string json =
            "{\"order_id\":\"O-1\",\"customer_id\":\"C\",\"amount\":1,\"event_time\":" + value.toStdString() +
            "}";
        const auto reason = decoder.decodeRecord(json, out);
        QVERIFY2(!reason, reason ? reason->c_str() : "");
        QCOMPARE(out.eventTime, expected);
    }

    void nullMeansAbsentAndUnknownFieldsAreIgnored()
    {
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out = fullEvent(); // must be fully overwritten
        const auto reason =
            decoder.decodeRecord("{\"type\":null,\"order_id\":\"O-1\",\"event_time\":\"2026-03-01T03:34:56."
                                 "789Z\",\"customer_id\":\"C-1\","
                                 "\"merchant_id\":null,\"merchant_name\":null,\"category\":null,\"region\":"
                                 "null,\"items\":null,\"amount\":21000.0,"
                                 "\"delivery_fee\":null,\"distance_km\":null,\"promised_min\":null,"
                                 "\"delivery_min\":null,\"status\":null,"
                                 "\"rating\":null,\"ip\":null,\"payment\":null,\"coupon\":{\"code\":\"X\","
                                 "\"tiers\":[1,2.5,true,false,null,\"s\\u00e9\"]},"
                                 "\"tags\":[],\"extra\":{}}",
                                 out);
        QVERIFY2(!reason, reason ? reason->c_str() : "");
        OrderEvent expected = minimalEvent("O-1");
        expected.customerId = "C-1";
        expected.amount = 21000;
        QVERIFY2(out == expected, describe(out));
    }

    void acceptsLenientButUnambiguousInput()
    {
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out;
        // Numeric ids, an escaped key, whitespace around the object, spelling variants, repeated keys.
        const auto reason = decoder.decodeRecord(
            " \t{ \"order\\u005fid\" : 12345 , \"event_time\":1772336096789,\"customer_id\":42,\"amount\":1,"
            "\"items\":[{\"name\":\"old\",\"qty\":1}],\"items\":[{\"name\":\"new\",\"qty\":2,\"unit_price\":"
            "5,"
            "\"options\":[\"no onion\"]}],\"type\":\"Canceled\",\"status\":\"picked-up\"} ",
            out);
        QVERIFY2(!reason, reason ? reason->c_str() : "");
        QCOMPARE(qs(out.orderId), QStringLiteral("12345"));
        QCOMPARE(qs(out.customerId), QStringLiteral("42"));
        QCOMPARE(out.type, EventType::Cancelled);
        QCOMPARE(out.status, std::optional(OrderStatus::PickedUp));
        QCOMPARE(out.items.size(), std::size_t(1));
        QVERIFY(out.items[0] == (OrderItem{"new", 2, 5}));
    }

    void reusedEventKeepsNoStaleData()
    {
        // Item names come from a pool between records: counts going up and down must not mix names.
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out;
        for (const std::vector<std::string> &names : std::vector<std::vector<std::string>>{
                 {"a long item name number one", "a long item name number two",
                  "a long item name number three"},
                 {"short"},
                 {},
                 {"x", "a long item name number five, now even longer"}}) {
            OrderEvent e = minimalEvent("O-" + std::to_string(names.size()));
            for (const std::string &n : names)
                e.items.push_back({n, 1, 100});
            QVERIFY(!decoder.decodeRecord(encodeLine(e), out));
            QVERIFY2(out == e, describe(out));
        }
        QVERIFY(!decoder.decodeRecord(encodeLine(fullEvent()), out));
        QVERIFY(!decoder.decodeRecord(encodeLine(minimalEvent("O-2")), out));
        QVERIFY2(out == minimalEvent("O-2"), describe(out));
    }

    void steadyStateDecodingDoesNotAllocate()
    {
        // Records with long (heap-allocated) strings, item counts going up and down.
        std::vector<OrderEvent> events = sampleEvents();
        for (int i = 0; i < 50; ++i) {
            OrderEvent e = events[static_cast<std::size_t>(i) % events.size()];
            e.items.resize(static_cast<std::size_t>(i % 4),
                           {"허니콤보 (순살) 두 마리 세트와 콜라", 1, 23000});
            events.push_back(e);
        }
        const std::string data = encodeAll(events);
        class CountingHandler : public EventHandler
        {
        public:
            void onEvent(OrderEvent &e) override { sum += static_cast<long>(e.items.size()) + 1; }
            void onQuarantine(QuarantineRecord &&) override { ++quarantined; }
            long sum = 0;
            long quarantined = 0;
        } handler;
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        decoder.begin("steady.ndjson", handler);
        OrderEvent out;
        auto pass = [&] {
            decoder.feed(data);
            forEachLine(data, [&](std::string_view line) { QVERIFY(!decoder.decodeRecord(line, out)); });
        };
        pass(); // warm-up: buffers and strings grow to their working size
        g_allocations = 0;
        g_countAllocations = true;
        pass();
        pass();
        g_countAllocations = false;
        QCOMPARE(handler.quarantined, 0L);
        QCOMPARE(decoder.accepted(), static_cast<std::int64_t>(3 * events.size()));
        QCOMPARE(g_allocations.load(), 0L);
    }

    void decodeRecordReportsReasons()
    {
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out;
        QCOMPARE(qs(decoder.decodeRecord("", out).value_or("")), qs(ndjson::kEmptyRecord));
        QCOMPARE(qs(decoder.decodeRecord("{\"order_id\":", out).value_or("")),
                 QStringLiteral("malformed JSON: unexpected end of record"));
        QCOMPARE(qs(decoder.decodeRecord(std::string(ValidationRules::kMaxRecordBytes + 1, 'x'), out)
                        .value_or("")),
                 qs(tooLongReason(ValidationRules::kMaxRecordBytes + 1)));
        // The decoder keeps working after errors.
        QVERIFY(!decoder.decodeRecord(encodeLine(fullEvent()), out));
        QVERIFY(out == fullEvent());
    }

    void validationRulesAreSettable()
    {
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out;
        const std::string line = encodeLine(minimalEvent("O-1"));
        ValidationRules rules;
        rules.nowMs = kT0 - 2 * kMsPerDay;
        decoder.setRules(rules);
        QCOMPARE(qs(decoder.decodeRecord(line, out).value_or("")),
                 QStringLiteral("event_time more than 1 day in the future"));
        rules.maxFutureMs = 3 * kMsPerDay;
        decoder.setRules(rules);
        QVERIFY(!decoder.decodeRecord(line, out));
        QCOMPARE(decoder.rules().maxFutureMs, 3 * kMsPerDay);
    }

    void reasonsStayShort()
    {
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        OrderEvent out;
        OrderEvent e = minimalEvent("O-1");
        e.items = {{std::string(5000, 'n'), 0, 1}};
        const std::string reason = decoder.decodeRecord(encodeLine(e), out).value_or("");
        QVERIFY2(reason.rfind("non-positive qty for item 'nnn", 0) == 0, reason.c_str());
        QVERIFY(reason.size() <= reason::kMaxReasonBytes + 3);
        // Cut on a character boundary: Korean is 3 bytes per character.
        const std::string r2 = decoder
                                   .decodeRecord("{\"order_id\":\"1\",\"type\":\"" + std::string(30, 'x') +
                                                     "가나다라마바사아자차카타파하\"}",
                                                 out)
                                   .value_or("");
        QCOMPARE(qs(r2), qs("unknown type '" + std::string(30, 'x') + "가나다라마바사아자차카...'"));
    }

    void chunkingDoesNotChangeTheResult()
    {
        std::string data = "\xEF\xBB\xBF";
        data += encodeAll(sampleEvents());
        data += "\n  \r\n{\"order_id\":\"bad\"\r\n" + goodLine(1) + "\r\n[1]\n\n";
        data += std::string(ValidationRules::kMaxRecordBytes + 1000, 'x') + "\r\n";
        data += goodLine(2) + "\n{\"order_id\":\"O-t\",\"event_time\":\"nope\"}\n";
        data += "{\"order_id\":\"caf\xC3\"}\n" + goodLine(3); // invalid UTF-8, and no final newline
        const Decoded whole = decode(data);
        QCOMPARE(whole.accepted, std::int64_t(sampleEvents().size() + 3));
        QCOMPARE(whole.quarantined, std::int64_t(5));
        for (const Chunker &c : {fixedChunks(1), fixedChunks(2), fixedChunks(3), fixedChunks(63),
                                 fixedChunks(64), fixedChunks(65), fixedChunks(4096), randomChunks(1, 10),
                                 randomChunks(2, 700), randomChunks(3, 100000)}) {
            compareDecoded(decode(data, c), whole);
            if (QTest::currentTestFailed())
                return;
        }
    }

    void malformedCorpus_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("reason");
        QFile manifest(optest::dataPath("malformed/ndjson/cases.tsv"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        int rows = 0;
        while (!manifest.atEnd()) {
            const QString row = QString::fromUtf8(manifest.readLine()).chopped(1);
            if (row.isEmpty() || row.startsWith('#'))
                continue;
            const QStringList cols = row.split('\t');
            QCOMPARE(cols.size(), 3);
            QTest::newRow(qPrintable(cols[0])) << cols[0] << cols[1].toLongLong() << cols[2];
            ++rows;
        }
        QVERIFY(rows >= 50);
    }
    void malformedCorpus()
    {
        QFETCH(QString, file);
        QFETCH(qint64, line);
        QFETCH(QString, reason);
        QFile f(optest::dataPath("malformed/ndjson/" + file));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const std::string data = f.readAll().toStdString();
        const Decoded d = decode(data);
        QCOMPARE(d.quarantine.size(), std::size_t(1));
        const QuarantineRecord &q = d.quarantine[0];
        QCOMPARE(qs(q.reason), reason);
        QCOMPARE(q.line, line);
        const std::vector<std::int64_t> offsets = lineOffsets(data);
        QCOMPARE(q.offset, offsets[static_cast<std::size_t>(line - 1)]);
        std::string_view raw(data);
        raw = raw.substr(static_cast<std::size_t>(q.offset));
        raw = raw.substr(0, raw.find('\n'));
        if (!raw.empty() && raw.back() == '\r')
            raw.remove_suffix(1);
        QCOMPARE(qs(q.raw), qs(sanitizeRaw(raw)));
        // Every other non-blank line is a good record named after its line number.
        std::vector<std::string> expected;
        for (std::size_t i = 0; i < offsets.size(); ++i) {
            std::string_view l = std::string_view(data).substr(static_cast<std::size_t>(offsets[i]));
            l = l.substr(0, l.find('\n'));
            if (static_cast<qint64>(i) + 1 != line && l.find_first_not_of(" \t\r") != std::string_view::npos)
                expected.push_back("O-L" + std::to_string(i + 1));
        }
        QVERIFY(expected.size() >= 2);
        QCOMPARE(d.events.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(qs(d.events[i].orderId), qs(expected[i]));
        compareDecoded(decode(data, fixedChunks(7)), d);
        compareDecoded(decode(data, fixedChunks(1)), d);
    }

    void hugeLineIsQuarantinedWithoutStoppingTheStream()
    {
        const std::string huge = "{\"order_id\":\"" + std::string(3000000, 'h') + "\"}";
        const std::string data = goodLine(1) + "\n" + huge + "\n" + goodLine(3) + "\n";
        for (const Chunker &c : {Chunker{}, fixedChunks(65536), fixedChunks(1000), randomChunks(7, 300000)}) {
            const Decoded d = decode(data, c);
            QCOMPARE(d.quarantine.size(), std::size_t(1));
            QCOMPARE(qs(d.quarantine[0].reason), qs(tooLongReason(huge.size())));
            QCOMPARE(qs(d.quarantine[0].reason),
                     QStringLiteral("record too long (3000015 bytes, limit 1 MiB)"));
            QCOMPARE(d.quarantine[0].line, std::int64_t(2));
            QCOMPARE(d.quarantine[0].offset, std::int64_t(goodLine(1).size() + 1));
            QCOMPARE(d.quarantine[0].raw.size(), QuarantineRecord::kMaxRawBytes);
            QCOMPARE(d.events.size(), std::size_t(2));
            QCOMPARE(qs(d.events[1].orderId), QStringLiteral("O-L3"));
        }
    }

    void limitIsExactlyOneMebibyte()
    {
        std::string atLimit = goodLine(1);
        atLimit.insert(1, ValidationRules::kMaxRecordBytes - atLimit.size(), ' ');
        QCOMPARE(atLimit.size(), ValidationRules::kMaxRecordBytes);
        const std::string over = " " + atLimit;
        const std::string data = atLimit + "\r\n" + over + "\n" + atLimit;
        for (const Chunker &c : {Chunker{}, fixedChunks(4096), fixedChunks(ValidationRules::kMaxRecordBytes),
                                 randomChunks(9, 200000)}) {
            const Decoded d = decode(data, c);
            QCOMPARE(d.events.size(), std::size_t(2));
            QCOMPARE(d.quarantine.size(), std::size_t(1));
            QCOMPARE(qs(d.quarantine[0].reason), qs(tooLongReason(ValidationRules::kMaxRecordBytes + 1)));
            QCOMPARE(d.quarantine[0].line, std::int64_t(2));
        }
    }

    void deepNestingIsRejected_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::newRow("100,000 braces") << (QByteArray(100000, '{') + QByteArray(100000, '}'));
        QTest::newRow("100,000 nested objects")
            << (QByteArray("{\"a\":").repeated(100000) + "1" + QByteArray(100000, '}'));
        QTest::newRow("100,000 unclosed brackets")
            << ("{\"order_id\":\"x\",\"z\":" + QByteArray(100000, '['));
        QTest::newRow("1,100 nested arrays in a known record")
            << (QByteArray::fromStdString(goodLine(2)).chopped(1) + ",\"z\":" + QByteArray(1100, '[') +
                QByteArray(1100, ']') + "}");
    }
    void deepNestingIsRejected()
    {
        QFETCH(QByteArray, record);
        const std::string data = goodLine(1) + "\n" + record.toStdString() + "\n" + goodLine(3) + "\n";
        const Decoded d = decode(data);
        QCOMPARE(d.quarantine.size(), std::size_t(1));
        QCOMPARE(qs(d.quarantine[0].reason), QStringLiteral("malformed JSON: nesting too deep"));
        QCOMPARE(d.quarantine[0].line, std::int64_t(2));
        QCOMPARE(d.events.size(), std::size_t(2));
    }

    void invalidUtf8IsQuarantined_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lone continuation") << QByteArray("\x80");
        QTest::newRow("truncated sequence") << QByteArray("\xE2\x82");
        QTest::newRow("overlong slash") << QByteArray("\xC0\xAF");
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80");
        QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80");
        QTest::newRow("latin-1") << QByteArray("caf\xE9");
        QTest::newRow("outside a string") << QByteArray("\",\"x\":\xFF\xFE,\"y\":\"");
    }
    void invalidUtf8IsQuarantined()
    {
        QFETCH(QByteArray, bytes);
        const std::string bad = "{\"order_id\":\"O-2\",\"merchant_name\":\"" + bytes.toStdString() + "\"}";
        const Decoded d = decode(goodLine(1) + "\n" + bad + "\n" + goodLine(3));
        QCOMPARE(d.quarantine.size(), std::size_t(1));
        QCOMPARE(qs(d.quarantine[0].reason), QStringLiteral("invalid UTF-8"));
        QVERIFY(isValidUtf8(d.quarantine[0].raw));
        QCOMPARE(d.events.size(), std::size_t(2));
    }

    void emptyAndBlankInputs()
    {
        for (const std::string &data :
             {std::string(), std::string("\n"), std::string("\n\n  \r\n\t\n\r\n   "),
              std::string("\xEF\xBB\xBF"), std::string("\xEF\xBB\xBF\r\n\n")}) {
            const Decoded d = decode(data, fixedChunks(1));
            QCOMPARE(d.accepted + d.quarantined, std::int64_t(0));
            compareDecoded(decode(data), d);
        }
        // Bytes that start like a BOM but are not one are data.
        const Decoded partial = decode("\xEF\xBB");
        QCOMPARE(partial.quarantine.size(), std::size_t(1));
        QCOMPARE(qs(partial.quarantine[0].reason), QStringLiteral("invalid UTF-8"));
        QCOMPARE(partial.quarantine[0].offset, std::int64_t(0));
    }

    void crlfLinesAndOffsets()
    {
        const std::string l1 = goodLine(1), l3 = goodLine(3), l5 = goodLine(5);
        const std::string data =
            l1 + "\r\n\r\n" + l3 + "\r\n{\"order_id\":\"O-4\"}\r\n" + l5; // no final CRLF
        for (const Chunker &c : {Chunker{}, fixedChunks(1), randomChunks(5, 20)}) {
            const Decoded d = decode(data, c);
            QCOMPARE(d.events.size(), std::size_t(3));
            QCOMPARE(qs(d.events[2].orderId), QStringLiteral("O-L5"));
            QCOMPARE(d.quarantine.size(), std::size_t(1));
            QCOMPARE(d.quarantine[0].line, std::int64_t(4));
            QCOMPARE(d.quarantine[0].offset, std::int64_t(l1.size() + 4 + l3.size() + 2));
            QCOMPARE(qs(d.quarantine[0].raw), QStringLiteral("{\"order_id\":\"O-4\"}"));
            QCOMPARE(qs(d.quarantine[0].reason), QStringLiteral("missing event_time"));
        }
    }

    void countersAndSourceResetOnBegin()
    {
        const auto owner = makeDecoder();
        NdjsonDecoder &decoder = *owner;
        optest::CollectingHandler handler;
        decoder.begin("first.ndjson", handler);
        decoder.feed(goodLine(1) + "\n[]\n{\"order_id\":\"unfinished");
        QCOMPARE(decoder.accepted(), std::int64_t(1));
        QCOMPARE(decoder.quarantined(), std::int64_t(1));
        QCOMPARE(qs(handler.quarantine[0].source), QStringLiteral("first.ndjson"));
        // A new input starts clean: counters, line numbers, offsets and the unfinished line.
        decoder.begin("second.ndjson", handler);
        decoder.feed("\n" + goodLine(2) + "\n[]");
        decoder.finish();
        QCOMPARE(decoder.accepted(), std::int64_t(1));
        QCOMPARE(decoder.quarantined(), std::int64_t(1));
        QCOMPARE(handler.events.size(), std::size_t(2));
        QCOMPARE(handler.quarantine.size(), std::size_t(2));
        QCOMPARE(handler.quarantine[1].line, std::int64_t(3));
        QCOMPARE(handler.quarantine[1].offset, std::int64_t(goodLine(2).size() + 2));
        QCOMPARE(qs(handler.quarantine[1].source), QStringLiteral("second.ndjson"));
    }
};

QTEST_GUILESS_MAIN(TestNdjson)
#include "tst_ndjson.moc"
