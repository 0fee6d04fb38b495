#pragma once

#include "analytics/Analysis.h"
#include "analytics/EngineSettings.h"
#include "analytics/Report.h"
#include "analytics/Snapshot.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace op {

// Per-merchant performance (DESIGN.md "merchants", ENGINE_SEMANTICS.md): orders, sales, AOV, the
// name of the latest named order, mean rating, mean delivery minutes, late rate, cancel rate.
//
// Everything is an integer sum (ratings in hundredths, delivery minutes in thousandths) so that an
// update retracts exactly what `before` added and applies `after`, and means and rates come out
// through op::ratio4 with the same bits in any arrival order. Orders without a merchant_id have no
// merchant row.
class MerchantAnalysis : public Analysis
{
public:
    explicit MerchantAnalysis(const EngineSettings &settings);

    void prefetchPlaced(const OrderEvent &order, const EventContext &context) const override
    {
        (void)order;
        if (context.merchantIndex < m_merchants.size())
            __builtin_prefetch(&m_merchants[context.merchantIndex].orders, 1);
    }
    void onOrderPlaced(const OrderEvent &order, const EventContext &context) override;
    void onOrderUpdated(const OrderEvent &before, const OrderEvent &after,
                        const EventContext &context) override;
    void fillReport(Report &report) const override;
    void fillSnapshot(Snapshot &snapshot) const override;

    std::size_t merchantCount() const { return m_merchants.size(); }

private:
    struct MerchantState
    {
        std::string id;
        std::string name;
        TimestampMs nameTime = 0; // (event_time, order_id) of the order the name came from
        std::string nameOrderId;
        std::int64_t orders = 0;
        Money sales = 0;
        std::int64_t rated = 0;
        std::int64_t ratingHundredths = 0;
        std::int64_t timedDeliveries = 0; // delivered with delivery_min
        std::int64_t deliveryThousandths = 0;
        std::int64_t lateBase = 0; // delivered with delivery_min and promised_min
        std::int64_t late = 0;
        std::int64_t cancelled = 0;
    };

    MerchantState *find(const std::string &merchantId);
    MerchantState &findOrAdd(const std::string &merchantId);
    static void offerName(MerchantState &m, const OrderEvent &order);
    // Adds (sign +1) or retracts (sign -1) what the order's current outcome contributes.
    static void applyOutcome(MerchantState &m, const OrderEvent &order, int sign);
    static MerchantRow makeRow(const MerchantState &m);
    std::vector<MerchantRow> rows() const;

    std::unordered_map<std::string, std::uint32_t> m_index;
    std::vector<MerchantState> m_merchants;
    mutable std::vector<std::uint32_t> m_byId; // cached id order, rebuilt when merchants are added
};

} // namespace op
