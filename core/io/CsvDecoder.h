#pragma once

#include "io/CsvMapping.h"
#include "io/CsvReader.h"
#include "io/Decoder.h"
#include "io/Validation.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace op {

// Decodes CSV with a header row into OrderEvents through a CsvMapping.
//
// - Columns are found by header name, so their order does not matter and extra columns are
//   ignored. A header that lacks a column the profile needs (for the built-in profile: order_id
//   or order_time) is reported once, as one quarantine record at the header's position, and the
//   file's rows are then not read (ignoredRows() counts them).
// - With items per row, consecutive rows with the same order_id, type and event_time cells are
//   one order: order fields come from its first row, each row adds its item. An order whose
//   amount has no column (or whose amount column the header lacks) gets the sum of qty x
//   unit_price. Two identical consecutive records therefore merge into one order carrying
//   the items of both: CSV cannot tell them apart.
// - A bad row inside a multi-row order rejects the whole order, so that no order is accepted
//   with part of its items: one quarantine record at the order's first row, whose reason says
//   "order 'X' (N rows) rejected: line L: <what is wrong>". The rows around it are kept.
// - A row with a structural error (see CsvReader), the wrong number of cells, or a cell that
//   does not convert goes to quarantine with a reason naming the column ("column
//   'order_amount': 'abc' is not a number"); a row that converts is then checked by
//   validateEvent. Rows matched by a skip rule are counted in skipped(), not quarantined.
class CsvDecoder final : public Decoder
{
public:
    explicit CsvDecoder(CsvMapping mapping = CsvMapping::builtin(), ValidationRules rules = {});

    void begin(std::string source, EventHandler &handler) override;
    void feed(std::string_view bytes) override;
    void finish() override;

    std::int64_t skipped() const { return m_skipped; }
    std::int64_t ignoredRows() const { return m_ignoredRows; }

private:
    struct RowError
    {
        std::int64_t line;
        std::string text;
    };

    void onRow(const CsvRow &row);
    void readHeader(const CsvRow &row);
    void rejectHeader(const CsvRow &row, const std::string &reason);
    std::string structuralError(const CsvRow &row) const;
    std::string_view keyCell(const CsvRow &row, CsvField field) const;
    // The text of a field in a row: a cell, a constant, or nullopt when the field has no source.
    std::optional<std::string_view> valueOf(const CsvRow &row, CsvField field) const;
    std::string label(CsvField field) const;

    void startOrder(const CsvRow &row, const std::string &error);
    void continueOrder(const CsvRow &row, const std::string &error);
    void readOrderFields(const CsvRow &row);
    void readItem(const CsvRow &row);
    void addError(std::int64_t line, std::string text);
    void flushOrder();
    void quarantine(std::int64_t line, std::int64_t offset, std::string reason, std::string_view raw);

    CsvMapping m_mapping;
    ValidationRules m_rules;
    CsvReader m_reader;
    CsvTimeParser m_time;
    std::string m_source;
    EventHandler *m_handler = nullptr;
    std::int64_t m_skipped = 0;
    std::int64_t m_ignoredRows = 0;

    // From the header.
    bool m_headerRead = false;
    bool m_headerRejected = false;
    std::vector<std::string> m_header;
    std::array<int, kCsvFieldCount> m_columns{}; // header index per field, -1 when none
    std::vector<std::pair<int, const CsvSkipRule *>> m_skips;
    bool m_items = false;           // rows carry line items and are grouped into orders
    bool m_amountFromItems = false; // no amount column: amount = sum of the items

    // The order being assembled.
    bool m_pending = false;
    std::string m_keyId;
    std::string m_keyType;
    std::string m_keyTime;
    std::int64_t m_firstLine = 0;
    std::int64_t m_firstOffset = 0;
    std::int64_t m_rows = 0;
    std::int64_t m_bytes = 0;
    std::string m_raw;
    std::vector<RowError> m_errors;
    OrderEvent m_event;
};

} // namespace op
