#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace op {

// What is wrong with a row at the tokenizer level (RFC 4180), before any column meaning.
enum class CsvRowError : std::uint8_t
{
    None,
    QuoteInUnquotedField,  // a"b
    TextAfterClosingQuote, // "a"b
    UnterminatedQuote,     // the input ended inside a quoted field
    TooLong,               // more than ValidationRules::kMaxRecordBytes bytes
    InvalidUtf8,
};

// One row as the tokenizer saw it. The views point into the reader's buffers and are valid
// only during the row callback.
struct CsvRow
{
    const std::vector<std::string_view> *fields = nullptr; // unescaped cells (partial when TooLong)
    std::int64_t line = 0;                                 // 1-based line where the row starts
    std::int64_t offset = 0; // byte offset of the row's first byte (a BOM counts)
    std::int64_t bytes = 0;  // bytes of the row, quoted line breaks included, terminator excluded
    std::string_view raw;    // the row's first QuarantineRecord::kMaxRawBytes bytes, as written
    CsvRowError error = CsvRowError::None;
    int errorField = -1; // 0-based cell where the error was found, -1 for the whole row

    std::size_t size() const { return fields->size(); }
    std::string_view operator[](std::size_t i) const { return (*fields)[i]; }
};

// Words for an error that does not depend on the row ("unterminated quoted field", ...).
std::string_view csvRowErrorText(CsvRowError error);

// A streaming RFC 4180 tokenizer: quoted fields, "" escapes, delimiters and line breaks
// (CR, LF, CRLF) inside quotes, a UTF-8 BOM at the start, blank lines skipped, a last row
// without a line break. feed() accepts any chunking and reports the same rows.
//
// Why not Debian's libcsv (3.0.3)? It was checked: it reports neither the line nor the byte
// offset where a row starts (only a callback per field and per row, after its terminator was
// consumed somewhere inside the chunk), silently drops blank lines so lines cannot be counted
// from its callbacks, trims spaces unless told otherwise, and in strict mode stops at the first
// error and leaves resynchronisation (finding the end of the broken row, which may contain quoted
// line breaks) to the caller, so a quote-aware scanner is needed anyway. It also buffers a field
// of any size. This state machine does all of that in one pass and never holds more than
// kMaxRecordBytes of a row.
class CsvReader
{
public:
    using RowHandler = std::function<void(const CsvRow &)>;

    explicit CsvReader(char delimiter = ',', RowHandler handler = {});

    void setHandler(RowHandler handler) { m_handler = std::move(handler); }
    char delimiter() const { return m_delimiter; }

    // Forgets everything read so far (a new input starts, with its own BOM and line 1).
    void reset();
    void feed(std::string_view bytes);
    // End of input: reports a last row without a line break, or an unterminated quoted field.
    void finish();

private:
    enum class State : std::uint8_t
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted
    };

    void feedData(std::string_view bytes);
    void startRow();
    void appendSpan(std::string_view span);
    void appendByte(char c);
    void countByte(); // a byte of the row that is not cell content (a quote, a delimiter)
    void appendRaw(std::string_view bytes);
    void markError(CsvRowError error);
    void endField();
    void endRow(std::string_view raw);
    int invalidUtf8Cell() const; // index of the first cell that is not valid UTF-8, or -1

    char m_delimiter;
    RowHandler m_handler;
    std::array<bool, 256> m_special{}; // bytes that end a run of ordinary cell bytes

    State m_state = State::FieldStart;
    bool m_rowStarted = false;
    bool m_tooLong = false;
    bool m_afterCr = false; // the previous byte was CR, so an LF now ends the same line
    std::size_t m_bomMatched = 0;
    bool m_bomDone = false;
    std::int64_t m_line = 1;
    std::int64_t m_offset = 0; // bytes consumed so far
    std::int64_t m_rowLine = 0;
    std::int64_t m_rowOffset = 0;
    std::int64_t m_rowBytes = 0;
    CsvRowError m_error = CsvRowError::None;
    int m_errorField = -1;

    std::string m_cells;                 // the unescaped cells of the row, back to back
    std::vector<std::size_t> m_cellEnds; // end of each cell in m_cells
    std::vector<std::string_view> m_views;
    std::string m_raw;          // the raw text of a row that spans chunks
    bool m_rawBuffered = false; // m_raw holds the start of the current row
};

} // namespace op
