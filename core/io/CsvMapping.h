#pragma once

#include "io/CsvTimeParser.h"

#include <QString>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace op {

// What a CSV column can hold: every OrderEvent field, and the three item fields of a row
// that carries one line item. The order is the built-in header's column order.
enum class CsvField : std::uint8_t
{
    Type,
    OrderId,
    EventTime,
    CustomerId,
    MerchantId,
    MerchantName,
    Category,
    Region,
    ItemName,
    ItemQty,
    ItemUnitPrice,
    Amount,
    DeliveryFee,
    DistanceKm,
    PromisedMin,
    DeliveryMin,
    Status,
    Rating,
    Ip,
    Payment,
};
inline constexpr std::size_t kCsvFieldCount = 20;

// Where one field comes from: a column (by header name) or a constant.
struct CsvFieldSource
{
    std::string column;               // header name; empty when the field has no column
    std::optional<std::string> value; // the same text for every row
    std::int64_t scale = 1;           // money fields: the decimal text times this ("2.55" x 100 = 255)
    std::string stripSuffix; // text fields: removed when the cell ends with it ("17850.0" -> "17850")

    bool mapped() const { return !column.empty() || value.has_value(); }
};

// Rows whose `column` starts with `prefix` (or equals `equals`) are skipped and counted,
// never quarantined: e.g. cancelled invoices "C536379" in a retailer's export.
struct CsvSkipRule
{
    std::string column;
    std::string prefix;
    std::optional<std::string> equals;
    std::string reason;

    bool matches(std::string_view cell) const
    {
        return equals ? cell == *equals : cell.substr(0, prefix.size()) == prefix;
    }
};

// A column-mapping profile: how a CSV file's columns become OrderEvents. Profiles are JSON
// files (see fromJson); builtin() is the layout CsvEncoder writes.
class CsvMapping
{
public:
    // The order CSV of the seed project, extended to every OrderEvent field, one row per line
    // item. Columns are matched by header name, and columns missing from a header are absent
    // fields, so a subset or a reordering of builtinColumns() reads too.
    static CsvMapping builtin();
    static const std::array<std::string_view, kCsvFieldCount> &builtinColumns();

    // A profile, or a message that says what is wrong with it. The format:
    //   {
    //     "name": "...",                      optional, for people
    //     "delimiter": ",",                   "," (default), ";", "\t" or "tab", "|"
    //     "items": "per_row",                 one row per line item, consecutive rows of one
    //                                         order grouped (default when item_name is mapped);
    //                                         or "none"
    //     "missing_columns": "error",         a mapped column missing from the header is an
    //                                         error (default), or "absent": the field is absent
    //     "fields": {                         field name -> source
    //       "order_id": "InvoiceNo",          a column name
    //       "merchant_id": {"value": "shop"}, a constant
    //       "customer_id": {"column": "CustomerID", "strip_suffix": ".0"},
    //       "event_time": {"column": "InvoiceDate", "format": "M/d/yyyy H:mm",
    //                      "time_zone": "Europe/London"},   format "iso" (default), "epoch_ms" or
    //                                                       a Qt format; zone default Asia/Seoul
    //       "unit_price": {"column": "UnitPrice", "scale": 100}  money: amount, delivery_fee,
    //                                                            unit_price; rounds half away from 0
    //     },
    //     "skip": [{"column": "InvoiceNo", "prefix": "C", "reason": "cancelled invoice"}]
    //   }
    // Field names: fieldName() of every CsvField (type, order_id, event_time, customer_id,
    // merchant_id, merchant_name, category, region, item_name, qty, unit_price, amount,
    // delivery_fee, distance_km, promised_min, delivery_min, status, rating, ip, payment).
    // order_id must be a column; event_time must be mapped.
    static tl::expected<CsvMapping, std::string> fromJson(std::string_view json);
    static tl::expected<CsvMapping, std::string> fromFile(const QString &path);

    static std::string_view fieldName(CsvField field);
    static std::optional<CsvField> fieldFromName(std::string_view name);

    const std::string &name() const { return m_name; }
    const CsvFieldSource &source(CsvField field) const { return m_sources[static_cast<std::size_t>(field)]; }
    char delimiter() const { return m_delimiter; }
    bool itemsPerRow() const { return m_itemsPerRow; }
    bool missingColumnsAreAbsent() const { return m_missingColumnsAbsent; }
    const std::vector<CsvSkipRule> &skipRules() const { return m_skipRules; }
    // Format and zone of event_time (also the zone CsvEncoder writes offsets in).
    const CsvTimeParser &time() const { return m_time; }

private:
    std::string m_name;
    std::array<CsvFieldSource, kCsvFieldCount> m_sources;
    char m_delimiter = ',';
    bool m_itemsPerRow = false;
    bool m_missingColumnsAbsent = false;
    std::vector<CsvSkipRule> m_skipRules;
    CsvTimeParser m_time;
};

} // namespace op
