#pragma once

#include "io/CsvMapping.h"
#include "io/Encoder.h"

#include <string>
#include <string_view>

namespace op {

// Writes OrderEvents as CSV in the built-in layout (CsvMapping::builtinColumns()): a header,
// then one row per line item with the order's cells repeated on each row, or one row with
// empty item cells for an order without items. Times are ISO-8601 with milliseconds in the
// mapping's zone offset (+09:00 for the built-in Asia/Seoul), absent fields are empty cells,
// doubles are in shortest round-trip form, lines end with LF (as pandas and PostgreSQL COPY
// write them). Only the delimiter and the time zone of `mapping` are used: custom layouts are
// for reading other systems' files, not for writing.
class CsvEncoder final : public Encoder
{
public:
    explicit CsvEncoder(const CsvMapping &mapping = CsvMapping::builtin());

    void encodeRecord(const OrderEvent &event, std::string &out) override;

protected:
    void appendHeader(std::string &out) override;

private:
    void appendCell(std::string &out, std::string_view text) const;

    char m_delimiter;
    CsvTimeParser m_time;
    std::string m_orderCells; // cells before the item columns, shared by an order's rows
    std::string m_tailCells;  // cells after the item columns
};

} // namespace op
