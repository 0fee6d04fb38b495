#include "io/LogLineParser.h"

#include "io/FieldReasons.h"
#include "io/XmlLogFields.h"

#include <array>
#include <utility>

namespace op {

namespace {

constexpr std::array<std::string_view, 5> kEventNames{"order_created", "order_placed", "order_delivered",
                                                      "order_cancelled", "order_rated"};
constexpr std::size_t kHeadTokens = 4; // <date> <time> <LEVEL> <event>

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// The first (up to) four white-space separated words of a line.
struct Head
{
    std::array<std::string_view, kHeadTokens> tokens{};
    std::array<std::size_t, kHeadTokens> ends{}; // offset just past each token
    std::size_t count = 0;
    std::size_t eventIndex = kHeadTokens; // kHeadTokens: no order event in the head

    explicit Head(std::string_view line)
    {
        std::size_t i = 0;
        while (count < kHeadTokens) {
            while (i < line.size() && isBlank(line[i]))
                ++i;
            if (i >= line.size())
                break;
            const std::size_t start = i;
            while (i < line.size() && !isBlank(line[i]))
                ++i;
            tokens[count] = line.substr(start, i - start);
            ends[count] = i;
            ++count;
        }
        // Only a line that starts with a date can be an order event: a stack trace or a message
        // that mentions an event name is another line of the log.
        if (count == 0 || !startsWithDate(tokens[0]))
            return;
        for (const std::size_t k : {std::size_t{3}, std::size_t{2}})
            if (k < count && LogLineParser::eventFromName(tokens[k])) {
                eventIndex = k;
                return;
            }
    }

