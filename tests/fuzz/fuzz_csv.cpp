// Fuzzes the CSV decoder. The first byte picks a mapping (built-in, an invoice profile, a
// semicolon/epoch profile); the rest is the file. Checks, for every input:
//  - decoding whole, byte by byte and in uneven chunks gives the same events and quarantine
//    records (reason, line, offset, raw);
//  - counters match what the handler received, quarantine records are bounded valid UTF-8;
//  - accepted events written by CsvEncoder and decoded again come back equal (unless two
//    neighbours share order_id, type and time: CSV rows cannot tell them apart).
#include "io/CsvDecoder.h"
#include "io/CsvEncoder.h"
#include "io/Validation.h"

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr op::TimestampMs kNow = 1780272000000; // fixed, so that no run depends on the clock

class Collector : public op::EventHandler
{
public:
    void onEvent(op::OrderEvent &event) override { events.push_back(event); }
    void onQuarantine(op::QuarantineRecord &&record) override { quarantine.push_back(std::move(record)); }

    std::vector<op::OrderEvent> events;
    std::vector<op::QuarantineRecord> quarantine;
};

bool sameRecords(const std::vector<op::QuarantineRecord> &a, const std::vector<op::QuarantineRecord> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].reason != b[i].reason || a[i].line != b[i].line || a[i].offset != b[i].offset ||
            a[i].raw != b[i].raw || a[i].source != b[i].source)
            return false;
    return true;
}

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "fuzz_csv: %s\n", what);
        __builtin_trap();
    }
}

const op::CsvMapping &mapping(unsigned which)
{
    static const op::CsvMapping builtin = op::CsvMapping::builtin();
    static const op::CsvMapping invoice = *op::CsvMapping::fromJson(R"({
        "fields": {"order_id": "InvoiceNo",
                   "event_time": {"column": "InvoiceDate", "format": "M/d/yyyy H:mm", "time_zone": "Europe/London"},
                   "customer_id": {"column": "CustomerID", "strip_suffix": ".0"}, "merchant_id": {"value": "shop"},
                   "region": "Country", "item_name": "Description", "qty": "Quantity",
                   "unit_price": {"column": "UnitPrice", "scale": 100}},
        "skip": [{"column": "InvoiceNo", "prefix": "C"}]})");
    static const op::CsvMapping semicolon = *op::CsvMapping::fromJson(R"({
        "delimiter": ";", "missing_columns": "absent",
        "fields": {"order_id": "id", "event_time": {"column": "ts", "format": "epoch_ms", "time_zone": "America/New_York"},
                   "type": "kind", "customer_id": "who", "amount": {"column": "total", "scale": 1000},
                   "rating": "stars", "status": "state", "delivery_fee": {"value": "2.5"}}})");
    switch (which % 3) {
    case 0:
        return builtin;
    case 1:
        return invoice;
    default:
        return semicolon;
    }
}

struct Result
{
    Collector out;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
};

// cuts: where to split the input between feed() calls.
Result decode(const op::CsvMapping &m, std::string_view input, const std::vector<std::size_t> &cuts)
{
    op::ValidationRules rules;
    rules.nowMs = kNow;
    op::CsvDecoder decoder(m, rules);
    Result r;
    decoder.begin("fuzz", r.out);
    std::size_t at = 0;
    for (const std::size_t cut : cuts) {
        decoder.feed(input.substr(at, cut - at));
        at = cut;
    }
    decoder.feed(input.substr(at));
    decoder.finish();
    r.accepted = decoder.accepted();
    r.quarantined = decoder.quarantined();
    return r;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0)
        return 0;
    const op::CsvMapping &m = mapping(data[0]);
    const std::string_view input(reinterpret_cast<const char *>(data) + 1, size - 1);

    const Result whole = decode(m, input, {});
    check(whole.accepted == static_cast<std::int64_t>(whole.out.events.size()),
          "accepted() differs from events");
    check(whole.quarantined == static_cast<std::int64_t>(whole.out.quarantine.size()),
          "quarantined() differs");
    for (const op::QuarantineRecord &q : whole.out.quarantine) {
        check(q.line >= 1 && q.offset >= 0 && q.offset <= static_cast<std::int64_t>(input.size()),
              "bad position");
        check(q.raw.size() <= 3 * op::QuarantineRecord::kMaxRawBytes, "raw too big");
        check(op::isValidUtf8(q.raw) && !q.reason.empty(), "bad quarantine text");
    }

    std::vector<std::size_t> bytewise;
    for (std::size_t i = 1; i < input.size(); ++i)
        bytewise.push_back(i);
    const Result single = decode(m, input, bytewise);
    check(single.out.events == whole.out.events, "byte-at-a-time events differ");
    check(sameRecords(single.out.quarantine, whole.out.quarantine), "byte-at-a-time quarantine differs");

    std::vector<std::size_t> uneven; // split after every byte whose value is odd: data-driven chunks
    for (std::size_t i = 0; i < input.size(); ++i)
        if ((static_cast<unsigned char>(input[i]) & 1) != 0 && i + 1 < input.size())
            uneven.push_back(i + 1);
    const Result chunks = decode(m, input, uneven);
    check(chunks.out.events == whole.out.events, "chunked events differ");
    check(sameRecords(chunks.out.quarantine, whole.out.quarantine), "chunked quarantine differs");

    const std::vector<op::OrderEvent> &events = whole.out.events;
    for (std::size_t i = 1; i < events.size(); ++i)
        if (events[i].orderId == events[i - 1].orderId && events[i].type == events[i - 1].type &&
            events[i].eventTime == events[i - 1].eventTime)
            return 0;
    std::string csv;
    op::CsvEncoder encoder;
    encoder.begin([&csv](std::string_view bytes) { csv.append(bytes); });
    for (const op::OrderEvent &e : events)
        encoder.write(e);
    encoder.finish();
    const Result again = decode(op::CsvMapping::builtin(), csv, {});
    check(again.out.quarantine.empty(), "re-encoded events were quarantined");
    check(again.out.events == events, "round trip changed an event");
    return 0;
}
