// PostgreSQL sink against a real server: migrations, seed 002's Grafana queries, high_value_orders,
// the offset guard, customer_rfm and the report rebuilt from the stored records.
#include "CliRunner.h"
#include "CollectingHandler.h"
#include "PostgresServer.h"
#include "ReportDiff.h"

#include "analytics/Engine.h"
#include "analytics/ReportJson.h"
#include "io/NdjsonDecoder.h"
#include "sinks/PostgresJobs.h"
#include "sinks/PostgresReader.h"
#include "sinks/PostgresSchema.h"
#include "sinks/PostgresSink.h"
#include "sinks/PostgresUrl.h"
#include "sinks/ReportRebuilder.h"
#include "sinks/SinkPipeline.h"

#include <pqxx/connection>
#include <pqxx/nontransaction>
#include <pqxx/result>
#include <pqxx/transaction>

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace optest;

namespace {

op::PostgresUrl parseUrl(const QString &url)
{
    auto parsed = op::PostgresUrl::parse(url.toStdString());
    return parsed ? *parsed : op::PostgresUrl::parse("postgresql://invalid:1/x").value();
}

// Seed 002's Grafana panel queries, unchanged.
const char *const kGrafanaQueries[] = {
    R"Q(SELECT 
  stat_time as time,
  total_orders
FROM realtime_stats
WHERE stat_time > NOW() - INTERVAL '10 minutes'
ORDER BY stat_time)Q",
    R"Q(SELECT 
  stat_time as time,
  total_sales / 1000000.0 as "매출(백만원)"
FROM realtime_stats
WHERE stat_time > NOW() - INTERVAL '10 minutes'
ORDER BY stat_time)Q",
    R"Q(SELECT 
  product_name,
  SUM(order_count) as total_orders
FROM popular_products
WHERE created_at > NOW() - INTERVAL '5 minutes'
GROUP BY product_name
ORDER BY total_orders DESC
LIMIT 5)Q",
    R"Q(SELECT 
  ip_address,
  order_count,
  total_spent / 1000000.0 as "금액(백만원)",
  window_start as "탐지시간"
FROM suspicious_ips
WHERE created_at > NOW() - INTERVAL '10 minutes'
ORDER BY order_count DESC)Q",
    R"Q(SELECT 
  COUNT(*) as count
FROM high_value_orders
WHERE created_at > NOW() - INTERVAL '5 minutes')Q",
};

} // namespace

class TestPgSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void urlIsParsedAndRedacted();
    void migrationsAreIdempotent();
    void batchesStoreTheRecordsAndTheDashboardTables();
    void scheduledJobsRunOnceAtATimeAndAreIdempotent();
    void newerSchemaIsAClearError();

private:
    std::unique_ptr<PostgresServer> m_server;
    QTemporaryDir m_dir;
};

void TestPgSchema::initTestCase()
{
    m_server = std::make_unique<PostgresServer>();
    QVERIFY2(!m_server->url().isEmpty(), qPrintable(m_server->error()));
}

void TestPgSchema::urlIsParsedAndRedacted()
{
    qunsetenv("ORDERPULSE_PG_PASSWORD");
    auto url = op::PostgresUrl::parse("postgresql://alice:s%40cret@db.example:6543/orders?sslmode=require");
    QVERIFY(url.has_value());
    QCOMPARE(url->user(), std::string("alice"));
    QCOMPARE(url->port(), 6543);
    QCOMPARE(url->database(), std::string("orders"));
    QCOMPARE(url->redacted(), std::string("postgresql://alice:***@db.example:6543/orders?sslmode=require"));
    QVERIFY(url->connectionString().find("password='s@cret'") != std::string::npos);
    QVERIFY(url->connectionString().find("sslmode='require'") != std::string::npos);
    QCOMPARE(url->redact("FATAL: password s@cret rejected"), std::string("FATAL: password *** rejected"));
    qputenv("ORDERPULSE_PG_PASSWORD", "from-env");
    auto env = op::PostgresUrl::parse("postgres://bob@localhost/db");
    qunsetenv("ORDERPULSE_PG_PASSWORD");
    QVERIFY(env.has_value());
    QVERIFY(env->hasPassword());
    QVERIFY(env->redacted().find("from-env") == std::string::npos);
    QVERIFY(!op::PostgresUrl::parse("mysql://x").has_value());
    QVERIFY(!op::PostgresUrl::parse("postgresql://h:99999/db").has_value());
    QVERIFY(!op::PostgresUrl::parse("postgresql://h/db?password=x").has_value());
}

