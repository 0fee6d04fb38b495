#include "io/NdjsonDecoder.h"

#include "io/NdjsonReasons.h"

namespace op {

namespace {

bool isBlank(const char *data, std::size_t len)
{
    for (std::size_t i = 0; i < len; ++i)
        if (data[i] != ' ' && data[i] != '\t' && data[i] != '\r')
            return false;
    return true;
}

} // namespace

NdjsonDecoder::NdjsonDecoder() = default;

void NdjsonDecoder::begin(std::string source, EventHandler &handler)
{
    m_source = std::move(source);
    m_handler = &handler;
    m_accepted = 0;
    m_quarantined = 0;
    m_lines.reset();
}

void NdjsonDecoder::feed(std::string_view bytes)
{
    m_parser.refreshClock(); // one clock read per chunk: the records in it arrived together
    m_lines.feed(
        bytes,
        [this](const char *data, std::size_t len, std::size_t capacity) { processLine(data, len, capacity); },
        [this](std::string_view head, std::size_t len) { processOversizedLine(head, len); });
}

void NdjsonDecoder::finish()
{
    m_parser.refreshClock();
    m_lines.finish(
        [this](const char *data, std::size_t len, std::size_t capacity) { processLine(data, len, capacity); },
        [this](std::string_view head, std::size_t len) { processOversizedLine(head, len); });
}

void NdjsonDecoder::processLine(const char *data, std::size_t len, std::size_t capacity)
{
    if (isBlank(data, len))
        return;
    if (len > LineSplitter::kMaxLine) {
        quarantine(tooLongReason(len), {data, len});
        return;
    }
    // Parse in place when simdjson's padding fits in what is readable.
    const bool ok = capacity >= len + NdjsonRecordParser::kPadding
                        ? m_parser.parsePadded(data, len, capacity, m_event)
                        : m_parser.parse({data, len}, m_event);
    if (!ok) {
        quarantine(m_parser.reason(), {data, len});
        return;
    }
    ++m_accepted;
    if (m_handler)
        m_handler->onEvent(m_event);
}

void NdjsonDecoder::processOversizedLine(std::string_view head, std::size_t len)
{
    quarantine(tooLongReason(len), head);
}

std::optional<std::string> NdjsonDecoder::decodeRecord(std::string_view json, OrderEvent &out)
{
    if (isBlank(json.data(), json.size())) {
        out.clear();
        return std::string(ndjson::kEmptyRecord);
    }
    m_parser.refreshClock();
    if (m_parser.parse(json, out))
        return std::nullopt;
    return m_parser.reason();
}

void NdjsonDecoder::quarantine(std::string reason, std::string_view raw)
{
    ++m_quarantined;
    if (!m_handler)
        return;
    QuarantineRecord record;
    record.source = m_source;
    record.line = m_lines.line();
    record.offset = m_lines.lineStart();
    record.reason = std::move(reason);
    record.raw = sanitizeRaw(raw);
    m_handler->onQuarantine(std::move(record));
}

} // namespace op
