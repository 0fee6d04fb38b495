#pragma once

#include "analytics/Report.h"

#include <QString>

#include <tl/expected.hpp>

namespace cli {

// The two lines every engine-running command prints: events, then totals.
QString reportSummaryText(const op::Report &report);

// Writes the report as DESIGN.md's JSON to `path` ('-' = stdout), or says why it could not.
tl::expected<void, QString> writeReportJson(const QString &path, const op::Report &report);

} // namespace cli