    static bool startsWithDate(std::string_view word)
    {
        if (word.size() < 5 || word[4] != '-')
            return false;
        for (std::size_t i = 0; i < 4; ++i)
            if (word[i] < '0' || word[i] > '9')
                return false;
        return true;
    }
};

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string keyReason(std::string_view what, std::string_view key)
{
    std::string r(what);
    r += " '";
    r += reason::quoted(key);
    r += '\'';
    return r;
}

} // namespace

LogLineParser::LogLineParser(LogTimeZone zone)
    : m_zone(std::move(zone))
{
}

std::string LogLineParser::invalidTimestamp(std::string_view text)
{
    return keyReason("invalid timestamp", text);
}

std::string LogLineParser::unterminatedQuote(std::string_view key)
{
    return keyReason("unterminated quoted value for", key);
}

std::string LogLineParser::textAfterQuote(std::string_view key)
{
    return keyReason("unexpected text after the quoted value of", key);
}

std::string LogLineParser::itemOutOfOrder(std::string_view key)
{
    return keyReason("item keys out of order at", key);
}

std::string_view LogLineParser::eventName(EventType type)
{
    return kEventNames[static_cast<std::size_t>(type)];
}

std::optional<EventType> LogLineParser::eventFromName(std::string_view name)
{
    for (std::size_t i = 0; i < kEventNames.size(); ++i)
        if (kEventNames[i] == name)
            return static_cast<EventType>(i);
    if (name == "order_canceled")
        return EventType::Cancelled;
    return std::nullopt;
}

bool LogLineParser::isOrderEventLine(std::string_view line)
{
    return Head(line).eventIndex != kHeadTokens;
}

std::optional<TimestampMs> LogLineParser::parseTime(std::string_view text) const
{
    if (text.size() < 10 || text[4] != '-')
        return parseEpochMillis(text);
    if (m_zone.isFixed())
        return parseIsoTimestamp(text, m_zone.fixedOffsetMinutes());
    const auto wall = parseIsoTimestamp(text, 0);
    if (!wall)
        return std::nullopt;
    const bool explicitOffset = text.find_first_of("Zz+", 10) != std::string_view::npos ||
                                text.find('-', 10) != std::string_view::npos;
    return explicitOffset ? *wall : m_zone.toUtc(*wall);
}

LogLineParser::Kind LogLineParser::parse(std::string_view line, OrderEvent &out)
{
    out.clear();
    m_reason.clear();
    const Head head(line);
    if (head.eventIndex == kHeadTokens)
        return Kind::Other;
    out.type = *eventFromName(head.tokens[head.eventIndex]);

    // <date> <time> <LEVEL> <event>, or <date>T<time> <LEVEL> <event>.
    std::string_view shown;
    if (head.eventIndex == 3) {
        m_scratch.assign(head.tokens[0]);
        m_scratch += 'T';
        m_scratch += head.tokens[1];
        const std::size_t start = head.ends[0] - head.tokens[0].size();
        shown = line.substr(start, head.ends[1] - start);
    } else if (head.eventIndex == 2 && head.tokens[0].size() > 10 &&
               (head.tokens[0][10] == 'T' || head.tokens[0][10] == 't')) {
        m_scratch.assign(head.tokens[0]);
        shown = head.tokens[0];
    } else {
        fail(std::string(kMalformedHead));
        return Kind::Broken;
    }
    // An ISO date starts the head: epoch milliseconds are not a log timestamp.
    const auto time = m_scratch.size() >= 10 && m_scratch[4] == '-' ? parseTime(m_scratch) : std::nullopt;
    if (!time) {
        fail(invalidTimestamp(shown));
        return Kind::Broken;
    }
    out.eventTime = *time;
    return readPairs(line.substr(head.ends[head.eventIndex]), out) ? Kind::Event : Kind::Broken;
}

bool LogLineParser::readPairs(std::string_view rest, OrderEvent &out)
{
    const std::size_t n = rest.size();
    std::size_t i = 0;
    for (;;) {
        while (i < n && isBlank(rest[i]))
            ++i;
        if (i >= n)
            return true;
        const std::size_t keyStart = i;
        while (i < n && rest[i] != '=' && !isBlank(rest[i]))
            ++i;
        if (i >= n || rest[i] != '=' || i == keyStart) {
            // A word without '=' (free text in a log message) carries nothing: skip it.
            while (i < n && !isBlank(rest[i]))
                ++i;
            continue;
        }
        const std::string_view key = rest.substr(keyStart, i - keyStart);
        ++i;
        if (i < n && rest[i] == '"') {
            ++i;
            m_scratch.clear();
            bool closed = false;
            while (i < n) {
                const char c = rest[i];
                if (c == '"') {
                    closed = true;
                    ++i;
                    break;
                }
                if (c == '\\' && i + 1 < n) {
                    const char e = rest[i + 1];
                    i += 2;
                    switch (e) {
                    case '"':
                    case '\\':
                        m_scratch += e;
                        continue;
                    case 'n':
                        m_scratch += '\n';
                        continue;
                    case 'r':
                        m_scratch += '\r';
                        continue;
                    case 't':
                        m_scratch += '\t';
                        continue;
                    case 'x': {
                        // Only control characters are written this way; anything else could
                        // build invalid UTF-8 out of a valid line.
                        const int value = i + 1 < n && hexDigit(rest[i]) >= 0 && hexDigit(rest[i + 1]) >= 0
                                              ? hexDigit(rest[i]) * 16 + hexDigit(rest[i + 1])
                                              : -1;
                        if ((value >= 0 && value < 0x20) || value == 0x7F) {
                            m_scratch += static_cast<char>(value);
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    default:
                        break;
                    }
                    // Not an escape this format writes: kept as it stands.
                    m_scratch += '\\';
                    m_scratch += e;
                    continue;
                }
                m_scratch += c;
                ++i;
            }
            if (!closed)
                return fail(unterminatedQuote(key));
            if (i < n && !isBlank(rest[i]))
                return fail(textAfterQuote(key));
            if (!assign(key, m_scratch, out))
                return false;
        } else {
            const std::size_t valueStart = i;
            while (i < n && !isBlank(rest[i]))
                ++i;
            if (!assign(key, rest.substr(valueStart, i - valueStart), out))
                return false;
        }
    }
}

bool LogLineParser::assign(std::string_view key, std::string_view value, OrderEvent &out)
{
    if (key.starts_with("item."))
        return assignItem(key, value, out);
    const OrderField field = orderFieldNamed(key);
    switch (field) {
    case OrderField::Unknown: // other keys of the log message (latency_ms=, trace_id=, ...)
    case OrderField::Type:    // the event name says it
    case OrderField::Items:   // written as item.N.name=, item.N.qty=, item.N.unit_price=
        return true;
    case OrderField::EventTime: {
        // Overrides the line's timestamp: the time the event happened, where the line says
        // when it was logged (and how the encoder writes times outside years 0000-9999).
        const std::string_view t = xmllog::trimmed(value);
        if (t.empty())
            return true;
        const auto time = parseTime(t);
        if (!time)
            return fail(reason::invalidEventTime(t));
        out.eventTime = *time;
        return true;
    }
    default:
        break;
    }
    if (auto reason = xmllog::setField(out, field, value))
        return fail(std::move(*reason));
    return true;
}

// item.<N>.name / .qty / .unit_price, N counting from 1 in the order the items are written.
bool LogLineParser::assignItem(std::string_view key, std::string_view value, OrderEvent &out)
{
    const std::string_view rest = key.substr(5);
    std::size_t digits = 0;
    std::size_t number = 0;
    while (digits < rest.size() && digits < 9 && rest[digits] >= '0' && rest[digits] <= '9')
        number = number * 10 + static_cast<std::size_t>(rest[digits++] - '0');
    if (digits == 0 || digits >= rest.size() || rest[digits] != '.')
        return true; // not an item key of this format
    const std::string_view field = rest.substr(digits + 1);
    if (field != "name" && field != "qty" && field != "unit_price")
        return true;
    if (number == 0 || (number != out.items.size() && number != out.items.size() + 1))
        return fail(itemOutOfOrder(key));
    if (number == out.items.size() + 1)
        out.items.emplace_back();
    OrderItem &item = out.items.back();
    if (field == "name") {
        item.name.assign(value);
        return true;
    }
    const std::string_view t = xmllog::trimmed(value);
    std::optional<std::string> reason;
    if (field == "qty")
        reason = t.empty() ? std::nullopt : xmllog::parseInt32("qty", t, item.qty);
    else
        reason = t.empty() ? std::nullopt : xmllog::parseMoney("unit_price", t, item.unitPrice);
    if (reason)
        return fail(std::move(*reason));
    return true;
}

bool LogLineParser::fail(std::string reason)
{
    m_reason = std::move(reason);
    return false;
}

} // namespace op
