#include "io/CsvReader.h"

#include "io/FieldReasons.h"
#include "io/QuarantineRecord.h"
#include "io/Validation.h"

#include <algorithm>

namespace op {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::int64_t kMaxRowBytes = static_cast<std::int64_t>(ValidationRules::kMaxRecordBytes);

bool isLineBreak(char c)
{
    return c == '\r' || c == '\n';
}

} // namespace

std::string_view csvRowErrorText(CsvRowError error)
{
    switch (error) {
    case CsvRowError::None:
        return {};
    case CsvRowError::QuoteInUnquotedField:
        return "quote inside an unquoted field";
    case CsvRowError::TextAfterClosingQuote:
        return "text after a closing quote";
    case CsvRowError::UnterminatedQuote:
        return "unterminated quoted field";
    case CsvRowError::TooLong:
        return "record too long";
    case CsvRowError::InvalidUtf8:
        return reason::kInvalidUtf8;
    }
    return {};
}

CsvReader::CsvReader(char delimiter, RowHandler handler)
    : m_delimiter(delimiter)
    , m_handler(std::move(handler))
{
    for (const char c : {delimiter, '"', '\r', '\n'})
        m_special[static_cast<unsigned char>(c)] = true;
}

void CsvReader::reset()
{
    m_state = State::FieldStart;
    m_rowStarted = false;
    m_tooLong = false;
    m_afterCr = false;
    m_bomMatched = 0;
    m_bomDone = false;
    m_line = 1;
    m_offset = 0;
    m_rowLine = 0;
    m_rowOffset = 0;
    m_rowBytes = 0;
    m_error = CsvRowError::None;
    m_errorField = -1;
    m_cells.clear();
    m_cellEnds.clear();
    m_views.clear();
    m_raw.clear();
    m_rawBuffered = false;
}

void CsvReader::feed(std::string_view bytes)
{
    if (!m_bomDone) {
        // The BOM may arrive split over chunks: hold back a matching prefix until it is decided.
        std::size_t i = 0;
        while (i < bytes.size() && m_bomMatched < kBom.size() && bytes[i] == kBom[m_bomMatched]) {
            ++m_bomMatched;
            ++i;
        }
        if (m_bomMatched == kBom.size()) {
            m_bomDone = true;
            m_offset += static_cast<std::int64_t>(kBom.size());
        } else if (i == bytes.size()) {
            return;
        } else {
            m_bomDone = true;
            feedData(kBom.substr(0, m_bomMatched)); // not a BOM after all: those bytes are data
        }
        bytes.remove_prefix(i);
    }
    feedData(bytes);
}

void CsvReader::finish()
{
    if (!m_bomDone) {
        m_bomDone = true;
        feedData(kBom.substr(0, m_bomMatched));
    }
    if (m_rowStarted) {
        if (m_state == State::Quoted) {
            m_error = CsvRowError::UnterminatedQuote;
            m_errorField = static_cast<int>(m_cellEnds.size());
        }
        endField();
        endRow(m_raw);
    }
    reset();
}

