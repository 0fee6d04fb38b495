#include "analytics/StandardAnalyses.h"

#include "analytics/CustomerAnalysis.h"
#include "analytics/DeliveryAnalysis.h"
#include "analytics/DisplayZone.h"
#include "analytics/FraudAnalysis.h"
#include "analytics/MerchantAnalysis.h"
#include "analytics/PopularItemsAnalysis.h"
#include "analytics/RealtimeStatsAnalysis.h"
#include "analytics/TrendAnalysis.h"

namespace op {

std::vector<std::unique_ptr<Analysis>> makeStandardAnalyses(const EngineSettings &settings, const DisplayZone &zone)
{
    std::vector<std::unique_ptr<Analysis>> analyses;
    auto fraud = std::make_unique<FraudAnalysis>(settings);
    auto realtime = std::make_unique<RealtimeStatsAnalysis>(settings, *fraud);
    analyses.push_back(std::move(fraud));
    analyses.push_back(std::move(realtime));
    analyses.push_back(std::make_unique<TrendAnalysis>(settings, zone));
    analyses.push_back(std::make_unique<PopularItemsAnalysis>(settings));
    // The zone outlives the analyses: both are owned by the engine, the zone declared first.
    analyses.push_back(std::make_unique<DeliveryAnalysis>(
        settings, [&zone](TimestampMs t) { return zone.localHourOfDay(t); }));
    // Last: their per-merchant and per-customer states are prefetched (Analysis::prefetchPlaced)
    // and the others' work hides the misses.
    analyses.push_back(std::make_unique<MerchantAnalysis>(settings));
    analyses.push_back(std::make_unique<CustomerAnalysis>(settings));
    return analyses;
}

} // namespace op
