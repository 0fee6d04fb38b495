#pragma once

#include "io/Decoder.h"
#include "io/NdjsonRecordParser.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace op {

// Decodes NDJSON (one OrderEvent object per line, DESIGN.md) with simdjson On-Demand.
//
// Lines end with \n or \r\n; blank lines are skipped; a UTF-8 byte order mark at the very start
// is skipped; the last line may lack its newline. Every bad line goes to quarantine with its
// 1-based line number, the byte offset of its first byte in the input (offsets count a BOM:
// after one, line 1 starts at offset 3), a reason (io/NdjsonReasons.h, op::tooLongReason,
// op::validateEvent) and its sanitized bytes; decoding then goes on with the next line. A line
// over 1 MiB is never buffered whole: the rest of it is counted and dropped.
//
// The event passed to onEvent is reused for the next record (its strings keep their capacity),
// so steady-state decoding allocates nothing.
class NdjsonDecoder : public Decoder
{
public:
    NdjsonDecoder();

    void begin(std::string source, EventHandler &handler) override;
    void feed(std::string_view bytes) override;
    void finish() override;

    // One record without its newline (a Kafka message value), same rules as a line. Returns
    // the quarantine reason on failure (then `out` holds whatever was decoded so far). Does not
    // touch the counters or the handler; may be called between feed() calls.
    std::optional<std::string> decodeRecord(std::string_view json, OrderEvent &out);

    [[nodiscard]] const ValidationRules &rules() const { return m_parser.rules(); }
    void setRules(const ValidationRules &rules) { m_parser.setRules(rules); }

private:
    void feedLines(const char *data, std::size_t size);
    // A complete line of the input: `capacity` bytes from `data` are readable (the line, its
    // terminator and whatever follows in the same chunk).
    void processLine(const char *data, std::size_t len, std::size_t capacity);
    void finishOversizedLine();
    void quarantine(std::string reason, std::string_view raw);

    NdjsonRecordParser m_parser;
    OrderEvent m_event;
    EventHandler *m_handler = nullptr;
    std::string m_source;

    std::int64_t m_line = 0;      // lines completed so far
    std::int64_t m_lineStart = 0; // offset of the current line's first byte
    std::int64_t m_consumed = 0;  // bytes of input taken so far (BOM included)
    std::string m_partial;        // the current line, when it spans feed() calls
    bool m_oversized = false;     // the current line passed the limit: counting, not keeping
    std::size_t m_oversizedBytes = 0;
    bool m_oversizedEndsWithCr = false;

    // The first bytes of the input, held until it is known whether they are a BOM.
    std::array<char, 3> m_head{};
    std::size_t m_headSize = 0;
    bool m_headDone = false;
};

} // namespace op
