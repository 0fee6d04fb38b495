#include "runtime/OrderFilter.h"

namespace op {

OrderFilter::OrderFilter(EventFilter filter)
    : m_filter(std::move(filter))
{
}

bool OrderFilter::matches(const OrderEvent &e) const
{
    if (!m_filter.region.empty() && e.region != m_filter.region)
        return false;
    if (!m_filter.category.empty() && e.category != m_filter.category)
        return false;
    if (!m_filter.merchantId.empty() && e.merchantId != m_filter.merchantId)
        return false;
    if (m_filter.from && e.eventTime < *m_filter.from)
        return false;
    return !(m_filter.to && e.eventTime >= *m_filter.to);
}

bool OrderFilter::accepts(const OrderEvent &e)
{
    if (m_filter.isEmpty())
        return true;
    if (e.type == EventType::Order || e.type == EventType::Placed) {
        if (!matches(e))
            return false;
        m_accepted.insert(e.orderId);
        return true;
    }
    return m_accepted.count(e.orderId) != 0;
}

} // namespace op
