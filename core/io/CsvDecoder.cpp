#include "io/CsvDecoder.h"

#include "io/CsvNumbers.h"

#include <limits>

namespace op {

namespace {

constexpr std::size_t kMaxShownValue = 40;
constexpr std::size_t kMaxErrorsShown = 5;
constexpr std::int64_t kMaxOrderBytes = static_cast<std::int64_t>(ValidationRules::kMaxRecordBytes);

// 'value', cut (on a UTF-8 boundary) so that a huge cell does not make a huge reason.
std::string quoted(std::string_view v)
{
    if (v.size() <= kMaxShownValue)
        return "'" + std::string(v) + "'";
    std::size_t cut = kMaxShownValue;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80)
        --cut;
    return "'" + std::string(v.substr(0, cut)) + "...'";
}

bool isItemField(CsvField f)
{
    return f == CsvField::ItemName || f == CsvField::ItemQty || f == CsvField::ItemUnitPrice;
}

std::string_view stripSuffix(std::string_view v, const std::string &suffix)
{
    if (!suffix.empty() && v.size() > suffix.size() && v.substr(v.size() - suffix.size()) == suffix)
        v.remove_suffix(suffix.size());
    return v;
}

std::string joinColumns(const std::vector<std::string> &header)
{
    std::string out;
    for (const std::string &h : header) {
        if (out.size() > 200) {
            out += ", ...";
            break;
        }
        if (!out.empty())
            out += ", ";
        out += h;
    }
    return out;
}

} // namespace

CsvDecoder::CsvDecoder(CsvMapping mapping, ValidationRules rules)
    : m_mapping(std::move(mapping))
    , m_rules(rules)
    , m_reader(m_mapping.delimiter())
    , m_time(m_mapping.time())
{
    m_reader.setHandler([this](const CsvRow &row) { onRow(row); });
}

void CsvDecoder::begin(std::string source, EventHandler &handler)
{
    m_source = std::move(source);
    m_handler = &handler;
    m_accepted = 0;
    m_quarantined = 0;
    m_skipped = 0;
    m_ignoredRows = 0;
    m_reader.reset();
    m_time = m_mapping.time();
    m_headerRead = false;
    m_headerRejected = false;
    m_header.clear();
    m_columns.fill(-1);
    m_skips.clear();
    m_items = false;
    m_amountFromItems = false;
    m_pending = false;
}

void CsvDecoder::feed(std::string_view bytes)
{
    if (m_handler != nullptr)
        m_reader.feed(bytes);
}

void CsvDecoder::finish()
{
    if (m_handler == nullptr)
        return;
    m_reader.finish();
    flushOrder();
}

void CsvDecoder::onRow(const CsvRow &row)
{
    if (!m_headerRead) {
        readHeader(row);
        return;
    }
    if (m_headerRejected) {
        ++m_ignoredRows;
        return;
    }
    const std::string error = structuralError(row);
    if (error.empty()) {
        for (const auto &[index, rule] : m_skips) {
            if (rule->matches(row[static_cast<std::size_t>(index)])) {
                ++m_skipped;
                return;
            }
        }
    }
    const std::string_view id = keyCell(row, CsvField::OrderId);
    const bool sameOrder = m_pending && m_items && !id.empty() && id == m_keyId &&
                           keyCell(row, CsvField::Type) == m_keyType &&
                           keyCell(row, CsvField::EventTime) == m_keyTime;
    if (sameOrder) {
        continueOrder(row, error);
    } else {
        flushOrder();
        startOrder(row, error);
    }
}

