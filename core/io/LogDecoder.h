#pragma once

#include "io/Decoder.h"
#include "io/LineSplitter.h"
#include "io/LogLineParser.h"
#include "io/Validation.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace op {

// Decodes order events from a system log (DESIGN.md: `2026-03-01 12:34:56 INFO order_placed
// order_id=… amount=…`). The format, exactly:
//
//   line   = <date> SP <time> SP <LEVEL> SP <event> *( SP <pair> ) [CR] LF
//   date   = YYYY-MM-DD, the local date in the log's zone (LogTimeZone; default +09:00, Asia/Seoul)
//   time   = hh:mm:ss, with .mmm when the milliseconds are not zero (more digits are truncated to
//            milliseconds; ',' also separates them), optionally followed by an offset (Z, +09:00,
//            +0900) that overrides the zone; `<date>T<time>` as one word is read too
//   LEVEL  = one word (INFO, WARN, ...); any level is read, the encoder writes INFO
//   event  = order_created (type order, a complete record) | order_placed | order_delivered |
//            order_cancelled (or order_canceled) | order_rated
//   pair   = key=value; value is either a run of characters without space or tab, or a
//            double-quoted string in which \" \\ \n \r \t and \xHH (HH < 20 or 7F) are escapes; another
//            backslash stays as it is
//   SP     = one or more spaces or tabs
//
// Keys are the JSON field names of DESIGN.md: order_id, customer_id, merchant_id, merchant_name,
// category, region, amount, delivery_fee, distance_km, promised_min, delivery_min, status, rating,
// ip, payment; items as item.1.name=, item.1.qty=, item.1.unit_price=, item.2.name=, ... in order.
// A key present with an empty value is absent. `event_time=` (ISO-8601 or epoch milliseconds)
// overrides the line's timestamp. Unknown keys and words without '=' are ignored; a repeated key
// overrides the earlier one.
//
// Lines that are not order events (another event such as `INFO payment_gateway latency_ms=120`,
// DEBUG noise, stack traces, banners) are skipped and counted in skipped(); blank lines are not
// counted. A line is an order-event line when it starts with a date (YYYY-…) and its third or
// fourth word is an order event name. Such a line that cannot be read goes to quarantine with its 1-based
// line, the byte offset of its first byte, a reason (LogLineParser's, FieldReasons.h's, op::validateEvent's),
// and its first bytes: a broken head (kMalformedHead, invalid timestamp), a bad value ("field 'amount' is not
// a number"), an unterminated quote; "invalid UTF-8"; a line over 1 MiB (op::tooLongReason, never buffered
// whole). The results do not depend on how the input is split into feed() calls.
class LogDecoder : public Decoder
{
public:
    explicit LogDecoder(LogTimeZone zone = {});

    void begin(std::string source, EventHandler &handler) override;
    void feed(std::string_view bytes) override;
    void finish() override;

    // Non-blank lines that are not order events, since begin().
    [[nodiscard]] std::int64_t skipped() const { return m_skipped; }

    [[nodiscard]] const ValidationRules &rules() const { return m_rules; }
    void setRules(const ValidationRules &rules) { m_rules = rules; }

private:
    void processLine(std::string_view line);
    void processOversizedLine(std::string_view head, std::size_t len);
    void quarantine(std::string reason, std::string_view raw);

    LogLineParser m_parser;
    ValidationRules m_rules;
    OrderEvent m_event;
    EventHandler *m_handler = nullptr;
    std::string m_source;
    std::int64_t m_skipped = 0;

    LineSplitter m_lines;
};

} // namespace op
