#pragma once

#include "analytics/EngineSettings.h"
#include "sinks/SinkBatch.h"

#include <pqxx/transaction_base>

#include <string>

namespace op {

// The fast write path of PostgresSink for the common batch: only placements, each order once, none
// stored before. Its facts go by COPY straight into order_events, orders, order_items and
// high_value_orders (no staging, no ON CONFLICT), and the additive tables get aggregates computed
// here from the batch (one upserted row per customer, merchant, window…) instead of SQL grouping
// over staging. The caller runs copyFacts() in a subtransaction: a unique violation means some
// record was stored already, and the staging path (which sorts that out) runs instead.
struct PostgresDirectPath
{
    // Only placements, no order_id twice, event times PostgreSQL's TIMESTAMP can hold.
    static bool eligible(const SinkBatch &batch);
    // COPY into order_events, orders, order_items, high_value_orders. Throws pqxx::unique_violation
    // when one of the records was stored before.
    static void copyFacts(pqxx::transaction_base &tx, const SinkBatch &batch, const EngineSettings &settings);
    // Upserts of customers, merchants, realtime_stats, popular_products and ip_windows with the
    // batch's aggregates (the same values the staging path's GROUP BY gives).
    static void upsertAggregates(pqxx::transaction_base &tx, const SinkBatch &batch, const EngineSettings &settings);
};

} // namespace op