void CsvDecoder::readHeader(const CsvRow &row)
{
    m_headerRead = true;
    if (row.error != CsvRowError::None) {
        const std::string what = row.error == CsvRowError::TooLong
                                     ? tooLongReason(static_cast<std::size_t>(row.bytes))
                                     : std::string(csvRowErrorText(row.error));
        rejectHeader(row, "CSV header: " + what);
        return;
    }
    for (std::size_t i = 0; i < row.size(); ++i)
        m_header.emplace_back(trimCsvSpaces(row[i]));
    auto find = [this](const std::string &name) {
        for (std::size_t i = 0; i < m_header.size(); ++i)
            if (m_header[i] == name)
                return static_cast<int>(i);
        return -1;
    };

    std::vector<std::string> missing;
    // Name the field only where the column name does not already say it (as the built-in ones do).
    auto require = [&missing](const std::string &column, CsvField field) {
        const bool obvious = column == CsvMapping::fieldName(field) ||
                             column == CsvMapping::builtinColumns()[static_cast<std::size_t>(field)];
        missing.push_back(obvious
                              ? column + " column"
                              : column + " column (for " + std::string(CsvMapping::fieldName(field)) + ")");
    };
    for (std::size_t i = 0; i < kCsvFieldCount; ++i) {
        const auto field = static_cast<CsvField>(i);
        const CsvFieldSource &src = m_mapping.source(field);
        if (src.column.empty())
            continue;
        m_columns[i] = find(src.column);
        const bool required = !m_mapping.missingColumnsAreAbsent() || field == CsvField::OrderId ||
                              field == CsvField::EventTime;
        if (m_columns[i] < 0 && required)
            require(src.column, field);
    }
    auto resolved = [this](CsvField f) {
        return m_columns[static_cast<std::size_t>(f)] >= 0 || m_mapping.source(f).value.has_value();
    };
    if (m_mapping.itemsPerRow() && resolved(CsvField::ItemName)) {
        m_items = true;
        // An item needs all three: a quantity or a price cannot be made up.
        // (Without "absent", a missing item column is already in the list.)
        for (const CsvField f : {CsvField::ItemQty, CsvField::ItemUnitPrice})
            if (!resolved(f) && m_mapping.missingColumnsAreAbsent())
                missing.push_back(m_mapping.source(f).column + " column (item_name needs it)");
    }
    m_amountFromItems = m_items && !resolved(CsvField::Amount);
    for (const CsvSkipRule &rule : m_mapping.skipRules()) {
        const int index = find(rule.column);
        if (index < 0)
            missing.push_back(rule.column + " column (for a skip rule)");
        else
            m_skips.emplace_back(index, &rule);
    }
    if (!missing.empty()) {
        std::string reason = "CSV header has no ";
        for (std::size_t i = 0; i < missing.size(); ++i)
            reason += (i == 0 ? "" : " and no ") + missing[i];
        rejectHeader(row, reason + " (columns: " + joinColumns(m_header) + ")");
    }
}

void CsvDecoder::rejectHeader(const CsvRow &row, const std::string &reason)
{
    m_headerRejected = true;
    quarantine(row.line, row.offset, reason + "; the rows of this file are not read", row.raw);
}

std::string CsvDecoder::structuralError(const CsvRow &row) const
{
    switch (row.error) {
    case CsvRowError::None:
        break;
    case CsvRowError::TooLong:
        return tooLongReason(static_cast<std::size_t>(row.bytes));
    case CsvRowError::UnterminatedQuote:
    case CsvRowError::InvalidUtf8:
        return std::string(csvRowErrorText(row.error));
    case CsvRowError::QuoteInUnquotedField:
    case CsvRowError::TextAfterClosingQuote: {
        const auto i = static_cast<std::size_t>(row.errorField);
        const std::string where =
            i < m_header.size() ? "column '" + m_header[i] + "'" : "field " + std::to_string(i + 1);
        return where + ": " + std::string(csvRowErrorText(row.error));
    }
    }
    if (row.size() != m_header.size())
        return "wrong number of fields (expected " + std::to_string(m_header.size()) + ", found " +
               std::to_string(row.size()) + ")";
    return {};
}

std::string_view CsvDecoder::keyCell(const CsvRow &row, CsvField field) const
{
    const int index = m_columns[static_cast<std::size_t>(field)];
    return index >= 0 && static_cast<std::size_t>(index) < row.size() ? row[static_cast<std::size_t>(index)]
                                                                      : std::string_view();
}

std::optional<std::string_view> CsvDecoder::valueOf(const CsvRow &row, CsvField field) const
{
    const int index = m_columns[static_cast<std::size_t>(field)];
    if (index >= 0)
        return row[static_cast<std::size_t>(index)];
    const CsvFieldSource &src = m_mapping.source(field);
    if (src.value)
        return std::string_view(*src.value);
    return std::nullopt;
}

std::string CsvDecoder::label(CsvField field) const
{
    const int index = m_columns[static_cast<std::size_t>(field)];
    if (index >= 0)
        return "column '" + m_header[static_cast<std::size_t>(index)] + "'";
    return "constant for '" + std::string(CsvMapping::fieldName(field)) + "'";
}

