#include "analytics/MerchantAnalysis.h"

#include "analytics/FixedPoint.h"

#include <algorithm>
#include <cassert>
#include <numeric>

namespace op {

MerchantAnalysis::MerchantAnalysis(const EngineSettings &settings)
{
    (void)settings; // no merchant knobs yet; the engine constructs every analysis alike
}

MerchantAnalysis::MerchantState *MerchantAnalysis::find(const std::string &merchantId)
{
    const auto it = m_index.find(merchantId);
    return it == m_index.end() ? nullptr : &m_merchants[it->second];
}

MerchantAnalysis::MerchantState &MerchantAnalysis::findOrAdd(const std::string &merchantId)
{
    const auto [it, inserted] =
        m_index.try_emplace(merchantId, static_cast<std::uint32_t>(m_merchants.size()));
    if (inserted) {
        m_merchants.emplace_back();
        m_merchants.back().id = merchantId;
    }
    return m_merchants[it->second];
}

void MerchantAnalysis::offerName(MerchantState &m, const OrderEvent &order)
{
    if (order.merchantName.empty())
        return;
    // >= so that a later change of the same order's name replaces it.
    const bool later = m.name.empty() || order.eventTime > m.nameTime ||
                       (order.eventTime == m.nameTime && order.orderId >= m.nameOrderId);
    if (!later)
        return;
    m.name = order.merchantName;
    m.nameTime = order.eventTime;
    m.nameOrderId = order.orderId;
}

void MerchantAnalysis::applyOutcome(MerchantState &m, const OrderEvent &order, int sign)
{
    if (order.rating) {
        m.rated += sign;
        m.ratingHundredths += sign * toHundredths(*order.rating);
    }
    if (order.status == OrderStatus::Cancelled)
        m.cancelled += sign;
    if (order.status == OrderStatus::Delivered && order.deliveryMin) {
        m.timedDeliveries += sign;
        m.deliveryThousandths += sign * toThousandths(*order.deliveryMin);
        if (order.promisedMin) {
            m.lateBase += sign;
            if (*order.deliveryMin > *order.promisedMin)
                m.late += sign;
        }
    }
}

void MerchantAnalysis::onOrderPlaced(const OrderEvent &order, const EventContext &context)
{
    if (order.merchantId.empty())
        return;
    // The engine's dense index spares the string hash; a new merchant still goes into m_index
    // for find() on updates.
    const std::uint32_t index = context.merchantIndex;
    MerchantState &m = index < m_merchants.size() ? m_merchants[index] : findOrAdd(order.merchantId);
    assert(m.id == order.merchantId);
    ++m.orders;
    m.sales += order.amount.value_or(0);
    offerName(m, order);
    applyOutcome(m, order, +1);
}

void MerchantAnalysis::onOrderUpdated(const OrderEvent &before, const OrderEvent &after,
                                      const EventContext &context)
{
    (void)context;
    // Placement fields (merchant, amount) are the same in both; only the outcome moves.
    if (!before.merchantId.empty()) {
        if (MerchantState *m = find(before.merchantId))
            applyOutcome(*m, before, -1);
    }
    if (!after.merchantId.empty()) {
        if (MerchantState *m = find(after.merchantId)) {
            offerName(*m, after);
            applyOutcome(*m, after, +1);
        }
    }
}

MerchantRow MerchantAnalysis::makeRow(const MerchantState &m)
{
    MerchantRow row;
    row.merchantId = m.id;
    row.name = m.name;
    row.orders = m.orders;
    row.sales = m.sales;
    row.avgOrderValue = roundDiv(m.sales, m.orders);
    if (m.rated > 0)
        row.rating = ratio4(m.ratingHundredths, m.rated * 100);
    if (m.timedDeliveries > 0)
        row.deliveryMin = ratio4(m.deliveryThousandths, m.timedDeliveries * 1000);
    row.lateRate = ratio4(m.late, m.lateBase);
    row.cancelRate = ratio4(m.cancelled, m.orders);
    return row;
}

std::vector<MerchantRow> MerchantAnalysis::rows() const
{
    if (m_byId.size() != m_merchants.size()) {
        m_byId.resize(m_merchants.size());
        std::iota(m_byId.begin(), m_byId.end(), 0u);
        std::sort(m_byId.begin(), m_byId.end(),
                  [this](std::uint32_t a, std::uint32_t b) { return m_merchants[a].id < m_merchants[b].id; });
    }
    std::vector<MerchantRow> out;
    out.reserve(m_byId.size());
    for (const std::uint32_t i : m_byId)
        out.push_back(makeRow(m_merchants[i]));
    return out;
}

void MerchantAnalysis::fillReport(Report &report) const
{
    report.merchants = rows();
}

void MerchantAnalysis::fillSnapshot(Snapshot &snapshot) const
{
    snapshot.merchants = rows();
}

} // namespace op
