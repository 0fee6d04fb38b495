#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace op {

// Appends compact JSON to a std::string without building a DOM, so encoders on hot paths
// (NDJSON files, Kafka messages, Redis values) allocate nothing once the string has grown.
// Commas are placed automatically; the caller is responsible for balanced begin/end calls.
class JsonWriter
{
public:
    explicit JsonWriter(std::string &out)
        : m_out(out)
    {
    }

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    void key(std::string_view name);

    void string(std::string_view text);
    void integer(std::int64_t value);
    // Shortest text that reads back as the same double; NaN and infinities (which JSON cannot
    // hold) are written as null.
    void number(double value);
    void boolean(bool value);
    void null();
    // Appends text that is already one JSON value.
    void raw(std::string_view json);

    // Writes `text` as a JSON string: quotes, backslash and control characters escaped
    // (\n, \t, ... or \u00XX), valid UTF-8 passed through, invalid bytes replaced by U+FFFD so
    // the output is always valid JSON.
    static void appendString(std::string &out, std::string_view text);
    static void appendDouble(std::string &out, double value);
    static void appendInteger(std::string &out, std::int64_t value);

private:
    void separate();

    std::string &m_out;
    bool m_first = true;     // no element written yet in the innermost container
    bool m_afterKey = false; // the next value belongs to the key just written
};

} // namespace op
