#pragma once

#include "io/QuarantineRecord.h"
#include "model/OrderEvent.h"

namespace op {

// Receives what a decoder produces. Decoders reuse their OrderEvent between calls: copy
// (or move from the non-const overload's argument) what you keep.
class EventHandler
{
public:
    virtual ~EventHandler() = default;
    virtual void onEvent(OrderEvent &event) = 0;
    virtual void onQuarantine(QuarantineRecord &&record) = 0;
};

} // namespace op
