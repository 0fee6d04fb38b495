#pragma once

#include "analytics/Analysis.h"
#include "analytics/EngineSettings.h"

#include <memory>
#include <vector>

namespace op {

class DisplayZone;

// The analyses every Engine runs, in the order the engine calls them. The order matters in one
// place: FraudAnalysis must come before RealtimeStatsAnalysis, which reads the fraud analysis's
// settled IP alerts when a window closes (both get onWatermark/finish in list order).
// The display zone outlives the analyses (the engine owns both).
//
// CustomerAnalysis, MerchantAnalysis and DeliveryAnalysis join the list here (their includes,
// then, after the four below):
//   analyses.push_back(std::make_unique<CustomerAnalysis>(settings));
//   analyses.push_back(std::make_unique<MerchantAnalysis>(settings));
//   analyses.push_back(std::make_unique<DeliveryAnalysis>(settings, [&zone](TimestampMs t) { return zone.localHourOfDay(t); }));
std::vector<std::unique_ptr<Analysis>> makeStandardAnalyses(const EngineSettings &settings, const DisplayZone &zone);

} // namespace op
