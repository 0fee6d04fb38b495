#include "io/CsvMapping.h"

#include "io/CsvNumbers.h"
#include "model/OrderEvent.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace op {

namespace {

constexpr std::array<std::string_view, kCsvFieldCount> kFieldNames{
    "type",          "order_id", "event_time",   "customer_id", "merchant_id",
    "merchant_name", "category", "region",       "item_name",   "qty",
    "unit_price",    "amount",   "delivery_fee", "distance_km", "promised_min",
    "delivery_min",  "status",   "rating",       "ip",          "payment"};

constexpr std::array<std::string_view, kCsvFieldCount> kBuiltinColumns{
    "type",         "order_id",    "order_time",   "customer_id",   "restaurant_id", "restaurant_name",
    "category",     "region",      "item_name",    "quantity",      "price",         "order_amount",
    "delivery_fee", "distance_km", "promised_min", "delivery_time", "status",        "rating",
    "ip",           "payment"};

bool isMoney(CsvField f)
{
    return f == CsvField::Amount || f == CsvField::DeliveryFee || f == CsvField::ItemUnitPrice;
}

bool isText(CsvField f)
{
    switch (f) {
    case CsvField::OrderId:
    case CsvField::CustomerId:
    case CsvField::MerchantId:
    case CsvField::MerchantName:
    case CsvField::Category:
    case CsvField::Region:
    case CsvField::ItemName:
    case CsvField::Ip:
    case CsvField::Payment:
        return true;
    default:
        return false;
    }
}

std::string str(const QString &s)
{
    return s.toStdString();
}

std::string knownFieldList()
{
    std::string out;
    for (const std::string_view n : kFieldNames) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out;
}

// Checks a constant the way the decoder would read it from a cell, so a typo in a profile
// is reported when it is loaded rather than on every row.
std::optional<std::string> checkConstant(CsvField f, const CsvFieldSource &src, CsvTimeParser &time)
{
    const std::string &v = *src.value;
    const std::string what =
        "constant for '" + std::string(kFieldNames[static_cast<std::size_t>(f)]) + "': '" + v + "' ";
    switch (f) {
    case CsvField::Type:
        if (!eventTypeFromName(v))
            return what + "is not an event type (order, placed, delivered, cancelled, rated)";
        break;
    case CsvField::Status:
        if (!orderStatusFromName(v))
            return what + "is not an order status";
        break;
    case CsvField::EventTime:
        if (!time.parse(v))
            return what + "is not a valid time";
        break;
    case CsvField::ItemQty:
        if (!parseCsvInt32(v))
            return what + "is not a whole number";
        break;
    case CsvField::DistanceKm:
    case CsvField::PromisedMin:
    case CsvField::DeliveryMin:
    case CsvField::Rating:
        if (!parseCsvDouble(v))
            return what + "is not a number";
        break;
    default:
        if (isMoney(f)) {
            const ScaledDecimal d = parseScaledDecimal(v, src.scale);
            if (d.error)
                return what + std::string(decimalErrorText(*d.error));
        }
        break;
    }
    return std::nullopt;
}

tl::unexpected<std::string> fail(std::string message)
{
    return tl::unexpected<std::string>(std::move(message));
}

} // namespace

std::string_view CsvMapping::fieldName(CsvField field)
{
    return kFieldNames[static_cast<std::size_t>(field)];
}

std::optional<CsvField> CsvMapping::fieldFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kFieldNames.size(); ++i)
        if (kFieldNames[i] == name)
            return static_cast<CsvField>(i);
    return std::nullopt;
}

const std::array<std::string_view, kCsvFieldCount> &CsvMapping::builtinColumns()
{
    return kBuiltinColumns;
}

CsvMapping CsvMapping::builtin()
{
    CsvMapping m;
    m.m_name = "built-in";
    for (std::size_t i = 0; i < kCsvFieldCount; ++i)
        m.m_sources[i].column = std::string(kBuiltinColumns[i]);
    m.m_itemsPerRow = true;
    m.m_missingColumnsAbsent = true;
    return m;
}

