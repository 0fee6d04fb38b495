#include "io/LogDecoder.h"

#include "io/FieldReasons.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace op {

namespace {

constexpr std::size_t kMaxLine = ValidationRules::kMaxRecordBytes;
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
    m_line = 0;
    m_lineStart = 0;
    m_consumed = 0;
    m_partial.clear();
    m_oversized = false;
    m_oversizedBytes = 0;
    m_oversizedEndsWithCr = false;
}

void LogDecoder::feed(std::string_view bytes)
{
    const char *p = bytes.data();
    const char *const end = p + bytes.size();
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char *segmentEnd = nl ? nl : end;
        const auto segment = static_cast<std::size_t>(segmentEnd - p);
        m_consumed += static_cast<std::int64_t>(segment) + (nl ? 1 : 0);

        if (!m_oversized && m_partial.empty() && nl) {
            processLine({p, segment}); // the usual case: the whole line is in this chunk
        } else if (!m_oversized && m_partial.size() + segment <= kMaxLine + 1) {
            // +1: a \r before the \n is not part of the line.
            m_partial.append(p, segment);
            if (nl) {
                processLine(m_partial);
                m_partial.clear();
            }
        } else {
            // Over the limit: keep only what the quarantine record shows, count the rest.
            if (!m_oversized) {
                m_oversized = true;
                m_oversizedBytes = m_partial.size();
                if (m_partial.size() < QuarantineRecord::kMaxRawBytes)
                    m_partial.append(p, std::min(segment, QuarantineRecord::kMaxRawBytes - m_partial.size()));
                else
                    m_partial.resize(QuarantineRecord::kMaxRawBytes);
            }
            m_oversizedBytes += segment;
            if (segment > 0)
                m_oversizedEndsWithCr = segmentEnd[-1] == '\r';
            if (nl)
                finishOversizedLine();
        }
        if (!nl)
            return;
        m_lineStart = m_consumed;
        p = nl + 1;
    }
}

void LogDecoder::finish()
{
    if (m_oversized) {
        finishOversizedLine();
    } else if (!m_partial.empty()) {
        processLine(m_partial);
        m_partial.clear();
    }
    m_lineStart = m_consumed;
}

void LogDecoder::processLine(std::string_view line)
{
    ++m_line;
    if (!line.empty() && line.back() == '\r')
        line.remove_suffix(1);
    if (m_line == 1 && line.starts_with(kBom))
        line.remove_prefix(kBom.size());
    if (isBlank(line))
        return;
    if (line.size() > kMaxLine) {
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

void LogDecoder::finishOversizedLine()
{
    ++m_line;
    const std::size_t len = m_oversizedBytes - (m_oversizedEndsWithCr ? 1 : 0);
    std::string_view head = m_partial;
    if (m_line == 1 && head.starts_with(kBom))
        head.remove_prefix(kBom.size());
    if (LogLineParser::isOrderEventLine(head))
        quarantine(tooLongReason(len), m_partial);
    else
        ++m_skipped;
    m_partial.clear();
    m_oversized = false;
    m_oversizedBytes = 0;
    m_oversizedEndsWithCr = false;
}

void LogDecoder::quarantine(std::string reason, std::string_view raw)
{
    ++m_quarantined;
    if (!m_handler)
        return;
    QuarantineRecord record;
    record.source = m_source;
    record.line = m_line;
    record.offset = m_lineStart;
    record.reason = std::move(reason);
    record.raw = sanitizeRaw(raw);
    m_handler->onQuarantine(std::move(record));
}

} // namespace op