void CsvDecoder::startOrder(const CsvRow &row, const std::string &error)
{
    m_pending = true;
    m_keyId.assign(keyCell(row, CsvField::OrderId));
    m_keyType.assign(keyCell(row, CsvField::Type));
    m_keyTime.assign(keyCell(row, CsvField::EventTime));
    m_firstLine = row.line;
    m_firstOffset = row.offset;
    m_rows = 1;
    m_bytes = row.bytes;
    m_raw.assign(row.raw);
    m_errors.clear();
    m_event.clear();
    if (!error.empty()) {
        addError(row.line, error);
        return;
    }
    readOrderFields(row);
    readItem(row);
}

void CsvDecoder::continueOrder(const CsvRow &row, const std::string &error)
{
    ++m_rows;
    m_bytes += row.bytes;
    if (m_raw.size() < QuarantineRecord::kMaxRawBytes) {
        m_raw += '\n';
        m_raw.append(row.raw.substr(0, QuarantineRecord::kMaxRawBytes -
                                           std::min(m_raw.size(), QuarantineRecord::kMaxRawBytes)));
    }
    if (m_bytes > kMaxOrderBytes) {
        m_event.items.clear(); // the order is rejected: hold no more of it
        m_event.items.shrink_to_fit();
        return;
    }
    if (!error.empty())
        addError(row.line, error);
    else
        readItem(row);
}

void CsvDecoder::readOrderFields(const CsvRow &row)
{
    OrderEvent &e = m_event;
    for (std::size_t i = 0; i < kCsvFieldCount; ++i) {
        const auto field = static_cast<CsvField>(i);
        if (isItemField(field))
            continue;
        const std::optional<std::string_view> raw = valueOf(row, field);
        if (!raw)
            continue;
        const std::string_view text = stripSuffix(*raw, m_mapping.source(field).stripSuffix);
        const std::string_view v = trimCsvSpaces(text);
        if (v.empty())
            continue; // an empty cell is an absent field
        auto bad = [&](std::string_view what) {
            addError(row.line, label(field) + ": " + quoted(v) + " " + std::string(what));
        };
        auto money = [&](std::optional<Money> &out) {
            const ScaledDecimal d = parseScaledDecimal(v, m_mapping.source(field).scale);
            if (d.error)
                bad(decimalErrorText(*d.error));
            else
                out = d.value;
        };
        auto real = [&](std::optional<double> &out) {
            if (const auto d = parseCsvDouble(v))
                out = *d;
            else
                bad("is not a number");
        };
        switch (field) {
        case CsvField::Type:
            if (const auto t = eventTypeFromName(v))
                e.type = *t;
            else
                bad("is not an event type (order, placed, delivered, cancelled, rated)");
            break;
        case CsvField::OrderId:
            e.orderId.assign(text);
            break;
        case CsvField::EventTime:
            if (const auto t = m_time.parse(v))
                e.eventTime = *t;
            else
                bad("is not a valid time");
            break;
        case CsvField::CustomerId:
            e.customerId.assign(text);
            break;
        case CsvField::MerchantId:
            e.merchantId.assign(text);
            break;
        case CsvField::MerchantName:
            e.merchantName.assign(text);
            break;
        case CsvField::Category:
            e.category.assign(text);
            break;
        case CsvField::Region:
            e.region.assign(text);
            break;
        case CsvField::Amount:
            money(e.amount);
            break;
        case CsvField::DeliveryFee:
            money(e.deliveryFee);
            break;
        case CsvField::DistanceKm:
            real(e.distanceKm);
            break;
        case CsvField::PromisedMin:
            real(e.promisedMin);
            break;
        case CsvField::DeliveryMin:
            real(e.deliveryMin);
            break;
        case CsvField::Status:
            if (const auto s = orderStatusFromName(v))
                e.status = *s;
            else
                bad("is not an order status");
            break;
        case CsvField::Rating:
            real(e.rating);
            break;
        case CsvField::Ip:
            e.ip.assign(text);
            break;
        case CsvField::Payment:
            e.payment.assign(text);
            break;
        case CsvField::ItemName:
        case CsvField::ItemQty:
        case CsvField::ItemUnitPrice:
            break;
        }
    }
}

