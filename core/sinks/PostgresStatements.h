#pragma once

#include "analytics/EngineSettings.h"

#include <pqxx/transaction_base>

#include <string>
#include <vector>

namespace op {

// The SQL PostgresSink runs for a batch, kept apart from the C++ that stages the rows.
// Every derived statement reads only the staged records that were actually inserted into
// order_events (stage_events.fresh), so a record stored twice changes no aggregate.
struct PostgresStatements
{
    // Temporary staging tables, emptied at every commit (created once per connection).
    static const char *const kCreateStaging;
    // INSERT … ON CONFLICT DO NOTHING into order_events, marking the staged rows it inserted as
    // fresh; affected rows = records inserted.
    static std::string insertEvents(const std::string &topic, pqxx::transaction_base &tx);
    // orders, order_items, customers, merchants, realtime_stats, popular_products, ip_windows,
    // high_value_orders, alerts (+ realtime_stats.suspicious_ip_count), quarantine.
    static std::vector<std::string> derived(const EngineSettings &settings);
};

} // namespace op
