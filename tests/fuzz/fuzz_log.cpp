// libFuzzer target for LogDecoder: any chunking gives the same events, quarantine records and
// skipped lines, nothing throws or crashes, and every accepted event survives LogEncoder ->
// LogDecoder unchanged.
#include "io/LogDecoder.h"
#include "io/LogEncoder.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

struct Collected final : op::EventHandler
{
    void onEvent(op::OrderEvent &event) override { events.push_back(event); }
    void onQuarantine(op::QuarantineRecord &&record) override { records.push_back(std::move(record)); }

    std::vector<op::OrderEvent> events;
    std::vector<op::QuarantineRecord> records;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
    std::int64_t skipped = 0;
};

bool sameRecords(const Collected &a, const Collected &b)
{
    if (a.events != b.events || a.records.size() != b.records.size() || a.accepted != b.accepted ||
        a.quarantined != b.quarantined || a.skipped != b.skipped)
        return false;
    for (std::size_t i = 0; i < a.records.size(); ++i) {
        const op::QuarantineRecord &x = a.records[i];
        const op::QuarantineRecord &y = b.records[i];
        if (x.line != y.line || x.offset != y.offset || x.reason != y.reason || x.raw != y.raw)
            return false;
    }
    return true;
}

// Chunk sizes from a small generator seeded by the input, so libFuzzer explores the splits too.
// step 0: the whole input at once.
Collected decode(std::string_view input, std::uint32_t seed, std::size_t maxStep)
{
    op::ValidationRules rules;
    rules.nowMs = 1772409600000; // fixed "now": results must not depend on the clock
    Collected out;
    op::LogDecoder decoder;
    decoder.setRules(rules);
    decoder.begin("fuzz", out);
    if (maxStep == 0) {
        decoder.feed(input);
    } else {
        std::size_t i = 0;
        while (i < input.size()) {
            seed = seed * 1103515245u + 12345u;
            const std::size_t step = 1 + (seed >> 16) % maxStep;
            decoder.feed(input.substr(i, step));
            i += step;
        }
    }
    decoder.finish();
    out.accepted = decoder.accepted();
    out.quarantined = decoder.quarantined();
    out.skipped = decoder.skipped();
    return out;
}

[[noreturn]] void failure(const char *what)
{
    std::fprintf(stderr, "fuzz_log: %s\n", what);
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    std::uint32_t seed = 2166136261u;
    for (const char c : input.substr(0, 64))
        seed = (seed ^ static_cast<unsigned char>(c)) * 16777619u;

    const Collected whole = decode(input, seed, 0);
    if (!sameRecords(whole, decode(input, seed, 1)))
        failure("byte-at-a-time decoding differs from whole-input decoding");
    if (!sameRecords(whole, decode(input, seed, 97)))
        failure("chunked decoding differs from whole-input decoding");
    if (whole.accepted + whole.quarantined !=
        static_cast<std::int64_t>(whole.events.size() + whole.records.size()))
        failure("counters disagree with what the handler received");

    // What was accepted is written and read back unchanged.
    std::string log;
    op::LogEncoder encoder;
    encoder.begin([&log](std::string_view bytes) { log += bytes; });
    for (const op::OrderEvent &e : whole.events)
        encoder.write(e);
    encoder.finish();
    const Collected again = decode(log, seed, 0);
    if (!again.records.empty())
        failure(("re-encoded event quarantined: " + again.records.front().reason).c_str());
    if (again.skipped != 0)
        failure("a re-encoded event was not recognised as an order event");
    if (again.events != whole.events)
        failure("events differ after LogEncoder -> LogDecoder");
    return 0;
}
