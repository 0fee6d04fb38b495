#pragma once

#include "model/OrderEvent.h"
#include "runtime/EventFilter.h"

#include <string>
#include <unordered_set>

namespace op {

// Applies an EventFilter to a stream, order by order. The order's placing event (`order` or
// `placed`) carries region, category, merchant and placement time and is judged on them; the
// lifecycle events that follow (`delivered`, `cancelled`, `rated`) carry only what changed and go
// with their order. A lifecycle event whose order was never seen matching is left out.
class OrderFilter
{
public:
    explicit OrderFilter(EventFilter filter);

    bool accepts(const OrderEvent &event);
    const EventFilter &filter() const { return m_filter; }

private:
    bool matches(const OrderEvent &event) const;

    EventFilter m_filter;
    std::unordered_set<std::string> m_accepted; // order ids; only kept while a filter is set
};

} // namespace op
