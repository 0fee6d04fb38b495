#pragma once

#include "model/OrderEvent.h"

#include <functional>
#include <string>
#include <string_view>

namespace op {

// Writes OrderEvents in one format to a byte sink, streaming. The output of an encoder,
// decoded by the decoder of the same format, gives back the same events.
class Encoder
{
public:
    using Writer = std::function<void(std::string_view)>;

    virtual ~Encoder() = default;
    virtual void begin(Writer writer) = 0; // writes any header
    virtual void write(const OrderEvent &event) = 0;
    virtual void finish() = 0; // writes any footer and flushes
};

} // namespace op
