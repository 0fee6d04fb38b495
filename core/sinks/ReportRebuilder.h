#pragma once

#include "analytics/EngineSettings.h"
#include "analytics/Report.h"
#include "sinks/StoredDataReader.h"

#include <tl/expected.hpp>

#include <string>

namespace op {

// `orderpulse-cli report`: replays the stored records, sorted, through a fresh engine with the
// late flags the workers gave them, and adds the stored counters. With the same settings this is
// the report `analyze` gives on the same data, however many workers stored it.
tl::expected<Report, std::string> rebuildReport(StoredDataReader &reader, const EngineSettings &settings);

} // namespace op