void TestPgSchema::migrationsAreIdempotent()
{
    for (int i = 0; i < 2; ++i) {
        op::PostgresSink sink(parseUrl(m_server->url()));
        const auto opened = sink.open();
        QVERIFY2(opened.has_value(), opened ? "" : opened.error().c_str());
        QCOMPARE(sink.health().state, std::string("connected"));
    }
    pqxx::connection db(parseUrl(m_server->url()).connectionString());
    pqxx::read_transaction tx(db);
    const pqxx::row version = tx.exec("SELECT COUNT(*), MAX(version) FROM schema_version")[0];
    QCOMPARE(version[0].as<int>(), op::PostgresSchema::kVersion);
    QCOMPARE(version[1].as<int>(), op::PostgresSchema::kVersion);
    // Seed 002's four tables with their exact columns (suspicious_ips is a view).
    const std::pair<const char *, const char *> kColumns[] = {
        {"realtime_stats", "id,stat_time,total_orders,total_sales,avg_order_value,suspicious_ip_count,created_at"},
        {"popular_products", "id,window_start,window_end,product_name,order_count,total_sales,created_at"},
        {"suspicious_ips", "id,window_start,ip_address,order_count,total_spent,created_at"},
        {"high_value_orders", "id,order_time,order_id,product_name,quantity,total_price,ip_address,created_at"},
    };
    for (const auto &[table, columns] : kColumns) {
        const QStringList wanted = QString::fromLatin1(columns).split(QLatin1Char(','));
        for (const QString &column : wanted) {
            const pqxx::result r = tx.exec("SELECT 1 FROM information_schema.columns WHERE table_name = " +
                                           tx.quote(table) + " AND column_name = " + tx.quote(column.toStdString()));
            QVERIFY2(r.size() == 1, qPrintable(QStringLiteral("%1.%2").arg(QLatin1String(table), column)));
        }
    }
}

