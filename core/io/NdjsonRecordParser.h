#pragma once

#include "io/Validation.h"
#include "model/OrderEvent.h"

#include <memory>
#include <string>
#include <string_view>

namespace op {

// Decodes one JSON object into an OrderEvent with simdjson's On-Demand API, then applies the
// validation rules. One parser, one padded buffer and a pool of item-name strings are reused,
// so a steady stream of records allocates nothing. simdjson stays out of this header (pimpl):
// it is large, and only this file needs it.
class NdjsonRecordParser
{
public:
    // simdjson reads up to this many bytes past the end of a record (their value is irrelevant).
    static constexpr std::size_t kPadding = 64;

    NdjsonRecordParser();
    ~NdjsonRecordParser();
    NdjsonRecordParser(const NdjsonRecordParser &) = delete;
    NdjsonRecordParser &operator=(const NdjsonRecordParser &) = delete;

    // Decodes `json` (copied into the padded buffer). Returns false on failure; reason() says why.
    // `out` is overwritten either way.
    bool parse(std::string_view json, OrderEvent &out);
    // Same, without the copy: data[len, capacity) must be readable and capacity >= len + kPadding.
    bool parsePadded(const char *data, std::size_t len, std::size_t capacity, OrderEvent &out);

    [[nodiscard]] const std::string &reason() const { return m_reason; }

    [[nodiscard]] const ValidationRules &rules() const { return m_rules; }
    void setRules(const ValidationRules &rules);
    // With rules().nowMs == 0 ("use the clock"), reads the clock once for the records that
    // follow, rather than once per record (a measurable cost at millions of records per
    // second). Call it per input chunk or message; until it is first called every record
    // reads the clock.
    void refreshClock();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::string m_reason;
    ValidationRules m_rules;
    ValidationRules m_effectiveRules; // m_rules with nowMs filled in by refreshClock()
};

} // namespace op
