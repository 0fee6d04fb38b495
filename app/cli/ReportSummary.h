#pragma once

#include "analytics/Report.h"

#include <QString>

namespace cli {

// The two lines every engine-running command prints: events, then totals.
QString reportSummaryText(const op::Report &report);

} // namespace cli
