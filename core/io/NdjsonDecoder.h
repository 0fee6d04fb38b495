#pragma once

#include "io/Decoder.h"
#include "io/LineSplitter.h"
#include "io/NdjsonRecordParser.h"

#include <optional>
#include <string>
#include <string_view>

namespace op {

// Decodes NDJSON (one OrderEvent object per line, DESIGN.md) with simdjson On-Demand.
//
// Lines end with \n or \r\n; blank lines are skipped; a UTF-8 byte order mark at the very start
// is skipped; the last line may lack its newline. Every bad line goes to quarantine with its
// 1-based line number, the byte offset of its first byte in the input (offsets count a BOM:
// after one, line 1 starts at offset 3), a reason (io/NdjsonReasons.h, io/FieldReasons.h, op::tooLongReason,
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
    // A line of the input without its terminator: `capacity` bytes from `data` are readable.
    void processLine(const char *data, std::size_t len, std::size_t capacity);
    void processOversizedLine(std::string_view head, std::size_t len);
    void quarantine(std::string reason, std::string_view raw);

    NdjsonRecordParser m_parser;
    OrderEvent m_event;
    EventHandler *m_handler = nullptr;
    std::string m_source;

    LineSplitter m_lines{LineSplitter::Bom::Skip, NdjsonRecordParser::kPadding};
};

} // namespace op