void CsvReader::feedData(std::string_view bytes)
{
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    // The raw text of a row that starts and ends in this chunk is a view into it; only a row
    // that spans chunks is copied (its first kMaxRawBytes) into m_raw.
    std::size_t rawFrom = m_rowStarted ? 0 : std::string_view::npos;
    auto rowEnds = [&]() {
        endField();
        if (m_rawBuffered) {
            appendRaw(bytes.substr(rawFrom, i - rawFrom));
            endRow(m_raw);
        } else {
            endRow(bytes.substr(rawFrom, std::min(i - rawFrom, QuarantineRecord::kMaxRawBytes)));
        }
        rawFrom = std::string_view::npos;
    };
    while (i < n) {
        const char c = bytes[i];
        if (!m_rowStarted) {
            if (isLineBreak(c)) { // a blank line, or the LF of a CRLF that ended the last row
                if (c == '\r' || !m_afterCr)
                    ++m_line;
                m_afterCr = c == '\r';
                ++m_offset;
                ++i;
                continue;
            }
            startRow();
            rawFrom = i;
        }
        if (m_state == State::Unquoted || m_state == State::Quoted) {
            // Fast path: copy a run of ordinary bytes at once.
            std::size_t j = i;
            while (j < n && !m_special[static_cast<unsigned char>(bytes[j])])
                ++j;
            if (j > i) {
                appendSpan(bytes.substr(i, j - i));
                m_afterCr = false;
                m_offset += static_cast<std::int64_t>(j - i);
                i = j;
                continue;
            }
        }
        switch (m_state) {
        case State::FieldStart:
            if (c == '"') {
                countByte();
                m_state = State::Quoted;
            } else if (c == m_delimiter) {
                countByte();
                endField();
            } else if (isLineBreak(c)) {
                rowEnds();
            } else {
                appendByte(c);
                m_state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            if (c == m_delimiter) {
                countByte();
                endField();
            } else if (isLineBreak(c)) {
                rowEnds();
            } else {
                if (c == '"')
                    markError(CsvRowError::QuoteInUnquotedField);
                appendByte(c); // lenient from here on, so that the row still ends where it should
            }
            break;
        case State::Quoted:
            if (c == '"') {
                countByte();
                m_state = State::QuoteInQuoted;
            } else {
                appendByte(c);
            }
            break;
        case State::QuoteInQuoted:
            if (c == '"') {
                appendByte(c); // "" is one quote
                m_state = State::Quoted;
            } else if (c == m_delimiter) {
                countByte();
                endField();
            } else if (isLineBreak(c)) {
                rowEnds();
            } else {
                markError(CsvRowError::TextAfterClosingQuote);
                appendByte(c);
                m_state = State::Unquoted;
            }
            break;
        }
        if (c == '\r' || (c == '\n' && !m_afterCr)) // CRLF is one line break
            ++m_line;
        m_afterCr = c == '\r';
        ++m_offset;
        ++i;
    }
    if (m_rowStarted) {
        appendRaw(bytes.substr(rawFrom));
        m_rawBuffered = true;
    }
}

void CsvReader::appendRaw(std::string_view bytes)
{
    if (m_raw.size() < QuarantineRecord::kMaxRawBytes)
        m_raw.append(bytes.substr(0, QuarantineRecord::kMaxRawBytes - m_raw.size()));
}

void CsvReader::startRow()
{
    m_rowStarted = true;
    m_rowLine = m_line;
    m_rowOffset = m_offset;
    m_state = State::FieldStart;
}

void CsvReader::countByte()
{
    if (++m_rowBytes > kMaxRowBytes)
        m_tooLong = true;
}

void CsvReader::appendByte(char c)
{
    countByte();
    if (!m_tooLong)
        m_cells.push_back(c);
}

void CsvReader::appendSpan(std::string_view span)
{
    const auto size = static_cast<std::int64_t>(span.size());
    if (m_rowBytes + size > kMaxRowBytes)
        m_tooLong = true;
    m_rowBytes += size;
    if (!m_tooLong)
        m_cells.append(span);
}

void CsvReader::markError(CsvRowError error)
{
    if (m_error == CsvRowError::None) {
        m_error = error;
        m_errorField = static_cast<int>(m_cellEnds.size());
    }
}

void CsvReader::endField()
{
    m_cellEnds.push_back(m_cells.size());
    m_state = State::FieldStart;
}

void CsvReader::endRow(std::string_view raw)
{
    m_views.clear();
    std::size_t begin = 0;
    for (const std::size_t end : m_cellEnds) {
        m_views.emplace_back(m_cells.data() + begin, end - begin);
        begin = end;
    }
    CsvRow row;
    row.fields = &m_views;
    row.line = m_rowLine;
    row.offset = m_rowOffset;
    row.bytes = m_rowBytes;
    row.raw = raw;
    // An unterminated quote explains a too-long row (it swallowed the rest of the input).
    if (m_tooLong && m_error != CsvRowError::UnterminatedQuote) {
        row.error = CsvRowError::TooLong;
    } else if (m_error != CsvRowError::None) {
        row.error = m_error;
        row.errorField = m_errorField;
    } else if (const int bad = invalidUtf8Cell(); bad >= 0) {
        row.error = CsvRowError::InvalidUtf8;
        row.errorField = bad;
    }
    if (m_handler)
        m_handler(row);

    m_rowStarted = false;
    m_tooLong = false;
    m_rowBytes = 0;
    m_error = CsvRowError::None;
    m_errorField = -1;
    m_state = State::FieldStart;
    m_cells.clear();
    m_cellEnds.clear();
    m_raw.clear();
    m_rawBuffered = false;
}

int CsvReader::invalidUtf8Cell() const
{
    if (!isValidUtf8(m_cells)) {
        for (std::size_t i = 0; i < m_views.size(); ++i)
            if (!isValidUtf8(m_views[i]))
                return static_cast<int>(i);
    }
    // All cells together are valid (one pass, the usual case). A cell is still invalid when a
    // character starts in it and ends in the next cell: find a cell starting with a
    // continuation byte; the character began in the last non-empty cell before it.
    int lastNonEmpty = -1;
    for (std::size_t i = 0; i < m_views.size(); ++i) {
        const std::string_view cell = m_views[i];
        if (cell.empty())
            continue;
        if ((static_cast<unsigned char>(cell.front()) & 0xC0) == 0x80)
            return lastNonEmpty >= 0 ? lastNonEmpty : static_cast<int>(i);
        lastNonEmpty = static_cast<int>(i);
    }
    return -1;
}

} // namespace op
