#pragma once

#include "io/Encoder.h"

#include <string>

namespace op {

// Writes OrderEvents as NDJSON: one object per line, fields in the order of DESIGN.md's
// OrderEvent, absent optionals and empty text fields omitted (never null), event_time as
// ISO-8601 with milliseconds in a fixed offset ("2026-03-01T12:34:56.789+09:00").
class NdjsonEncoder : public Encoder
{
public:
    static constexpr int kDefaultOffsetMinutes = 9 * 60; // Asia/Seoul, no daylight saving

    explicit NdjsonEncoder(int offsetMinutes = kDefaultOffsetMinutes);

    void encodeRecord(const OrderEvent &event, std::string &out) override;

    // Appends one record, without the newline (a Kafka message value).
    void encode(const OrderEvent &event, std::string &out) const;

    [[nodiscard]] int offsetMinutes() const { return m_offsetMinutes; }
    void setOffsetMinutes(int minutes) { m_offsetMinutes = minutes; }

    // Appends the JSON value for `t`: the string "YYYY-MM-DDThh:mm:ss.mmm+hh:mm" in the given
    // offset. Years outside 0000-9999 have no such form: those are appended as a number of
    // epoch milliseconds, which the decoder reads back the same.
    static void appendEventTime(std::string &out, TimestampMs t, int offsetMinutes);

private:
    static constexpr std::size_t kEventTimeBytes = 32;
    // Writes the JSON value of appendEventTime into buf; returns its length.
    static std::size_t formatEventTime(char (&buf)[kEventTimeBytes], TimestampMs t, int offsetMinutes);

    int m_offsetMinutes;
};

} // namespace op