void TestPgSchema::batchesStoreTheRecordsAndTheDashboardTables()
{
    const QString data = m_dir.filePath(QStringLiteral("orders.ndjson"));
    const CliResult generated = runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                                        QStringLiteral("6000"), QStringLiteral("--seed"), QStringLiteral("11"),
                                        QStringLiteral("--bad-rate"), QStringLiteral("0.01")});
    QVERIFY2(generated.exitCode == 0, generated.err.constData());
    const QByteArray bytes = readAll(data);
    CollectingHandler decoded;
    op::NdjsonDecoder decoder;
    decoder.begin("orders.ndjson", decoded);
    decoder.feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    decoder.finish();
    QVERIFY(decoded.events.size() > 5000);
    QVERIFY(!decoded.quarantine.empty());

    // The engine's outcomes, batched as a worker would: records by Kafka offset on partition 0.
    op::Engine engine;
    std::vector<op::SinkBatch> batches;
    std::set<std::string> highValue;
    std::int64_t offset = 0;
    engine.setAlertCallback([&batches](const op::Alert &a) { batches.back().alerts.push_back(a); });
    for (std::size_t i = 0; i < decoded.events.size(); ++i) {
        if (i % 1500 == 0) {
            op::SinkBatch &b = batches.emplace_back();
            b.topic = "orders";
            b.startOffsets.push_back({0, offset});
            b.offsets.push_back({0, offset});
            if (batches.size() == 1) {
                for (const op::QuarantineRecord &q : decoded.quarantine)
                    b.quarantined.push_back(q);
            }
        }
        op::OrderEvent e = decoded.events[i];
        const auto outcome = engine.process(e, 0);
        op::SinkBatch &b = batches.back();
        if (outcome == op::Engine::Outcome::Duplicate)
            ++b.duplicates;
        else if (outcome != op::Engine::Outcome::Ignored)
            b.records.push_back({e, outcome == op::Engine::Outcome::Late, 0, offset});
        if (outcome != op::Engine::Outcome::Duplicate && e.amount && *e.amount >= 500000)
            highValue.insert(e.orderId);
        b.offsets.back().offset = ++offset;
    }
    for (const op::QuarantineRecord &q : decoded.quarantine)
        engine.onQuarantine(q);
    engine.finish();
    QVERIFY(!highValue.empty());

    op::PostgresSink sink(parseUrl(m_server->url()));
    QVERIFY(sink.open().has_value());
    for (const op::SinkBatch &b : batches) {
        const auto written = sink.write(b);
        QVERIFY2(written.has_value(), written ? "" : written.error().c_str());
    }
    // A batch delivered again (its commit's answer lost) changes nothing; an overlapping one is refused.
    QVERIFY(sink.write(batches.front()).has_value());
    op::SinkBatch overlap = batches.back();
    overlap.startOffsets.front().offset -= 10;
    overlap.offsets.front().offset += 10;
    const auto refused = sink.write(overlap);
    QVERIFY(!refused.has_value());
    QVERIFY2(refused.error().rfind(op::kOffsetConflict, 0) == 0, refused.error().c_str());
    QCOMPARE(sink.storedOffset("orders", 0), std::optional<std::int64_t>(offset));
    QCOMPARE(sink.storedOffset("orders", 1), std::optional<std::int64_t>());
    QVERIFY(sink.refreshCustomerRfm().has_value());

    pqxx::connection db(parseUrl(m_server->url()).connectionString());
    {
        pqxx::read_transaction tx(db);
        for (const char *query : kGrafanaQueries)
            QVERIFY_THROWS_NO_EXCEPTION(tx.exec(query));
        QCOMPARE(tx.exec(kGrafanaQueries[2]).size(), std::size_t(5));
        QCOMPARE(tx.exec(kGrafanaQueries[4])[0][0].as<std::size_t>(), highValue.size());
        std::set<std::string> stored;
        for (const auto &row : tx.exec("SELECT order_id FROM high_value_orders WHERE total_price >= 500000"))
            stored.insert(row[0].as<std::string>());
        QCOMPARE(tx.exec("SELECT COUNT(*) FROM high_value_orders")[0][0].as<std::size_t>(), highValue.size());
        QVERIFY(stored == highValue);
        const op::Report expected = engine.report();
        QCOMPARE(tx.exec("SELECT COUNT(*) FROM orders")[0][0].as<std::int64_t>(), expected.totals.orders);
        QCOMPARE(tx.exec("SELECT SUM(total_orders) FROM realtime_stats")[0][0].as<std::int64_t>(),
                 expected.totals.orders - expected.events.late);
        // customer_rfm (SQL) agrees with the engine's RFM table, customer by customer.
        const pqxx::result rfm = tx.exec("SELECT customer_id, frequency, monetary, r, f, m, segment, grade, clv "
                                         "FROM customer_rfm ORDER BY customer_id COLLATE \"C\"");
        QCOMPARE(rfm.size(), expected.customers.size());
        for (std::size_t i = 0; i < rfm.size(); ++i) {
            const op::CustomerRow &c = expected.customers[i];
            const auto row = rfm[static_cast<int>(i)];
            const QString who = QString::fromStdString(c.customerId);
            QCOMPARE(QString::fromStdString(row[0].as<std::string>()), who);
            QCOMPARE(row[1].as<std::int64_t>(), c.frequency);
            QCOMPARE(row[2].as<std::int64_t>(), c.monetary);
            QVERIFY2(row[3].as<int>() == c.r && row[4].as<int>() == c.f && row[5].as<int>() == c.m, qPrintable(who));
            QCOMPARE(QString::fromStdString(row[6].as<std::string>()), QString::fromStdString(c.segment));
            QCOMPARE(QString::fromStdString(row[7].as<std::string>()), QString::fromStdString(c.grade));
            QCOMPARE(row[8].as<std::int64_t>(), c.clv);
        }
    }

    // `report`'s way back: the stored records replayed give the engine's report, every section.
    op::PostgresReader reader(parseUrl(m_server->url()));
    const auto rebuilt = op::rebuildReport(reader, op::EngineSettings{});
    QVERIFY2(rebuilt.has_value(), rebuilt ? "" : rebuilt.error().c_str());
    const QString diff = firstDifference(op::reportToJson(*rebuilt), op::reportToJson(engine.report()));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    // A record stored before arriving again as a new message (a duplicate another worker accepted):
    // it counts as a duplicate and changes no table.
    const auto sums = [&db] {
        pqxx::read_transaction tx(db);
        return tx.exec("SELECT (SELECT SUM(total_orders) FROM realtime_stats) + (SELECT SUM(order_count) FROM "
                       "popular_products) + (SELECT COUNT(*) FROM order_items) + (SELECT SUM(orders) FROM customers) "
                       "+ (SELECT COUNT(*) FROM order_events)")[0][0]
            .as<std::int64_t>();
    };
    const std::int64_t before = sums();
    op::SinkBatch again;
    again.topic = "orders";
    again.records.push_back(batches.front().records.front());
    again.records.back().offset = offset;
    again.records.push_back(batches.back().records.back());
    again.records.back().offset = offset + 1;
    again.startOffsets.push_back({0, offset});
    again.offsets.push_back({0, offset + 2});
    QVERIFY(sink.write(again).has_value());
    QCOMPARE(sums(), before);
    op::PostgresReader counted(parseUrl(m_server->url()));
    QCOMPARE(counted.counters()->duplicates, engine.report().events.duplicates + 2);

    // New placements only (the direct COPY path) but one of them stored before: the COPY fails on
    // the key, and the staging path stores the new one alone.
    const op::StoredRecord *placement = nullptr;
    for (const op::StoredRecord &r : batches.front().records) {
        if (r.event.type == op::EventType::Order || r.event.type == op::EventType::Placed) {
            placement = &r;
            break;
        }
    }
    QVERIFY(placement != nullptr);
    op::SinkBatch mixed;
    mixed.topic = "orders";
    mixed.records.push_back(*placement);
    mixed.records.back().offset = offset + 2;
    mixed.records.push_back(*placement);
    mixed.records.back().event.orderId = "pg-direct-fallback";
    mixed.records.back().late = true; // stays out of the windows: only the per-order sums move
    mixed.records.back().offset = offset + 3;
    mixed.startOffsets.push_back({0, offset + 2});
    mixed.offsets.push_back({0, offset + 4});
    QVERIFY(sink.write(mixed).has_value());
    const auto items = static_cast<std::int64_t>(placement->event.items.size());
    QCOMPARE(sums(), before + items + (placement->event.customerId.empty() ? 0 : 1) + 1);
    QCOMPARE(op::PostgresReader(parseUrl(m_server->url())).counters()->duplicates,
             engine.report().events.duplicates + 3);
    pqxx::read_transaction tx(db);
    QCOMPARE(tx.exec("SELECT COUNT(*) FROM orders WHERE order_id = 'pg-direct-fallback' AND late")[0][0].as<int>(), 1);
}