void CsvDecoder::readItem(const CsvRow &row)
{
    if (!m_items)
        return;
    const std::string_view name = stripSuffix(valueOf(row, CsvField::ItemName).value_or(std::string_view()),
                                              m_mapping.source(CsvField::ItemName).stripSuffix);
    const std::string_view qty = trimCsvSpaces(valueOf(row, CsvField::ItemQty).value_or(std::string_view()));
    const std::string_view price =
        trimCsvSpaces(valueOf(row, CsvField::ItemUnitPrice).value_or(std::string_view()));
    if (name.empty() && qty.empty() && price.empty())
        return; // an order without items
    OrderItem item;
    item.name.assign(name);
    bool ok = true;
    if (qty.empty()) {
        addError(row.line, label(CsvField::ItemQty) + ": empty for item " + quoted(name));
        ok = false;
    } else if (const auto q = parseCsvInt32(qty)) {
        item.qty = *q;
    } else {
        addError(row.line, label(CsvField::ItemQty) + ": " + quoted(qty) + " is not a whole number");
        ok = false;
    }
    if (price.empty()) {
        addError(row.line, label(CsvField::ItemUnitPrice) + ": empty for item " + quoted(name));
        ok = false;
    } else {
        const ScaledDecimal d = parseScaledDecimal(price, m_mapping.source(CsvField::ItemUnitPrice).scale);
        if (d.error) {
            addError(row.line, label(CsvField::ItemUnitPrice) + ": " + quoted(price) + " " +
                                   std::string(decimalErrorText(*d.error)));
            ok = false;
        } else {
            item.unitPrice = d.value;
        }
    }
    if (ok)
        m_event.items.push_back(std::move(item));
}

void CsvDecoder::addError(std::int64_t line, std::string text)
{
    m_errors.push_back({line, std::move(text)});
}

void CsvDecoder::flushOrder()
{
    if (!m_pending)
        return;
    m_pending = false;
    std::string reason;
    if (m_rows > 1 && m_bytes > kMaxOrderBytes) { // (one row over the limit is a row error)
        reason = "order " + quoted(m_keyId) + " (" + std::to_string(m_rows) +
                 " rows) rejected: " + tooLongReason(static_cast<std::size_t>(m_bytes));
    } else if (!m_errors.empty()) {
        if (m_rows > 1)
            reason = "order " + quoted(m_keyId) + " (" + std::to_string(m_rows) + " rows) rejected: ";
        std::int64_t lastLine = -1;
        for (std::size_t i = 0; i < m_errors.size() && i < kMaxErrorsShown; ++i) {
            const RowError &error = m_errors[i];
            if (i > 0)
                reason += "; ";
            if (m_rows > 1 && error.line != lastLine)
                reason += "line " + std::to_string(error.line) + ": ";
            lastLine = error.line;
            reason += error.text;
        }
        if (m_errors.size() > kMaxErrorsShown)
            reason += "; and " + std::to_string(m_errors.size() - kMaxErrorsShown) + " more";
    } else {
        if (m_amountFromItems && !m_event.items.empty()) {
            Money sum = 0;
            for (const OrderItem &item : m_event.items) {
                Money line = 0;
                if (__builtin_mul_overflow(static_cast<Money>(item.qty), item.unitPrice, &line) ||
                    __builtin_add_overflow(sum, line, &sum)) {
                    reason = "amount (sum of qty x unit_price) is out of range";
                    break;
                }
            }
            if (reason.empty())
                m_event.amount = sum;
        }
        if (reason.empty()) {
            if (auto invalid = validateEvent(m_event, m_rules)) {
                reason = std::move(*invalid);
                // A derived negative total is a return or a cancelled invoice: say where it comes from.
                if (m_amountFromItems && reason == "negative amount" && !m_event.items.empty())
                    reason += " (sum of qty x unit_price: " + std::to_string(*m_event.amount) + ")";
            }
        }
    }
    if (reason.empty()) {
        ++m_accepted;
        m_handler->onEvent(m_event);
    } else {
        quarantine(m_firstLine, m_firstOffset, std::move(reason), m_raw);
    }
}

void CsvDecoder::quarantine(std::int64_t line, std::int64_t offset, std::string reason, std::string_view raw)
{
    ++m_quarantined;
    QuarantineRecord record;
    record.source = m_source;
    record.line = line;
    record.offset = offset;
    record.reason = std::move(reason);
    record.raw = sanitizeRaw(raw);
    m_handler->onQuarantine(std::move(record));
}

} // namespace op
