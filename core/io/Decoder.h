#pragma once

#include "io/EventHandler.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace op {

// Turns bytes into OrderEvents, streaming: feed() takes any chunking of the input (one byte at
// a time or the whole file) and the events and quarantine records that come out are the same.
// A decoder never throws on bad input and never stops early: every malformed record goes to
// the handler's onQuarantine with a reason, and decoding goes on with the next record.
class Decoder
{
public:
    virtual ~Decoder() = default;

    // `source` names the input in quarantine records (a file path, a topic/partition).
    virtual void begin(std::string source, EventHandler &handler) = 0;
    virtual void feed(std::string_view bytes) = 0;
    // End of input: decodes what is left (a last line without a newline, ...).
    virtual void finish() = 0;

    // Counters since begin().
    std::int64_t accepted() const { return m_accepted; }
    std::int64_t quarantined() const { return m_quarantined; }

protected:
    std::int64_t m_accepted = 0;
    std::int64_t m_quarantined = 0;
};

} // namespace op
