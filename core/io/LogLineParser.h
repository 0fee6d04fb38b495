#pragma once

#include "io/LogTimeZone.h"
#include "model/OrderEvent.h"

#include <optional>
#include <string>
#include <string_view>

namespace op {

// Reads one log line (without its line end) in the format of LogDecoder.h. Tells order-event
// lines from the other lines of a system log, and reads the former into an OrderEvent.
class LogLineParser
{
public:
    enum class Kind : std::uint8_t
    {
        Other,  // not an order event: a log line of something else, a stack trace, ...
        Event,  // an order event, read into `out`
        Broken, // an order event that cannot be read: reason() says why
    };

    explicit LogLineParser(LogTimeZone zone = {});

    // Whether the line names an order event in its head (without reading the rest).
    static bool isOrderEventLine(std::string_view line);
    Kind parse(std::string_view line, OrderEvent &out);
    [[nodiscard]] const std::string &reason() const { return m_reason; }

    // Reasons (tests check these texts); field errors use the reasons of XmlLogFields.h and
    // rule violations those of op::validateEvent.
    static constexpr std::string_view kMalformedHead =
        "malformed log line: expected '<date> <time> <LEVEL> <event>' before the event";
    static std::string invalidTimestamp(std::string_view text); // invalid timestamp '2026-13-01 10:00:00'
    static std::string
    unterminatedQuote(std::string_view key);                 // unterminated quoted value for 'merchant_name'
    static std::string textAfterQuote(std::string_view key); // unexpected text after the quoted value of 'ip'
    static std::string itemOutOfOrder(std::string_view key); // item keys out of order at 'item.3.qty'

    // Event name of each EventType: order_created, order_placed, ... (`order_canceled` is read too).
    static std::string_view eventName(EventType type);
    static std::optional<EventType> eventFromName(std::string_view name);

    // Reads a time as written in the log: ISO-8601 (with or without an offset; without one it
    // is a wall-clock time in the zone) or epoch milliseconds.
    [[nodiscard]] std::optional<TimestampMs> parseTime(std::string_view text) const;

private:
    bool readPairs(std::string_view rest, OrderEvent &out);
    bool assign(std::string_view key, std::string_view value, OrderEvent &out);
    bool assignItem(std::string_view key, std::string_view value, OrderEvent &out);
    bool fail(std::string reason);

    LogTimeZone m_zone;
    std::string m_reason;
    std::string m_scratch; // timestamps and unescaped values
};

} // namespace op
