// libFuzzer target for the NDJSON codec. Invariants checked on every input:
//  - nothing throws or crashes, whatever the bytes;
//  - feeding the input whole or in chunks (sizes derived from the input) gives the same events
//    and the same quarantine records (line, offset, reason, raw);
//  - quarantine records are well formed (1-based line, offset inside the input, a short
//    reason, raw text that is valid UTF-8 and at most kMaxRawBytes);
//  - every accepted event, encoded again, decodes to the same event (the Kafka path).
#include "io/FieldReasons.h"
#include "io/NdjsonDecoder.h"
#include "io/NdjsonEncoder.h"
#include "io/NdjsonReasons.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

class Collector : public op::EventHandler
{
public:
    void onEvent(op::OrderEvent &event) override { events.push_back(event); }
    void onQuarantine(op::QuarantineRecord &&record) override { quarantine.push_back(std::move(record)); }

    std::vector<op::OrderEvent> events;
    std::vector<op::QuarantineRecord> quarantine;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
};

void check(bool ok, const char *what)
{
    if (!ok) {
        std::fprintf(stderr, "invariant broken: %s\n", what);
        std::abort();
    }
}

op::ValidationRules fixedRules()
{
    op::ValidationRules rules;
    rules.nowMs = 1772409600000; // 2026-03-02: results must not depend on the clock
    return rules;
}

// chunked == false: one feed() with everything.
Collector decode(std::string_view input, bool chunked)
{
    op::NdjsonDecoder decoder;
    decoder.setRules(fixedRules());
    Collector c;
    decoder.begin("fuzz", c);
    std::size_t pos = 0;
    while (pos < input.size()) {
        std::size_t n = input.size() - pos;
        if (chunked)
            n = std::min(n, 1 + (static_cast<unsigned char>(input[pos]) ^ (pos * 131)) % 67);
        decoder.feed(input.substr(pos, n));
        pos += n;
    }
    decoder.finish();
    c.accepted = decoder.accepted();
    c.quarantined = decoder.quarantined();
    return c;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const Collector whole = decode(input, false);
    const Collector chunked = decode(input, true);

    check(whole.accepted == static_cast<std::int64_t>(whole.events.size()), "accepted counter");
    check(whole.quarantined == static_cast<std::int64_t>(whole.quarantine.size()), "quarantined counter");
    check(whole.accepted == chunked.accepted && whole.quarantined == chunked.quarantined, "same counts");
    check(whole.events == chunked.events, "same events");
    for (std::size_t i = 0; i < whole.quarantine.size(); ++i) {
        const op::QuarantineRecord &a = whole.quarantine[i];
        const op::QuarantineRecord &b = chunked.quarantine[i];
        check(a.line == b.line && a.offset == b.offset && a.reason == b.reason && a.raw == b.raw,
              "same quarantine records");
        check(a.line >= 1 && a.offset >= 0 && a.offset <= static_cast<std::int64_t>(size), "position");
        check(!a.reason.empty() && a.reason.size() <= op::reason::kMaxReasonBytes + 3, "reason length");
        check(a.raw.size() <= op::QuarantineRecord::kMaxRawBytes + 3 && op::isValidUtf8(a.raw), "raw text");
        check(i == 0 || a.line > whole.quarantine[i - 1].line, "lines increase");
    }

    op::NdjsonDecoder single;
    single.setRules(fixedRules());
    op::NdjsonEncoder encoder;
    op::OrderEvent back;
    std::string json;
    for (const op::OrderEvent &e : whole.events) {
        json.clear();
        encoder.encode(e, json);
        const auto reason = single.decodeRecord(json, back);
        if (reason)
            std::fprintf(stderr, "re-encoded record rejected: %s\n%s\n", reason->c_str(), json.c_str());
        check(!reason, "re-encoded record accepted");
        check(back == e, "re-encoded record decodes to the same event");
    }
    // The whole input as one Kafka message: must not crash; the result is not checked.
    (void)single.decodeRecord(input, back);
    return 0;
}
