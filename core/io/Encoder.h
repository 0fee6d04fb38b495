#pragma once

#include "model/OrderEvent.h"

#include <functional>
#include <string>
#include <string_view>

namespace op {

// Writes OrderEvents in one format to a byte sink, streaming. The output of an encoder,
// decoded by the decoder of the same format, gives back the same events.
//
// The base class batches output into writes of about kFlushBytes; a format only says how its
// header, each record and its footer look.
class Encoder
{
public:
    using Writer = std::function<void(std::string_view)>;
    static constexpr std::size_t kFlushBytes = 64 * 1024;

    virtual ~Encoder() = default;

    void begin(Writer writer); // writes any header
    void write(const OrderEvent &event);
    void finish(); // writes any footer and flushes

    // Appends exactly the bytes write() produces for one record (its line(s), newline included),
    // for callers that handle records one at a time (a generator that damages some on purpose).
    virtual void encodeRecord(const OrderEvent &event, std::string &out) = 0;

protected:
    virtual void appendHeader(std::string &out) { (void)out; }
    virtual void appendFooter(std::string &out) { (void)out; }

private:
    void flush();

    Writer m_writer;
    std::string m_buffer;
};

} // namespace op
