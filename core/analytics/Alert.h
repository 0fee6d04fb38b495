#pragma once

#include "model/Money.h"
#include "model/Timestamp.h"

#include <cstdint>
#include <optional>
#include <string>

namespace op {

enum class AlertRule : std::uint8_t { IpVelocity, HighValue };
enum class AlertSeverity : std::uint8_t { Warning, Critical };

// A fraud alert. Live alerts are emitted the moment they fire; the report's alert list is the
// settled form (for ip_velocity: attributed to the threshold-th order in (event_time, order_id)
// order, value = the IP's final order count in the window).
struct Alert
{
    AlertRule rule = AlertRule::HighValue;
    std::string entity;                      // the IP address, or the order_id for high_value
    std::int64_t value = 0;                  // orders in the window, or the amount in won
    std::optional<TimestampMs> windowStart;  // ip_velocity only
    TimestampMs eventTime = 0;
    AlertSeverity severity = AlertSeverity::Warning;
    std::string orderId;                     // the order that raised it
    bool acknowledged = false;

    friend bool operator==(const Alert &, const Alert &) = default;
};

inline const char *alertRuleName(AlertRule r)
{
    return r == AlertRule::IpVelocity ? "ip_velocity" : "high_value";
}
inline const char *alertSeverityName(AlertSeverity s)
{
    return s == AlertSeverity::Critical ? "critical" : "warning";
}

} // namespace op
