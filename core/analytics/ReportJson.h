#pragma once

#include "analytics/Report.h"

#include <tl/expected.hpp>

#include <string>
#include <string_view>

namespace op {

// The report as DESIGN.md's JSON object ("Command line", --json): field names and order as
// there, times ISO-8601 UTC with Z (milliseconds only when non-zero), money as integers,
// doubles in shortest round-trip form, null for absent values.
//
// Layout (stable; tests compare bytes): 2-space indentation; an object whose values are all
// scalars is written on one line without spaces ({"a":1,"b":2}); an array of objects or arrays
// has one element per line; other objects have one "key": value per line. The text ends with
// a newline after the closing brace.
std::string reportToJson(const Report &report);

// Reads what reportToJson writes (for tests and `report` comparisons). Not in the JSON, so not
// restored: delivery.lateRateByHour, Alert::acknowledged, and Alert::orderId of ip_velocity
// alerts (a high_value alert's orderId is its entity).
tl::expected<Report, std::string> reportFromJson(std::string_view json);

} // namespace op
