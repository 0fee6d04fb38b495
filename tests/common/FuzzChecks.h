#pragma once

// The checks the decoder fuzz targets share: any chunking gives the same result, the counters
// agree with the handler, and what was accepted survives encoder -> decoder unchanged.
// A failed check prints "<target>: <what>" and aborts, which libFuzzer reports with the input.

#include "ChunkedFeed.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace optest {

[[noreturn]] inline void fuzzFailure(const char *target, const char *what)
{
    std::fprintf(stderr, "%s: %s\n", target, what);
    std::abort();
}

// `decode(bytes, seed, maxStep)` decodes with a fresh decoder fed by feedInSeededChunks.
// `roundTrip` names the pair in the message ("XmlEncoder -> XmlDecoder").
template<class Decode>
void checkDecoding(const char *target, std::string_view input, op::Encoder &encoder, const char *roundTrip,
                   Decode decode)
{
    const std::uint32_t seed = inputSeed(input);
    const DecodeResult whole = decode(input, seed, 0);
    if (!sameResult(whole, decode(input, seed, 1)))
        fuzzFailure(target, "byte-at-a-time decoding differs from whole-input decoding");
    if (!sameResult(whole, decode(input, seed, 97)))
        fuzzFailure(target, "chunked decoding differs from whole-input decoding");
    if (whole.accepted + whole.quarantined !=
        static_cast<std::int64_t>(whole.events.size() + whole.quarantine.size()))
        fuzzFailure(target, "counters disagree with what the handler received");

    const DecodeResult again = decode(encodeAll(encoder, whole.events), seed, 0);
    if (!again.quarantine.empty())
        fuzzFailure(target, ("re-encoded event quarantined: " + again.quarantine.front().reason).c_str());
    if (again.skipped != 0)
        fuzzFailure(target, "a re-encoded event was not recognised as an order event");
    if (again.events != whole.events)
        fuzzFailure(target, (std::string("events differ after ") + roundTrip).c_str());
}

} // namespace optest
