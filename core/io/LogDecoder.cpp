#include "io/LogDecoder.h"

#include "io/FieldReasons.h"

#include <algorithm>
#include <utility>

namespace op {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isBlank(std::string_view line)
{
    return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; });
}

} // namespace

LogDecoder::LogDecoder(LogTimeZone zone)
    : m_parser(std::move(zone))
{
}

void LogDecoder::begin(std::string source, EventHandler &handler)
{
    m_source = std::move(source);
    m_handler = &handler;
    m_accepted = 0;
    m_quarantined = 0;
    m_skipped = 0;
    m_lines.reset();
}

void LogDecoder::feed(std::string_view bytes)
{
    m_lines.feed(
        bytes,
        [this](const char *data, std::size_t len, std::size_t) {
            processLine({data, len});
        },
        [this](std::string_view head, std::size_t len) { processOversizedLine(head, len); });
}

void LogDecoder::finish()
{
    m_lines.finish(
        [this](const char *data, std::size_t len, std::size_t) {
            processLine({data, len});
        },
        [this](std::string_view head, std::size_t len) { processOversizedLine(head, len); });
}

void LogDecoder::processLine(std::string_view line)
{
    // Unlike NDJSON, the log decoder counts a BOM as part of line 1 (offset 0, kept in the raw
    // bytes); only its words are read without it.
    if (m_lines.line() == 1 && line.starts_with(kBom))
        line.remove_prefix(kBom.size());
    if (isBlank(line))
        return;
    if (line.size() > LineSplitter::kMaxLine) {
        if (LogLineParser::isOrderEventLine(line.substr(0, QuarantineRecord::kMaxRawBytes)))
            quarantine(tooLongReason(line.size()), line);
        else
            ++m_skipped;
        return;
    }
    const LogLineParser::Kind kind = m_parser.parse(line, m_event);
    if (kind == LogLineParser::Kind::Other) {
        ++m_skipped;
        return;
    }
    if (!isValidUtf8(line)) {
        quarantine(std::string(reason::kInvalidUtf8), line);
        return;
    }
    if (kind == LogLineParser::Kind::Broken) {
        quarantine(m_parser.reason(), line);
        return;
    }
    if (auto reason = validateEvent(m_event, m_rules)) {
        quarantine(std::move(*reason), line);
        return;
    }
    ++m_accepted;
    if (m_handler)
        m_handler->onEvent(m_event);
}

void LogDecoder::processOversizedLine(std::string_view head, std::size_t len)
{
    std::string_view words = head;
    if (m_lines.line() == 1 && words.starts_with(kBom))
        words.remove_prefix(kBom.size());
    if (LogLineParser::isOrderEventLine(words))
        quarantine(tooLongReason(len), head);
    else
        ++m_skipped;
}

void LogDecoder::quarantine(std::string reason, std::string_view raw)
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