tl::expected<CsvMapping, std::string> CsvMapping::fromJson(std::string_view json)
{
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(json.data(), static_cast<qsizetype>(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail("mapping is not valid JSON: " + str(parseError.errorString()) + " at byte " +
                    std::to_string(parseError.offset));
    if (!doc.isObject())
        return fail("mapping must be a JSON object");
    const QJsonObject root = doc.object();

    static const QStringList kTopKeys{
        QStringLiteral("name"),  QStringLiteral("description"),     QStringLiteral("delimiter"),
        QStringLiteral("items"), QStringLiteral("missing_columns"), QStringLiteral("fields"),
        QStringLiteral("skip")};
    for (auto it = root.begin(); it != root.end(); ++it)
        if (!kTopKeys.contains(it.key()))
            return fail("unknown key '" + str(it.key()) +
                        "' in the mapping (known: " + str(kTopKeys.join(QStringLiteral(", "))) + ")");

    CsvMapping m;
    m.m_name = str(root.value(QStringLiteral("name")).toString());

    if (root.contains(QStringLiteral("delimiter"))) {
        const QString d = root.value(QStringLiteral("delimiter")).toString();
        if (d == QStringLiteral("tab") || d == QStringLiteral("\t"))
            m.m_delimiter = '\t';
        else if (d.size() == 1 && d[0].unicode() > 0x20 && d[0].unicode() < 0x7F && d[0] != QLatin1Char('"'))
            m.m_delimiter = static_cast<char>(d[0].unicode());
        else
            return fail(R"("delimiter" must be one ASCII character such as ",", ";" or "tab")");
    }
    if (root.contains(QStringLiteral("missing_columns"))) {
        const QString v = root.value(QStringLiteral("missing_columns")).toString();
        if (v == QStringLiteral("absent"))
            m.m_missingColumnsAbsent = true;
        else if (v != QStringLiteral("error"))
            return fail(R"("missing_columns" must be "error" or "absent")");
    }

    const QJsonValue fieldsValue = root.value(QStringLiteral("fields"));
    if (!fieldsValue.isObject())
        return fail(R"(mapping has no "fields" object (field name -> column))");
    const QJsonObject fields = fieldsValue.toObject();
    QString timeFormat = QStringLiteral("iso");
    QString timeZone = QStringLiteral("Asia/Seoul");
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const std::string key = str(it.key());
        const auto field = fieldFromName(key);
        if (!field)
            return fail("unknown field '" + key + R"(' in "fields" (known: )" + knownFieldList() + ")");
        CsvFieldSource &src = m.m_sources[static_cast<std::size_t>(*field)];
        const QJsonValue v = it.value();
        if (v.isString()) {
            src.column = str(v.toString());
            if (src.column.empty())
                return fail("field '" + key + "': the column name is empty");
            continue;
        }
        if (!v.isObject())
            return fail("field '" + key +
                        R"(' must be a column name or an object such as {"column": "..."})");
        const QJsonObject o = v.toObject();
        for (auto k = o.begin(); k != o.end(); ++k) {
            const QString option = k.key();
            const bool ok = option == QStringLiteral("column") || option == QStringLiteral("value") ||
                            (option == QStringLiteral("scale") && isMoney(*field)) ||
                            (option == QStringLiteral("strip_suffix") && isText(*field)) ||
                            ((option == QStringLiteral("format") || option == QStringLiteral("time_zone")) &&
                             *field == CsvField::EventTime);
            if (!ok)
                return fail("field '" + key + "': option '" + str(option) + "' is not allowed here");
        }
        if (o.contains(QStringLiteral("column")) == o.contains(QStringLiteral("value")))
            return fail("field '" + key + R"(' needs either "column" or "value")");
        if (o.contains(QStringLiteral("column"))) {
            src.column = str(o.value(QStringLiteral("column")).toString());
            if (src.column.empty())
                return fail("field '" + key + R"(': "column" must be a non-empty string)");
        } else {
            const QJsonValue c = o.value(QStringLiteral("value"));
            if (c.isString())
                src.value = str(c.toString());
            else if (c.isDouble())
                src.value = str(c.toVariant().toString());
            else
                return fail("field '" + key + R"(': "value" must be a string or a number)");
        }
        if (o.contains(QStringLiteral("scale"))) {
            const double s = o.value(QStringLiteral("scale")).toDouble(-1);
            if (!(s >= 1 && s <= 1e9) || s != static_cast<double>(static_cast<std::int64_t>(s)))
                return fail("field '" + key + R"(': "scale" must be a whole number from 1 to 1000000000)");
            src.scale = static_cast<std::int64_t>(s);
        }
        if (o.contains(QStringLiteral("strip_suffix"))) {
            src.stripSuffix = str(o.value(QStringLiteral("strip_suffix")).toString());
            if (src.stripSuffix.empty())
                return fail("field '" + key + R"(': "strip_suffix" must be a non-empty string)");
        }
        if (o.contains(QStringLiteral("format")))
            timeFormat = o.value(QStringLiteral("format")).toString();
        if (o.contains(QStringLiteral("time_zone")))
            timeZone = o.value(QStringLiteral("time_zone")).toString();
    }

    const QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid())
        return fail("unknown time zone '" + str(timeZone) +
                    R"(' (use an IANA name such as "Europe/London"))");
    if (timeFormat.isEmpty())
        return fail(R"(field 'event_time': "format" is empty (use "iso", "epoch_ms" or a Qt format))");
    if (timeFormat == QStringLiteral("iso"))
        m.m_time = CsvTimeParser(CsvTimeParser::Format::Iso, QString(), zone);
    else if (timeFormat == QStringLiteral("epoch_ms"))
        m.m_time = CsvTimeParser(CsvTimeParser::Format::EpochMs, QString(), zone);
    else
        m.m_time = CsvTimeParser(CsvTimeParser::Format::Pattern, timeFormat, zone);

    if (m.source(CsvField::OrderId).column.empty())
        return fail(R"(mapping has no order_id column: add "order_id": "<column name>" to "fields")");
    if (!m.source(CsvField::EventTime).mapped())
        return fail(R"(mapping has no event_time: add "event_time": "<column name>" to "fields")");

    const bool anyItem = m.source(CsvField::ItemName).mapped() || m.source(CsvField::ItemQty).mapped() ||
                         m.source(CsvField::ItemUnitPrice).mapped();
    const QString items = root.value(QStringLiteral("items"))
                              .toString(anyItem ? QStringLiteral("per_row") : QStringLiteral("none"));
    if (items == QStringLiteral("per_row")) {
        if (!m.source(CsvField::ItemName).mapped() || !m.source(CsvField::ItemQty).mapped() ||
            !m.source(CsvField::ItemUnitPrice).mapped())
            return fail(R"("items": "per_row" needs item_name, qty and unit_price in "fields")");
        m.m_itemsPerRow = true;
    } else if (items == QStringLiteral("none")) {
        if (anyItem)
            return fail(R"("items" is "none" but item fields are mapped)");
    } else {
        return fail(R"("items" must be "per_row" or "none")");
    }

    for (std::size_t i = 0; i < kCsvFieldCount; ++i) {
        const CsvFieldSource &src = m.m_sources[i];
        if (src.value)
            if (auto error = checkConstant(static_cast<CsvField>(i), src, m.m_time))
                return fail(*error);
    }

    if (root.contains(QStringLiteral("skip"))) {
        const QJsonValue skip = root.value(QStringLiteral("skip"));
        if (!skip.isArray())
            return fail(R"("skip" must be a list of rules such as {"column": "InvoiceNo", "prefix": "C"})");
        for (const auto &r : skip.toArray()) {
            const QJsonObject o = r.toObject();
            CsvSkipRule rule;
            rule.column = str(o.value(QStringLiteral("column")).toString());
            const bool hasPrefix = o.contains(QStringLiteral("prefix"));
            const bool hasEquals = o.contains(QStringLiteral("equals"));
            if (!r.isObject() || rule.column.empty() || hasPrefix == hasEquals)
                return fail(R"(each "skip" rule needs "column" and one of "prefix" or "equals")");
            for (auto k = o.begin(); k != o.end(); ++k)
                if (k.key() != QStringLiteral("column") && k.key() != QStringLiteral("prefix") &&
                    k.key() != QStringLiteral("equals") && k.key() != QStringLiteral("reason"))
                    return fail(R"("skip" rule: unknown key ')" + str(k.key()) + "'");
            if (hasPrefix) {
                rule.prefix = str(o.value(QStringLiteral("prefix")).toString());
                if (rule.prefix.empty())
                    return fail(R"("skip" rule: "prefix" must be a non-empty string)");
            } else {
                rule.equals = str(o.value(QStringLiteral("equals")).toString());
            }
            rule.reason = str(o.value(QStringLiteral("reason")).toString());
            if (rule.reason.empty())
                rule.reason = hasPrefix ? "column '" + rule.column + "' starts with '" + rule.prefix + "'"
                                        : "column '" + rule.column + "' is '" + *rule.equals + "'";
            m.m_skipRules.push_back(std::move(rule));
        }
    }
    return m;
}

tl::expected<CsvMapping, std::string> CsvMapping::fromFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail("cannot read mapping '" + str(path) + "': " + str(file.errorString()));
    const QByteArray bytes = file.readAll();
    auto mapping = fromJson(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    if (!mapping)
        return fail("mapping '" + str(path) + "': " + mapping.error());
    return mapping;
}

} // namespace op
