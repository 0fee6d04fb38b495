// PostgreSQL sink throughput (issue 5): generated orders with their items stored through
// PostgresSink (all-new placements: COPY straight into order_events, orders, order_items and
// high_value_orders, plus the batch's aggregates upserted into the derived tables; one transaction
// per 20,000-record batch) beside per-row prepared INSERTs of the same orders and items, in the same
// run, against a PostgreSQL started for the run (as in tests/common).
//
// usage: bench_pg_sink [ORDERS (200000)] [ROW_INSERT_ORDERS (20000)]
#include "BenchSupport.h"
#include "PostgresServer.h"

#include "analytics/Engine.h"
#include "io/Generator.h"
#include "sinks/PostgresSink.h"
#include "sinks/PostgresUrl.h"

#include <pqxx/connection>
#include <pqxx/transaction>

#include <cstdio>
#include <cstdlib>

namespace {

constexpr std::size_t kBatch = 20000;

std::vector<op::SinkBatch> makeBatches(std::int64_t orders)
{
    op::GeneratorOptions options;
    options.orders = orders;
    options.seed = 5;
    options.days = 1; // a dense stream: many orders per 30 s window, as at 150,000 orders/s
    op::Generator generator(options);
    op::Engine engine;
    std::vector<op::SinkBatch> batches;
    op::GeneratedRecord record;
    std::int64_t offset = 0;
    while (generator.next(record)) {
        if (batches.empty() || batches.back().records.size() >= kBatch) {
            op::SinkBatch &b = batches.emplace_back();
            b.topic = "orders";
            b.startOffsets.push_back({0, offset});
            b.offsets.push_back({0, offset});
        }
        const auto outcome = engine.process(record.event, 0);
        if (outcome == op::Engine::Outcome::Accepted || outcome == op::Engine::Outcome::Late)
            batches.back().records.push_back({record.event, outcome == op::Engine::Outcome::Late, 0, offset});
        batches.back().offsets.back().offset = ++offset;
    }
    return batches;
}

std::int64_t itemCount(const std::vector<op::SinkBatch> &batches)
{
    std::int64_t n = 0;
    for (const auto &b : batches)
        for (const auto &r : b.records)
            n += static_cast<std::int64_t>(r.event.items.size());
    return n;
}

} // namespace

int main(int argc, char **argv)
{
    const std::int64_t orders = argc > 1 ? std::atoll(argv[1]) : 200000;
    const std::int64_t rowOrders = argc > 2 ? std::atoll(argv[2]) : 20000;
    optest::PostgresServer server;
    if (server.url().isEmpty()) {
        std::fprintf(stderr, "bench_pg_sink: PostgreSQL did not start: %s\n", qPrintable(server.error()));
        return 1;
    }
    const auto url = op::PostgresUrl::parse(server.url().toStdString());

    const std::vector<op::SinkBatch> batches = makeBatches(orders);
    const std::int64_t items = itemCount(batches);
    op::PostgresSink sink(*url);
    if (auto opened = sink.open(); !opened) {
        std::fprintf(stderr, "bench_pg_sink: %s\n", opened.error().c_str());
        return 1;
    }
    double start = bench::wallSeconds();
    for (const op::SinkBatch &b : batches) {
        if (auto written = sink.write(b); !written) {
            std::fprintf(stderr, "bench_pg_sink: %s\n", written.error().c_str());
            return 1;
        }
    }
    const double copySeconds = bench::wallSeconds() - start;
    std::printf("PostgresSink (COPY + derived tables, %zu-record batches): %lld orders, %lld items in %.2f s: "
                "%.0f orders/s (%.0f rows/s of orders+items)\n",
                kBatch, static_cast<long long>(orders), static_cast<long long>(items), copySeconds,
                static_cast<double>(orders) / copySeconds, static_cast<double>(orders + items) / copySeconds);

    // Per-row prepared INSERTs of the same facts (order_events row, orders row, one row per item),
    // one transaction per batch, into an empty copy of the tables.
    pqxx::connection db(url->connectionString());
    {
        pqxx::work tx(db);
        tx.exec("CREATE TABLE row_events (LIKE order_events INCLUDING ALL);"
                "CREATE TABLE row_orders (LIKE orders INCLUDING ALL);"
                "CREATE TABLE row_items (LIKE order_items INCLUDING ALL)");
        tx.commit();
    }
    db.prepare("event", "INSERT INTO row_events (order_id, kind, event_time_ms, late, payload, topic, kafka_partition, "
                        "kafka_offset) VALUES ($1, 'placement', $2, $3, $4, 'orders', 0, $5) ON CONFLICT DO NOTHING");
    db.prepare("order", "INSERT INTO row_orders (order_id, order_time, customer_id, merchant_id, amount, ip_address) "
                        "VALUES ($1, TIMESTAMP 'epoch' + $2 * INTERVAL '1 millisecond', $3, $4, $5, $6) "
                        "ON CONFLICT DO NOTHING");
    db.prepare("item", "INSERT INTO row_items (order_id, line, product_name, quantity, unit_price) "
                       "VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING");
    std::int64_t rowDone = 0;
    std::int64_t rowItems = 0;
    std::string payload = "{}";
    start = bench::wallSeconds();
    for (const op::SinkBatch &b : batches) {
        if (rowDone >= rowOrders)
            break;
        pqxx::work tx(db);
        for (const op::StoredRecord &r : b.records) {
            const op::OrderEvent &e = r.event;
            tx.exec_prepared("event", e.orderId, e.eventTime, r.late, payload, r.offset);
            tx.exec_prepared("order", e.orderId, e.eventTime, e.customerId, e.merchantId, e.amount.value_or(0), e.ip);
            int line = 0;
            for (const op::OrderItem &item : e.items) {
                tx.exec_prepared("item", e.orderId, ++line, item.name, item.qty, item.unitPrice);
                ++rowItems;
            }
            ++rowDone;
        }
        tx.commit();
    }
    const double rowSeconds = bench::wallSeconds() - start;
    std::printf("per-row prepared INSERT (orders+items+events, one transaction per batch): %lld orders, %lld items in "
                "%.2f s: %.0f orders/s (%.0f rows/s)\n",
                static_cast<long long>(rowDone), static_cast<long long>(rowItems), rowSeconds,
                static_cast<double>(rowDone) / rowSeconds, static_cast<double>(rowDone * 2 + rowItems) / rowSeconds);
    std::printf("COPY path / per-row INSERT: %.1fx\n",
                (static_cast<double>(orders) / copySeconds) / (static_cast<double>(rowDone) / rowSeconds));
    return 0;
}
