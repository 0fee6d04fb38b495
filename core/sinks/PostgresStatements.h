#pragma once

#include "analytics/EngineSettings.h"

#include <pqxx/transaction_base>

#include <string>
#include <vector>

namespace op {

// The SQL PostgresSink runs for a batch, kept apart from the C++ that stages the rows.
// Every derived statement reads the staged records, after dropStale() removed those that
// order_events already held, so a record stored twice changes no aggregate.
struct PostgresStatements
{
    // Temporary staging tables, emptied at every commit (created once per connection).
    static const char *const kCreateStaging;
    // INSERT … ON CONFLICT DO NOTHING into order_events; affected rows = records inserted.
    static std::string insertEvents(const std::string &topic, pqxx::transaction_base &tx);
    // When fewer were inserted than staged: removes the others (and their items) from staging.
    static std::vector<std::string> dropStale(const std::string &topic, pqxx::transaction_base &tx);
    // orders, order_items, customers, merchants, realtime_stats, popular_products, ip_windows,
    // high_value_orders, alerts (+ realtime_stats.suspicious_ip_count), quarantine.
    // oneEventPerOrder: no order_id occurs twice in the batch (no merging needed, a cheaper statement).
    static std::vector<std::string> derived(const EngineSettings &settings, bool oneEventPerOrder);
    // The last two of derived(): alerts (+ realtime_stats.suspicious_ip_count) and quarantine from
    // stage_alerts and stage_quarantine (also run by PostgresDirectPath's batches).
    static std::vector<std::string> sideTables(const EngineSettings &settings);
};

} // namespace op
