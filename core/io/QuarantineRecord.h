#pragma once

#include <cstdint>
#include <string>

namespace op {

// A record that could not be accepted, with where it came from and why, in words a person
// understands. `raw` holds at most kMaxRawBytes of the original record (valid UTF-8 or
// escaped), so a 3 MB bad line does not become a 3 MB quarantine row.
struct QuarantineRecord
{
    static constexpr std::size_t kMaxRawBytes = 4096;

    std::string source;      // file path, or "topic/partition" for Kafka
    std::int64_t line = 0;   // 1-based line (files); 0 when not line-oriented
    std::int64_t offset = 0; // byte offset of the record in the file, or the Kafka offset
    std::string reason;
    std::string raw;
};

// Truncates to kMaxRawBytes and replaces invalid UTF-8 with U+FFFD so the text can be stored anywhere.
std::string sanitizeRaw(std::string_view raw);

} // namespace op
