#pragma once

#include "io/Encoder.h"
#include "io/LogTimeZone.h"

#include <string>
#include <string_view>

namespace op {

// Writes order events as system log lines, the format LogDecoder.h defines, at INFO level:
//
//   2026-03-01 12:34:56.789 INFO order_created order_id=O-0000001 customer_id=C-00042 …
//       merchant_name="Kyochon Gangnam" … amount=21000 … item.1.name="Fried chicken" item.1.qty=1 …
//
// The timestamp is the event time in the zone (default +09:00), with milliseconds when they are
// not zero. Where the wall-clock time alone would not give the instant back (a DST fold, an
// offset with seconds) an explicit offset (or Z) follows it; times outside years 0000-9999 are
// written as event_time=<epoch ms> after a clamped timestamp. Every field is written, so
// LogDecoder gives back the same events. Values with a space, tab, quote, '=', backslash or
// control character are double-quoted with escapes; invalid UTF-8 becomes U+FFFD.
class LogEncoder : public Encoder
{
public:
    explicit LogEncoder(LogTimeZone zone = {});

    void encodeRecord(const OrderEvent &event, std::string &out) override;

    // One line, without its newline.
    static void appendLine(std::string &out, const OrderEvent &event, const LogTimeZone &zone);
    // A value, quoted and escaped when it needs to be.
    static void appendValue(std::string &out, std::string_view value);

private:

    LogTimeZone m_zone;
};

} // namespace op
