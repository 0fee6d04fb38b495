// SqliteSink and SqliteReader (docs/storage.md): generated streams written in batches of random
// sizes rebuild exactly the engine's report; the offset guard; migrations; seed 002's Grafana
// queries; and the desktop replay storing into a file.
#include "CollectingHandler.h"
#include "RandomOrders.h"
#include "SinkTestSupport.h"

#include "analytics/Engine.h"
#include "analytics/ReportJson.h"
#include "io/DatasetReader.h"
#include "io/Generator.h"
#include "io/NdjsonDecoder.h"
#include "io/NdjsonEncoder.h"
#include "runtime/ReplayWorker.h"
#include "sinks/ReportRebuilder.h"
#include "sinks/SqliteConnection.h"
#include "sinks/SqliteReader.h"
#include "sinks/SqliteSchema.h"
#include "sinks/SqliteSink.h"

#include <QDateTime>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

using namespace op;
using namespace optest;

Q_DECLARE_METATYPE(optest::RandomOrdersOptions)

namespace {

// Seed 002's Grafana panel queries, verbatim (PostgreSQL).
const char *const kGrafanaQueries[] = {
    R"sql(SELECT 
  stat_time as time,
  total_orders
FROM realtime_stats
WHERE stat_time > NOW() - INTERVAL '10 minutes'
ORDER BY stat_time
)sql",
    R"sql(SELECT 
  stat_time as time,
  total_sales / 1000000.0 as "매출(백만�)"
FROM realtime_stats
WHERE stat_time > NOW() - INTERVAL '10 minutes'
ORDER BY stat_time
)sql",
    R"sql(SELECT 
  product_name,
  SUM(order_count) as total_orders
FROM popular_products
WHERE created_at > NOW() - INTERVAL '5 minutes'
GROUP BY product_name
ORDER BY total_orders DESC
LIMIT 5
)sql",
    R"sql(SELECT 
  ip_address,
  order_count,
  total_spent / 1000000.0 as "금액(백만�)",
  window_start as "�지시간"
FROM suspicious_ips
WHERE created_at > NOW() - INTERVAL '10 minutes'
ORDER BY order_count DESC
)sql",
    R"sql(SELECT 
  COUNT(*) as count
FROM high_value_orders
WHERE created_at > NOW() - INTERVAL '5 minutes'
)sql"
};

// The only change SQLite needs: NOW() - INTERVAL 'N minutes' becomes the same instant in the
// stored text form. Everything else (names, columns, aliases, LIMIT) runs as written.
QString toSqliteDialect(const char *postgres)
{
    QString sql = QString::fromUtf8(postgres);
    static const QRegularExpression interval(QStringLiteral("NOW\\(\\)\\s*-\\s*INTERVAL\\s*'(\\d+) minutes'"));
    sql.replace(interval, QStringLiteral("strftime('%Y-%m-%d %H:%M:%f', 'now', '-\\1 minutes')"));
    return sql;
}

} // namespace

class TestSqliteStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("store-%1.sqlite").arg(++m_files)); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void rebuildsTheEngineReport_data()
    {
        QTest::addColumn<RandomOrdersOptions>("options");
        QTest::addColumn<int>("maxBatch");
        RandomOrdersOptions o;
        o.orders = 2500;
        o.customers = 300;
        o.ipBursts = 10;
        o.highValueShare = 0.05;
        QTest::addRow("orders, bursts, high value") << o << 400;

        o = {};
        o.orders = 2500;
        o.lifecycle = true;
        o.outcomeFirstShare = 0.05;
        o.shuffleMs = 8000;
        o.duplicateShare = 0.05;
        o.lateShare = 0.03;
        o.ipBursts = 12;
        o.highValueShare = 0.05;
        o.seed = 77;
        QTest::addRow("lifecycle, shuffled, duplicated, late") << o << 700;

        o = {};
        o.orders = 1500;
        o.spanMs = kMsPerHour;
        o.ipBursts = 40;
        o.secondResolution = true;
        o.duplicateShare = 0.1;
        o.seed = 5;
        QTest::addRow("equal times, many bursts, small batches") << o << 37;

        o = {};
        o.orders = 1200;
        o.customers = 150;
        o.spanMs = 400 * kMsPerDay;
        o.lateShare = 0.05;
        o.lateDelayMs = 3 * kMsPerDay;
        o.seed = 9;
        QTest::addRow("400 days, late") << o << 3000;
    }

    void rebuildsTheEngineReport()
    {
        QFETCH(RandomOrdersOptions, options);
        QFETCH(int, maxBatch);
        const std::vector<OrderEvent> records = optest::makeRandomOrders(options);
        const Fed fed = feedInBatches(records, options.seed, static_cast<std::size_t>(maxBatch), 97);
        QVERIFY(fed.batches.size() > 1);
        if (options.duplicateShare > 0)
            QVERIFY(fed.report.events.duplicates > 0);
        if (options.lateShare > 0)
            QVERIFY(fed.report.events.late > 0);

        const QString path = freshPath();
        {
            SqliteSink sink(path);
            auto opened = sink.open();
            QVERIFY2(opened, opened ? "" : opened.error().c_str());
            for (const SinkBatch &batch : fed.batches) {
                auto written = sink.write(batch);
                QVERIFY2(written, written ? "" : written.error().c_str());
            }
            auto rfm = sink.recomputeCustomerRfm();
            QVERIFY2(rfm, rfm ? "" : rfm.error().c_str());
            QCOMPARE(sink.health().state, std::string("connected"));
            QCOMPARE(sink.health().batchesWritten, static_cast<std::int64_t>(fed.batches.size()));
        }
        SqliteReader reader(path);
        auto rebuilt = rebuildReport(reader, EngineSettings{});
        QVERIFY2(rebuilt, rebuilt ? "" : rebuilt.error().c_str());
        const QString diff = diffReports(*rebuilt, fed.report);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // The relational view holds the same orders and customers.
        SqliteConnection c(path);
        QVERIFY(c.open(true));
        std::int64_t placements = 0;
        for (const StoredRecord &r : fed.accepted)
            placements += isPlacement(r.event) ? 1 : 0;
        QCOMPARE(scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM orders WHERE order_time IS NOT NULL")), placements);
        QCOMPARE(scalar(c.database(), QStringLiteral("SELECT SUM(orders) FROM customers")), placements);
        QCOMPARE(scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM customer_rfm")),
                 static_cast<std::int64_t>(fed.report.customers.size()));
        // customer_rfm's SQL agrees with the engine's scores (same NTILE rules, same "now").
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("SELECT customer_id, r, f, m, segment, grade FROM customer_rfm ORDER BY customer_id")));
        for (const CustomerRow &row : fed.report.customers) {
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString().toStdString(), row.customerId);
            QCOMPARE(q.value(1).toInt(), row.r);
            QCOMPARE(q.value(2).toInt(), row.f);
            QCOMPARE(q.value(3).toInt(), row.m);
            QCOMPARE(q.value(4).toString().toStdString(), row.segment);
            QCOMPARE(q.value(5).toString().toStdString(), row.grade);
        }
    }

    void rebuildsAGeneratedLifecycleDataset()
    {
        GeneratorOptions options;
        options.orders = 3000;
        options.lifecycle = true;
        options.seed = 11;
        Generator generator(options);
        std::vector<OrderEvent> records;
        GeneratedRecord g;
        while (generator.next(g))
            if (g.bad == BadKind::None)
                records.push_back(g.event);
        // Every 50th record again 40 records later: duplicates the engine still remembers (a
        // copy arriving after the order's retention would be accepted by the engine, late, and
        // rejected by the store's key: docs/storage.md counts it as a duplicate there).
        std::vector<OrderEvent> withCopies;
        for (std::size_t i = 0; i < records.size(); ++i) {
            withCopies.push_back(records[i]);
            if (i >= 40 && (i - 40) % 50 == 0)
                withCopies.push_back(records[i - 40]);
        }
        records = std::move(withCopies);
        const Fed fed = feedInBatches(records, 3, 900, 211);
        QVERIFY(fed.report.events.duplicates > 0);
        const QString path = freshPath();
        {
            SqliteSink sink(path);
            QVERIFY(sink.open());
            for (const SinkBatch &batch : fed.batches)
                QVERIFY(sink.write(batch));
        }
        SqliteReader reader(path);
        auto rebuilt = rebuildReport(reader, EngineSettings{});
        QVERIFY2(rebuilt, rebuilt ? "" : rebuilt.error().c_str());
        const QString diff = diffReports(*rebuilt, fed.report);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // The same records delivered again without offsets (a file replayed twice): stored once,
    // counted as duplicates, the report otherwise unchanged.
    void redeliveredRecordsAreDuplicates()
    {
        RandomOrdersOptions o;
        o.orders = 800;
        const Fed fed = feedInBatches(optest::makeRandomOrders(o), 1, 300);
        const QString path = freshPath();
        SqliteSink sink(path);
        QVERIFY(sink.open());
        for (const SinkBatch &batch : fed.batches)
            QVERIFY(sink.write(batch));
        QVERIFY(sink.write(fed.batches.front()));
        sink.close();
        SqliteReader reader(path);
        auto rebuilt = rebuildReport(reader, EngineSettings{});
        QVERIFY(rebuilt);
        QCOMPARE(rebuilt->events.accepted, fed.report.events.accepted);
        QCOMPARE(rebuilt->events.duplicates,
                 fed.report.events.duplicates + static_cast<std::int64_t>(fed.batches.front().records.size()));
        QCOMPARE(rebuilt->totals, fed.report.totals);
    }

    void offsetGuardRejectsAStaleBatch()
    {
        RandomOrdersOptions o;
        o.orders = 600;
        o.highValueShare = 0.1;
        o.ipBursts = 4;
        Fed fed = feedInBatches(optest::makeRandomOrders(o), 2, 250, 50);
        QVERIFY(fed.batches.size() >= 3);
        // Kafka-style: partition 0, consecutive offsets.
        std::int64_t offset = 0;
        for (SinkBatch &b : fed.batches) {
            b.topic = "orders";
            for (StoredRecord &r : b.records)
                r.offset = offset++;
            offset += b.duplicates;
            b.offsets = {KafkaOffset{0, offset}};
        }
        const QString path = freshPath();
        SqliteSink sink(path);
        QVERIFY(sink.open());
        QCOMPARE(sink.storedOffset("orders", 0), std::optional<std::int64_t>());
        QVERIFY(sink.write(fed.batches[0]));
        QVERIFY(sink.write(fed.batches[1]));
        QCOMPARE(sink.storedOffset("orders", 0), std::optional<std::int64_t>(fed.batches[1].offsets[0].offset));
        const QString before = databaseDump(path);
        QVERIFY(before.contains(QStringLiteral("high_value_orders\n")));

        for (int i : {0, 1}) { // the same batches again: a zombie or a retried commit
            auto again = sink.write(fed.batches[static_cast<std::size_t>(i)]);
            QVERIFY(!again);
            QVERIFY2(again.error().rfind(SqliteSink::kOffsetGuardError, 0) == 0, again.error().c_str());
        }
        // A batch overlapping the stored range (starts before it) is rejected too.
        SinkBatch overlap = fed.batches[2];
        overlap.records.insert(overlap.records.begin(), fed.batches[1].records.back());
        QVERIFY(!sink.write(overlap));
        // Duplicates only, nothing moves on: stale.
        SinkBatch onlyDuplicates;
        onlyDuplicates.topic = "orders";
        onlyDuplicates.duplicates = 3;
        onlyDuplicates.offsets = fed.batches[1].offsets;
        QVERIFY(!sink.write(onlyDuplicates));
        QCOMPARE(databaseDump(path), before);
        QCOMPARE(sink.health().state, std::string("connected")); // a stale batch is no database error

        for (std::size_t i = 2; i < fed.batches.size(); ++i)
            QVERIFY(sink.write(fed.batches[i]));
        sink.close();
        SqliteReader reader(path);
        auto rebuilt = rebuildReport(reader, EngineSettings{});
        QVERIFY(rebuilt);
        const QString diff = diffReports(*rebuilt, fed.report);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void migrationsAreIdempotent()
    {
        const QString path = freshPath();
        for (int round = 0; round < 3; ++round) {
            SqliteSink sink(path);
            auto opened = sink.open();
            QVERIFY2(opened, opened ? "" : opened.error().c_str());
        }
        SqliteConnection c(path);
        QVERIFY(c.open(true));
        QCOMPARE(scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM schema_version")),
                 static_cast<std::int64_t>(SqliteSchema::currentVersion()));
        QCOMPARE(scalar(c.database(), QStringLiteral("SELECT MAX(version) FROM schema_version")),
                 static_cast<std::int64_t>(SqliteSchema::currentVersion()));
        QCOMPARE(scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM ingest_counters")), 1);
        for (const char *table : {"order_events", "orders", "order_items", "customers", "merchants", "customer_rfm",
                                  "realtime_stats", "popular_products", "suspicious_ips", "high_value_orders",
                                  "alerts", "quarantine", "ingest_offsets", "ingest_counters", "ip_windows"})
            QVERIFY2(scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name = '%1'")
                                              .arg(QLatin1String(table)))
                         == 1,
                     table);
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    }

    void newerSchemaIsAClearError()
    {
        const QString path = freshPath();
        {
            SqliteSink sink(path);
            QVERIFY(sink.open());
        }
        const int newer = SqliteSchema::currentVersion() + 5;
        {
            SqliteConnection c(path);
            QVERIFY(c.open(true));
            QVERIFY(c.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (%1)").arg(newer)));
        }
        const std::string expected = "database schema version " + std::to_string(newer)
                                     + " is newer than this OrderPulse ("
                                     + std::to_string(SqliteSchema::currentVersion()) + "); upgrade OrderPulse";
        SqliteSink sink(path);
        auto opened = sink.open();
        QVERIFY(!opened);
        QVERIFY2(opened.error().find(expected) != std::string::npos, opened.error().c_str());
        QCOMPARE(sink.health().state, std::string("error"));
        SqliteReader reader(path);
        auto counters = reader.counters();
        QVERIFY(!counters);
        QVERIFY2(counters.error().find(expected) != std::string::npos, counters.error().c_str());

        SqliteReader missing(m_dir.filePath(QStringLiteral("no-such.sqlite")));
        auto none = missing.counters();
        QVERIFY(!none);
        QVERIFY2(none.error().find("no such file") != std::string::npos, none.error().c_str());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("no-such.sqlite"))));
    }

    void grafanaQueriesRun()
    {
        // Event times within the last minutes of the wall clock, as a live pipeline writes them.
        RandomOrdersOptions o;
        o.orders = 1500;
        o.start = QDateTime::currentMSecsSinceEpoch() - 8 * kMsPerMinute;
        o.spanMs = 6 * kMsPerMinute;
        o.ipBursts = 8;
        o.highValueShare = 0.08;
        o.lifecycle = true;
        o.lateShare = 0.03;
        o.duplicateShare = 0.03;
        const Fed fed = feedInBatches(optest::makeRandomOrders(o), 4, 500);
        const QString path = freshPath();
        {
            SqliteSink sink(path);
            QVERIFY(sink.open());
            for (const SinkBatch &batch : fed.batches)
                QVERIFY(sink.write(batch));
        }
        SqliteConnection c(path);
        QVERIFY(c.open(true));
        QSqlDatabase &db = c.database();

        std::vector<std::vector<QVariantList>> results;
        for (const char *postgres : kGrafanaQueries) {
            const QString sql = toSqliteDialect(postgres);
            QVERIFY2(!sql.contains(QStringLiteral("INTERVAL")), qPrintable(sql));
            QSqlQuery q(db);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text() + QStringLiteral(" in: ") + sql));
            std::vector<QVariantList> rows;
            while (q.next()) {
                QVariantList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row << q.value(i);
                rows.push_back(row);
            }
            QVERIFY2(!rows.empty(), postgres);
            results.push_back(std::move(rows));
        }
        QCOMPARE(results.size(), std::size_t(5));

        // 1, 2: the realtime windows are the engine's, row for row.
        std::map<QString, RealtimeStatsRow> windows;
        for (const RealtimeStatsRow &w : fed.report.realtimeStats)
            if (w.totalOrders > 0)
                windows[sqliteTimeQ(w.windowEnd)] = w;
        QCOMPARE(results[0].size(), windows.size());
        for (std::size_t i = 0; i < results[0].size(); ++i) {
            const auto it = windows.find(results[0][i][0].toString());
            QVERIFY2(it != windows.end(), qPrintable(results[0][i][0].toString()));
            QCOMPARE(results[0][i][1].toLongLong(), it->second.totalOrders);
            QCOMPARE(results[1][i][1].toDouble(), static_cast<double>(it->second.totalSales) / 1000000.0);
        }
        QSqlQuery aov(db);
        QVERIFY(aov.exec(QStringLiteral("SELECT stat_time, avg_order_value, window_start FROM realtime_stats")));
        while (aov.next()) {
            const RealtimeStatsRow &w = windows.at(aov.value(0).toString());
            QCOMPARE(aov.value(1).toLongLong(), w.avgOrderValue);
            QCOMPARE(aov.value(2).toString(), sqliteTimeQ(w.windowStart));
        }

        // 3: top products by orders = the stored items of on-time placements.
        std::map<std::string, std::int64_t> itemOrders;
        for (const StoredRecord &r : fed.accepted) {
            if (!isPlacement(r.event) || r.late)
                continue;
            std::set<std::string> names;
            for (const OrderItem &item : r.event.items)
                names.insert(item.name);
            for (const std::string &name : names)
                ++itemOrders[name];
        }
        std::vector<std::int64_t> counts;
        for (const auto &[name, n] : itemOrders)
            counts.push_back(n);
        std::sort(counts.rbegin(), counts.rend());
        QCOMPARE(results[2].size(), std::size_t(5));
        for (std::size_t i = 0; i < 5; ++i) {
            QCOMPARE(results[2][i][1].toLongLong(), counts[i]);
            QCOMPARE(itemOrders.at(results[2][i][0].toString().toStdString()), counts[i]);
        }

        // 4: suspicious IPs are the engine's ip_velocity alerts with their final counts.
        std::set<std::tuple<QString, QString, std::int64_t>> alerted;
        for (const Alert &a : fed.report.alerts)
            if (a.rule == AlertRule::IpVelocity)
                alerted.emplace(QString::fromStdString(a.entity), sqliteTimeQ(*a.windowStart), a.value);
        QVERIFY(!alerted.empty());
        std::set<std::tuple<QString, QString, std::int64_t>> suspicious;
        for (const QVariantList &row : results[3]) {
            suspicious.emplace(row[0].toString(), row[3].toString(), row[1].toLongLong());
            QVERIFY(row[1].toLongLong() >= 10);
        }
        QVERIFY(suspicious == alerted);

        // 5 and high_value_orders: exactly the accepted orders >= 500,000, late ones included.
        std::set<std::string> highValue;
        for (const StoredRecord &r : fed.accepted)
            if (isPlacement(r.event) && r.event.amount && *r.event.amount >= 500000)
                highValue.insert(r.event.orderId);
        QVERIFY(highValue.size() > 10);
        QCOMPARE(results[4][0][0].toLongLong(), static_cast<std::int64_t>(highValue.size()));
        std::set<std::string> stored;
        QSqlQuery hv(db);
        QVERIFY(hv.exec(QStringLiteral("SELECT order_id, total_price FROM high_value_orders")));
        while (hv.next()) {
            stored.insert(hv.value(0).toString().toStdString());
            QVERIFY(hv.value(1).toLongLong() >= 500000);
        }
        QVERIFY(stored == highValue);
        std::set<std::string> alertedHigh;
        for (const Alert &a : fed.report.alerts)
            if (a.rule == AlertRule::HighValue)
                alertedHigh.insert(a.entity);
        QVERIFY(alertedHigh == highValue);
    }

    void replayStoresEveryAcceptedOrder()
    {
        RandomOrdersOptions o;
        o.orders = 12000;
        o.lifecycle = true;
        o.duplicateShare = 0.02;
        o.lateShare = 0.01;
        o.ipBursts = 6;
        const std::vector<OrderEvent> records = optest::makeRandomOrders(o);
        const QString dataset = m_dir.filePath(QStringLiteral("replay.ndjson"));
        QVERIFY(writeNdjson(dataset, records, "{\"order_id\": broken}\n"));
        // What `analyze` makes of the file.
        optest::CollectingHandler decoded;
        {
            NdjsonDecoder decoder;
            QVERIFY(DatasetReader::read(dataset.toStdString(), decoder, decoded));
        }
        QCOMPARE(decoded.quarantine.size(), std::size_t(1));
        Engine engine;
        std::set<std::string> placed;
        for (OrderEvent &e : decoded.events) {
            const Engine::Outcome outcome = engine.process(e, 0);
            if ((outcome == Engine::Outcome::Accepted || outcome == Engine::Outcome::Late) && isPlacement(e))
                placed.insert(e.orderId);
        }
        for (const QuarantineRecord &q : decoded.quarantine)
            engine.onQuarantine(q);
        engine.finish();
        const Report expected = engine.report();

        const QString path = freshPath();
        ReplayWorker worker;
        QCOMPARE(worker.databasePath(), QString()); // nothing unless asked
        worker.setDatabasePath(path);
        SnapshotPtr last;
        connect(&worker, &ReplayWorker::snapshotReady, this, [&last](SnapshotPtr s) { last = std::move(s); });
        QSignalSpy finished(&worker, &ReplayWorker::finished);
        worker.replay({dataset});
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(last);
        const auto storeHealth = std::find_if(last->sources.begin(), last->sources.end(),
                                              [](const SourceHealth &h) { return h.name == "SQLite store"; });
        QVERIFY(storeHealth != last->sources.end());
        QCOMPARE(storeHealth->state, std::string("finished"));

        SqliteConnection c(path);
        QVERIFY(c.open(true));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("SELECT order_id FROM orders WHERE order_time IS NOT NULL")));
        std::set<std::string> stored;
        while (q.next())
            stored.insert(q.value(0).toString().toStdString());
        QCOMPARE(stored.size(), placed.size());
        QVERIFY(stored == placed);
        QVERIFY(scalar(c.database(), QStringLiteral("SELECT COUNT(*) FROM customer_rfm")) > 0);
        c.close();

        SqliteReader reader(path);
        auto rebuilt = rebuildReport(reader, EngineSettings{});
        QVERIFY2(rebuilt, rebuilt ? "" : rebuilt.error().c_str());
        const QString diff = diffReports(*rebuilt, expected);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // As the desktop application runs it: the worker on its own thread, driven by queued calls;
    // the store's connection lives on that thread only.
    void replayOnItsOwnThread()
    {
        RandomOrdersOptions o;
        o.orders = 3000;
        o.seed = 31;
        const std::vector<OrderEvent> records = optest::makeRandomOrders(o);
        const QString dataset = m_dir.filePath(QStringLiteral("threaded.ndjson"));
        QVERIFY(writeNdjson(dataset, records));
        const QString path = freshPath();
        ReplayWorker::setDefaultDatabasePath(path); // as main() does for --database
        auto *worker = new ReplayWorker();
        ReplayWorker::setDefaultDatabasePath(QString());
        QCOMPARE(worker->databasePath(), path);
        QThread thread;
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        QSignalSpy finished(worker, &ReplayWorker::finished);
        thread.start();
        QMetaObject::invokeMethod(worker, [worker, dataset] { worker->replay({dataset}); }, Qt::QueuedConnection);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        thread.quit();
        QVERIFY(thread.wait(10000));

        SqliteReader reader(path);
        auto rebuilt = rebuildReport(reader, EngineSettings{});
        QVERIFY2(rebuilt, rebuilt ? "" : rebuilt.error().c_str());
        QCOMPARE(rebuilt->events.accepted, 3000);
        QCOMPARE(rebuilt->totals.orders, 3000);
    }

    void aFailingStoreNeverStopsTheReplay()
    {
        RandomOrdersOptions o;
        o.orders = 500;
        const QString dataset = m_dir.filePath(QStringLiteral("small.ndjson"));
        QVERIFY(writeNdjson(dataset, optest::makeRandomOrders(o)));
        // A path whose folder cannot be made: a regular file stands where the folder should be.
        const QString blocker = m_dir.filePath(QStringLiteral("blocker"));
        {
            QFile f(blocker);
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        ReplayWorker worker;
        worker.setDatabasePath(blocker + QStringLiteral("/sub/orderpulse.sqlite"));
        SnapshotPtr last;
        connect(&worker, &ReplayWorker::snapshotReady, this, [&last](SnapshotPtr s) { last = std::move(s); });
        QSignalSpy finished(&worker, &ReplayWorker::finished);
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("storing into .* failed")));
        worker.replay({dataset});
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QVERIFY(last);
        QCOMPARE(last->events.accepted, 500);
        const auto storeHealth = std::find_if(last->sources.begin(), last->sources.end(),
                                              [](const SourceHealth &h) { return h.name == "SQLite store"; });
        QVERIFY(storeHealth != last->sources.end());
        QCOMPARE(storeHealth->state, std::string("error"));
        QVERIFY(!storeHealth->lastError.empty());
    }
};

QTEST_GUILESS_MAIN(TestSqliteStore)
#include "tst_sqlite_store.moc"
