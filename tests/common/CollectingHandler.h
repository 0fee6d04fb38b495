#pragma once

#include "io/EventHandler.h"

#include <vector>

namespace optest {

// Keeps everything a decoder produces, for assertions.
class CollectingHandler : public op::EventHandler
{
public:
    void onEvent(op::OrderEvent &event) override { events.push_back(event); }
    void onQuarantine(op::QuarantineRecord &&record) override { quarantine.push_back(std::move(record)); }

    std::vector<op::OrderEvent> events;
    std::vector<op::QuarantineRecord> quarantine;
};

} // namespace optest
