#pragma once

#include "io/Validation.h"

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace op {

// Cuts the bytes of feed() calls into lines for the line-oriented decoders (NDJSON, log), so
// that what they report does not depend on how the input is chunked.
//
// Lines end with \n or \r\n (the \r is not part of the line); the last line may lack its
// newline. A line that lies whole in one chunk is handed over in place; one that spans chunks is
// gathered first. A line over kMaxLine is never buffered whole: only its first
// QuarantineRecord::kMaxRawBytes are kept and the rest is counted. With Bom::Skip, a UTF-8 byte
// order mark at the very start is dropped (it still counts in offsets: line 1 then starts at 3).
//
// The two callbacks, called from feed() and finish():
//   onLine(const char *data, std::size_t len, std::size_t capacity)
//       a line without its terminator; `capacity` bytes from `data` are readable (at least
//       len + padding when the line was gathered, whatever the chunk holds when in place);
//   onOversizedLine(std::string_view head, std::size_t len)
//       a line over kMaxLine: its first bytes and its length.
// During a callback line() is the line's 1-based number and lineStart() its first byte's offset.
class LineSplitter
{
public:
    static constexpr std::size_t kMaxLine = ValidationRules::kMaxRecordBytes;

    enum class Bom : std::uint8_t
    {
        Keep,
        Skip
    };

    // `padding`: readable bytes wanted after a gathered line (simdjson reads a little past a record).
    explicit LineSplitter(Bom bom = Bom::Keep, std::size_t padding = 0)
        : m_bom(bom)
        , m_padding(padding)
        , m_headDone(bom == Bom::Keep)
    {
    }

    void reset();

    template<class OnLine, class OnOversized>
    void feed(std::string_view bytes, OnLine &&onLine, OnOversized &&onOversized);
    template<class OnLine, class OnOversized> void finish(OnLine &&onLine, OnOversized &&onOversized);

    [[nodiscard]] std::int64_t line() const { return m_line; }
    [[nodiscard]] std::int64_t lineStart() const { return m_lineStart; }

private:
    static constexpr std::array<char, 3> kBom{'\xEF', '\xBB', '\xBF'};

    template<class OnLine, class OnOversized>
    void feedLines(const char *data, std::size_t size, OnLine &onLine, OnOversized &onOversized);
    template<class OnLine> void emitPartial(OnLine &onLine);
    template<class OnOversized> void emitOversized(OnOversized &onOversized);
    // The current line just passed the limit: keep only what a quarantine record shows.
    void startOversized(const char *p, std::size_t segment);

    Bom m_bom;
    std::size_t m_padding;

    std::int64_t m_line = 0;      // lines completed so far
    std::int64_t m_lineStart = 0; // offset of the current line's first byte
    std::int64_t m_consumed = 0;  // bytes of input taken so far (BOM included)
    std::string m_partial;        // the current line, when it spans feed() calls
    bool m_oversized = false;     // the current line passed the limit: counting, not keeping
    std::size_t m_oversizedBytes = 0;
    bool m_oversizedEndsWithCr = false;

    // With Bom::Skip, the first bytes of the input, held until it is known whether they are a BOM.
    std::array<char, 3> m_head{};
    std::size_t m_headSize = 0;
    bool m_headDone = false;
};

template<class OnLine, class OnOversized>
void LineSplitter::feed(std::string_view bytes, OnLine &&onLine, OnOversized &&onOversized)
{
    if (!m_headDone) {
        // Hold the first bytes until they either complete a BOM or differ from it.
        while (!bytes.empty() && !m_headDone) {
            m_head[m_headSize] = bytes.front();
            bytes.remove_prefix(1);
            if (m_head[m_headSize] != kBom[m_headSize]) {
                m_headDone = true;
                feedLines(m_head.data(), m_headSize + 1, onLine, onOversized);
            } else if (++m_headSize == kBom.size()) {
                m_headDone = true;
                m_consumed = m_lineStart = static_cast<std::int64_t>(kBom.size());
            }
        }
        if (!m_headDone)
            return;
    }
    feedLines(bytes.data(), bytes.size(), onLine, onOversized);
}

template<class OnLine, class OnOversized>
void LineSplitter::feedLines(const char *data, std::size_t size, OnLine &onLine, OnOversized &onOversized)
{
    const char *p = data;
    const char *const end = data + size;
    while (p < end) {
        const auto *nl = static_cast<const char *>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char *segmentEnd = nl ? nl : end;
        const auto segment = static_cast<std::size_t>(segmentEnd - p);
        m_consumed += static_cast<std::int64_t>(segment) + (nl ? 1 : 0);

        if (!m_oversized && m_partial.empty() && nl) {
            // The usual case: the whole line is in this chunk.
            ++m_line;
            const std::size_t len = segment > 0 && p[segment - 1] == '\r' ? segment - 1 : segment;
            onLine(p, len, static_cast<std::size_t>(end - p));
        } else if (!m_oversized && m_partial.size() + segment <= kMaxLine + 1) {
            // +1: a \r before the \n is not part of the line.
            m_partial.append(p, segment);
            if (nl)
                emitPartial(onLine);
        } else {
            if (!m_oversized)
                startOversized(p, segment);
            m_oversizedBytes += segment;
            if (segment > 0)
                m_oversizedEndsWithCr = segmentEnd[-1] == '\r';
            if (nl)
                emitOversized(onOversized);
        }
        if (!nl)
            return;
        m_lineStart = m_consumed;
        p = nl + 1;
    }
}

template<class OnLine, class OnOversized>
void LineSplitter::finish(OnLine &&onLine, OnOversized &&onOversized)
{
    if (!m_headDone) {
        // Fewer than three bytes, all matching a BOM's start: they are data after all.
        m_headDone = true;
        feedLines(m_head.data(), m_headSize, onLine, onOversized);
    }
    if (m_oversized)
        emitOversized(onOversized);
    else if (!m_partial.empty())
        emitPartial(onLine);
    m_lineStart = m_consumed;
}

template<class OnLine> void LineSplitter::emitPartial(OnLine &onLine)
{
    ++m_line;
    if (m_partial.capacity() < m_partial.size() + m_padding)
        m_partial.reserve(m_partial.size() + m_padding);
    std::size_t len = m_partial.size();
    if (len > 0 && m_partial[len - 1] == '\r')
        --len;
    onLine(m_partial.data(), len, m_partial.capacity());
    m_partial.clear();
}

template<class OnOversized> void LineSplitter::emitOversized(OnOversized &onOversized)
{
    ++m_line;
    onOversized(std::string_view(m_partial), m_oversizedBytes - (m_oversizedEndsWithCr ? 1 : 0));
    m_partial.clear();
    m_oversized = false;
    m_oversizedBytes = 0;
    m_oversizedEndsWithCr = false;
}

} // namespace op
