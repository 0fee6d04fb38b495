#include "io/NdjsonDecoder.h"

#include "io/NdjsonReasons.h"

#include <algorithm>
#include <cstring>

namespace op {

namespace {

constexpr std::size_t kMaxLine = ValidationRules::kMaxRecordBytes;
constexpr std::array<char, 3> kBom{'\xEF', '\xBB', '\xBF'};

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
    m_line = 0;
    m_lineStart = 0;
    m_consumed = 0;
    m_partial.clear();
    m_oversized = false;
    m_oversizedBytes = 0;
    m_oversizedEndsWithCr = false;
    m_headSize = 0;
    m_headDone = false;
}

void NdjsonDecoder::feed(std::string_view bytes)
{
    m_parser.refreshClock(); // one clock read per chunk: the records in it arrived together
    if (!m_headDone) {
        // Hold the first bytes until they either complete a BOM or differ from it.
        while (!bytes.empty() && !m_headDone) {
            m_head[m_headSize] = bytes.front();
            bytes.remove_prefix(1);
            if (m_head[m_headSize] != kBom[m_headSize]) {
                m_headDone = true;
                feedLines(m_head.data(), m_headSize + 1);
            } else if (++m_headSize == kBom.size()) {
                m_headDone = true;
                m_consumed = m_lineStart = static_cast<std::int64_t>(kBom.size());
            }
        }
        if (!m_headDone)
            return;
    }
    feedLines(bytes.data(), bytes.size());
}

void NdjsonDecoder::feedLines(const char *data, std::size_t size)
{
    const char *p = data;
    const char *const end = data + size;
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char *segmentEnd = nl ? nl : end;
        const auto segment = static_cast<std::size_t>(segmentEnd - p);
        m_consumed += static_cast<std::int64_t>(segment) + (nl ? 1 : 0);

        if (!m_oversized && m_partial.empty() && nl) {
            // The usual case: the whole line is in this chunk; parse it in place when simdjson's
            // padding fits before the chunk ends.
            processLine(p, segment, static_cast<std::size_t>(end - p));
        } else if (!m_oversized && m_partial.size() + segment <= kMaxLine + 1) {
            // +1: a \r before the \n is not part of the record.
            m_partial.append(p, segment);
            if (nl) {
                if (m_partial.capacity() < m_partial.size() + NdjsonRecordParser::kPadding)
                    m_partial.reserve(m_partial.size() + NdjsonRecordParser::kPadding);
                processLine(m_partial.data(), m_partial.size(), m_partial.capacity());
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

void NdjsonDecoder::processLine(const char *data, std::size_t len, std::size_t capacity)
{
    ++m_line;
    if (len > 0 && data[len - 1] == '\r')
        --len;
    if (isBlank(data, len))
        return;
    if (len > kMaxLine) {
        quarantine(tooLongReason(len), {data, len});
        return;
    }
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

void NdjsonDecoder::finishOversizedLine()
{
    ++m_line;
    const std::size_t len = m_oversizedBytes - (m_oversizedEndsWithCr ? 1 : 0);
    quarantine(tooLongReason(len), m_partial);
    m_partial.clear();
    m_oversized = false;
    m_oversizedBytes = 0;
    m_oversizedEndsWithCr = false;
}

void NdjsonDecoder::finish()
{
    m_parser.refreshClock();
    if (!m_headDone) {
        // Fewer than three bytes, all matching a BOM's start: they are data after all.
        m_headDone = true;
        feedLines(m_head.data(), m_headSize);
    }
    if (m_oversized) {
        finishOversizedLine();
    } else if (!m_partial.empty()) {
        if (m_partial.capacity() < m_partial.size() + NdjsonRecordParser::kPadding)
            m_partial.reserve(m_partial.size() + NdjsonRecordParser::kPadding);
        processLine(m_partial.data(), m_partial.size(), m_partial.capacity());
        m_partial.clear();
    }
    m_lineStart = m_consumed;
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
    record.line = m_line;
    record.offset = m_lineStart;
    record.reason = std::move(reason);
    record.raw = sanitizeRaw(raw);
    m_handler->onQuarantine(std::move(record));
}

} // namespace op
