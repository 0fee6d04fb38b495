#pragma once

// Driving a decoder or an encoder the way the codec tests and fuzz targets do, without Qt Test.

#include "CollectingHandler.h"
#include "io/Decoder.h"
#include "io/Encoder.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace optest {

// Feeds `bytes` in pieces of `chunk` bytes (0: all in one feed()).
inline void feedInChunks(op::Decoder &decoder, std::string_view bytes, std::size_t chunk)
{
    if (chunk == 0) {
        decoder.feed(bytes);
        return;
    }
    for (std::size_t i = 0; i < bytes.size(); i += chunk)
        decoder.feed(bytes.substr(i, chunk));
}

// Feeds `bytes` in pieces of 1..maxStep bytes drawn from a small generator seeded by `seed`
// (maxStep 0: all in one feed()), so a fuzzer explores the splits too.
inline void feedInSeededChunks(op::Decoder &decoder, std::string_view bytes, std::uint32_t seed,
                               std::size_t maxStep)
{
    if (maxStep == 0) {
        decoder.feed(bytes);
        return;
    }
    std::size_t i = 0;
    while (i < bytes.size()) {
        seed = seed * 1103515245u + 12345u;
        const std::size_t step = 1 + (seed >> 16) % maxStep;
        decoder.feed(bytes.substr(i, step));
        i += step;
    }
}

// FNV-1a of the first 64 bytes: a fuzz input's own seed for feedInSeededChunks.
inline std::uint32_t inputSeed(std::string_view input)
{
    std::uint32_t seed = 2166136261u;
    for (const char c : input.substr(0, 64))
        seed = (seed ^ static_cast<unsigned char>(c)) * 16777619u;
    return seed;
}

// What one decoding produced. `skipped` is for decoders that skip lines (LogDecoder).
struct DecodeResult
{
    std::vector<op::OrderEvent> events;
    std::vector<op::QuarantineRecord> quarantine;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
    std::int64_t skipped = 0;
};

inline DecodeResult takeResult(CollectingHandler &handler, const op::Decoder &decoder)
{
    return {std::move(handler.events), std::move(handler.quarantine), decoder.accepted(),
            decoder.quarantined(), 0};
}

// Same events, counters and quarantine records (line, offset, reason, raw).
inline bool sameResult(const DecodeResult &a, const DecodeResult &b)
{
    if (a.events != b.events || a.quarantine.size() != b.quarantine.size() || a.accepted != b.accepted ||
        a.quarantined != b.quarantined || a.skipped != b.skipped)
        return false;
    for (std::size_t i = 0; i < a.quarantine.size(); ++i) {
        const op::QuarantineRecord &x = a.quarantine[i];
        const op::QuarantineRecord &y = b.quarantine[i];
        if (x.line != y.line || x.offset != y.offset || x.reason != y.reason || x.raw != y.raw)
            return false;
    }
    return true;
}

// The bytes `encoder` writes for `events`, header and footer included.
inline std::string encodeAll(op::Encoder &encoder, const std::vector<op::OrderEvent> &events)
{
    std::string out;
    encoder.begin([&out](std::string_view bytes) { out += bytes; });
    for (const op::OrderEvent &e : events)
        encoder.write(e);
    encoder.finish();
    return out;
}

} // namespace optest