// Runs on what batchesStoreTheRecordsAndTheDashboardTables stored.
void TestPgSchema::scheduledJobsRunOnceAtATimeAndAreIdempotent()
{
    const op::PostgresUrl url = parseUrl(m_server->url());
    op::PostgresJobs jobs(url, op::EngineSettings{}, 30);
    pqxx::connection db(url.connectionString());
    const auto scalar = [&db](const std::string &sql) {
        pqxx::read_transaction tx(db);
        return tx.exec(sql)[0][0].as<std::int64_t>(0);
    };
    QVERIFY(scalar("SELECT COUNT(*) FROM orders WHERE order_time IS NOT NULL") > 5000);

    for (int round = 0; round < 2; ++round) { // the second round changes nothing
        auto done = jobs.rollups();
        QVERIFY2(done.has_value(), done ? "" : done.error().c_str());
        QCOMPARE(*done, op::JobScheduler::Outcome::Done);
        QCOMPARE(scalar("SELECT SUM(orders) FROM orders_hourly"),
                 scalar("SELECT COUNT(*) FROM orders WHERE order_time IS NOT NULL"));
        QCOMPARE(scalar("SELECT SUM(sales) FROM orders_daily"),
                 scalar("SELECT SUM(amount) FROM orders WHERE order_time IS NOT NULL"));
        QCOMPARE(scalar("SELECT COUNT(*) FROM orders_hourly"),
                 scalar("SELECT COUNT(DISTINCT date_trunc('hour', order_time)) FROM orders WHERE order_time IS NOT NULL"));
    }
    auto graded = jobs.refreshGrades();
    QVERIFY2(graded.has_value(), graded ? "" : graded.error().c_str());
    QCOMPARE(scalar("SELECT COUNT(*) FROM customer_rfm"),
             scalar("SELECT COUNT(DISTINCT customer_id) FROM orders WHERE order_time IS NOT NULL"));

    // Another worker holds the grades lock: this one skips the job instead of running it twice.
    {
        pqxx::connection other(url.connectionString());
        pqxx::nontransaction n(other);
        QVERIFY(n.exec1("SELECT pg_try_advisory_lock(" + std::to_string(op::PostgresJobs::lockKey("grades")) + ")")[0]
                    .as<bool>());
        auto skipped = jobs.refreshGrades();
        QVERIFY(skipped.has_value());
        QCOMPARE(*skipped, op::JobScheduler::Outcome::Skipped);
        // Released explicitly: a closed session's locks go only when its backend has exited.
        QVERIFY(n.exec1("SELECT pg_advisory_unlock(" + std::to_string(op::PostgresJobs::lockKey("grades")) + ")")[0]
                    .as<bool>());
    }
    QCOMPARE(*jobs.refreshGrades(), op::JobScheduler::Outcome::Done);

    // Retention: rows older than 30 days go, the others stay.
    const std::int64_t quarantined = scalar("SELECT COUNT(*) FROM quarantine");
    QVERIFY(quarantined > 1);
    {
        pqxx::work tx(db);
        tx.exec("UPDATE quarantine SET received_at = received_at - INTERVAL '31 days' WHERE record_offset = "
                "(SELECT MIN(record_offset) FROM quarantine)");
        tx.commit();
    }
    QCOMPARE(*jobs.retention(), op::JobScheduler::Outcome::Done);
    QCOMPARE(scalar("SELECT COUNT(*) FROM quarantine"), quarantined - 1);
}

void TestPgSchema::newerSchemaIsAClearError()
{
    {
        pqxx::connection db(parseUrl(m_server->url()).connectionString());
        pqxx::work tx(db);
        tx.exec("INSERT INTO schema_version (version) VALUES (7)");
        tx.commit();
    }
    op::PostgresSink sink(parseUrl(m_server->url()));
    const auto opened = sink.open();
    QVERIFY(!opened.has_value());
    QCOMPARE(opened.error(), std::string("database schema version 7 is newer than this OrderPulse (3); upgrade OrderPulse"));
    QCOMPARE(sink.health().state, std::string("error"));
    const CliResult report = runCli({QStringLiteral("report"), QStringLiteral("--postgres"), m_server->url()});
    QCOMPARE(report.exitCode, 1);
    QVERIFY2(report.err.contains("newer than this OrderPulse"), report.err.constData());
}

QTEST_GUILESS_MAIN(TestPgSchema)
#include "tst_pg_schema.moc"
