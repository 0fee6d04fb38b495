// RedisSink against a real redis-server (Debian's, on a free loopback port): keys, TTLs, the
// alerts channel, the snapshot key, outages (killed, paused) that must neither slow nor stop the
// engine loop, the full rewrite when Redis comes back, and AUTH (requirepass, ACL user).
#include "RedisServer.h"
#include "RedisTestClient.h"
#include "SnapshotCompare.h"
#include "analytics/Engine.h"
#include "io/Generator.h"
#include "io/NdjsonEncoder.h"
#include "sinks/RedisSink.h"
#include "sinks/RedisSnapshotCodec.h"
#include "sinks/RedisStateWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <set>
#include <thread>

using namespace optest;

namespace {

using Clock = std::chrono::steady_clock;

std::vector<op::OrderEvent> generate(std::int64_t orders, bool lifecycle, std::uint64_t seed = 11)
{
    op::GeneratorOptions o;
    o.orders = orders;
    o.days = 1;
    o.seed = seed;
    o.lifecycle = lifecycle;
    op::Generator g(o);
    std::vector<op::OrderEvent> out;
    op::GeneratedRecord r;
    while (g.next(r))
        out.push_back(r.event);
    return out;
}

struct DriveResult
{
    std::vector<op::Alert> alerts;
    std::set<std::string> orderIds; // accepted
    std::shared_ptr<const op::Snapshot> last;
    double maxHandOverMs = 0; // the longest write() + publishSnapshot() call
    double loopSeconds = 0;   // the whole engine loop, hand-overs included
    int batches = 0;
};

// The ingest loop as `ingest` runs it: engine, batches of `batchSize` records with their alerts,
// a snapshot every other batch; `between(batchIndex)` plays outages.
DriveResult drive(op::RedisSink &sink, std::vector<op::OrderEvent> events, std::size_t batchSize,
                  const std::function<void(int)> &between = {})
{
    DriveResult result;
    op::Engine engine;
    op::SinkBatch batch;
    engine.setAlertCallback([&](const op::Alert &a) {
        result.alerts.push_back(a);
        batch.alerts.push_back(a);
    });
    auto handOver = [&](std::shared_ptr<const op::Snapshot> snapshot) {
        const auto start = Clock::now();
        batch.sequence = ++result.batches;
        sink.write(batch);
        if (snapshot)
            sink.publishSnapshot(std::move(snapshot));
        result.maxHandOverMs = std::max(
            result.maxHandOverMs, std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        batch = op::SinkBatch();
        batch.topic = "test";
    };
    const auto start = Clock::now();
    for (op::OrderEvent &e : events) {
        const auto outcome = engine.process(e);
        if (outcome == op::Engine::Outcome::Accepted || outcome == op::Engine::Outcome::Late) {
            result.orderIds.insert(e.orderId);
            batch.records.push_back({e, outcome == op::Engine::Outcome::Late, 0, -1});
        } else if (outcome == op::Engine::Outcome::Duplicate) {
            ++batch.duplicates;
        }
        if (batch.records.size() >= batchSize) {
            // Snapshots are made at a steady rate in the real loop; every other batch here.
            handOver(result.batches % 2 == 0 ? engine.snapshot() : nullptr);
            if (between)
                between(result.batches);
        }
    }
    engine.finish();
    result.last = engine.snapshot();
    handOver(result.last);
    result.loopSeconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

// Polls `condition` until it holds or `timeoutMs` passed.
bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!condition()) {
        if (Clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

op::RedisSinkSettings settingsFor(const RedisServer &server, const std::string &prefix = "orderpulse:")
{
    auto s = op::RedisSinkSettings::fromUrl(server.url().toStdString(), prefix);
    Q_ASSERT(s);
    s->healthPollMs = 200;
    s->reconnectMaxMs = 400;
    s->commandTimeoutMs = 300;
    s->connectTimeoutMs = 300;
    return *s;
}

std::string iso(op::TimestampMs t)
{
    return op::formatIsoUtcMillis(t);
}

// Every customer of the snapshot's table is in its hash, and no other customer hash exists.
void verifyCustomers(RedisTestClient &redis, const op::Snapshot &s, const std::string &prefix)
{
    QVERIFY(s.customers.table);
    const auto &table = *s.customers.table;
    QVERIFY(!table.empty());
    QCOMPARE(redis.strings({"KEYS", prefix + "customer:*"}).size(), table.size());
    for (const op::CustomerRow &row : table) {
        const auto h = redis.hash(prefix + "customer:" + row.customerId);
        QCOMPARE(h.size(), std::size_t{5});
        QCOMPARE(h.at("grade"), row.grade);
        QCOMPARE(h.at("segment"), row.segment);
        QCOMPARE(h.at("r"), std::to_string(row.r));
        QCOMPARE(h.at("f"), std::to_string(row.f));
        QCOMPARE(h.at("m"), std::to_string(row.m));
    }
}

void verifyRealtimeStats(RedisTestClient &redis, const op::Snapshot &s, const std::string &prefix)
{
    QVERIFY(!s.recentWindows.empty());
    const op::RealtimeStatsRow &w = s.recentWindows.back();
    const std::map<std::string, std::string> expected{
        {"window_start", iso(w.windowStart)},
        {"window_end", iso(w.windowEnd)},
        {"total_orders", std::to_string(w.totalOrders)},
        {"total_sales", std::to_string(w.totalSales)},
        {"avg_order_value", std::to_string(w.avgOrderValue)},
        {"suspicious_ip_count", std::to_string(w.suspiciousIpCount)}};
    QCOMPARE(redis.hash(prefix + "realtime_stats"), expected);
}

} // namespace

class TestRedisSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotCodecRoundTrips();
    void snapshotCodecRejectsBadInput();
    void keysTtlsAlertsAndSnapshot();
    void killedMidStreamDropsThenRewrites();
    void pausedRedisNeverSlowsIngest();
    void authWithRequirePassAndAclUser();
    void healthReadsInfo();
};

void TestRedisSink::snapshotCodecRoundTrips()
{
    op::Engine engine;
    for (op::OrderEvent &e : generate(2000, true))
        engine.process(e);
    engine.finish();
    auto snap = std::const_pointer_cast<op::Snapshot>(engine.snapshot());
    // Fields the engine leaves empty here, filled so that they round-trip too.
    snap->sources.push_back({"kafka",
                             "reconnecting",
                             "broker down \"x\"",
                             1234.5,
                             99.25,
                             -1,
                             3,
                             {{"orders", 0, 17, 400}, {"orders", 1, 0, 12}}});
    snap->recentAlerts.push_back({op::AlertRule::IpVelocity, "10.0.0.1", 12, 1772290800000, 1772290801234,
                                  op::AlertSeverity::Critical, "O-1", true});
    QVERIFY(snap->customers.table && snap->customers.table->size() > 100);
    QVERIFY(!snap->merchants.empty());
    QVERIFY(!snap->recentWindows.empty());

    const std::string json = op::RedisSnapshotCodec::encode(*snap);
    const auto decoded = op::RedisSnapshotCodec::decode(json);
    QVERIFY2(decoded, decoded ? "" : decoded.error().c_str());
    compareSnapshotFields(**decoded, *snap);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(op::RedisSnapshotCodec::encode(**decoded), json);

    // A limited table keeps the customers with the highest monetary value, in customer_id order.
    const auto limited = op::RedisSnapshotCodec::decode(op::RedisSnapshotCodec::encode(*snap, 25));
    QVERIFY(limited);
    const auto &rows = *(*limited)->customers.table;
    QCOMPARE(rows.size(), std::size_t{25});
    std::vector<op::Money> monetary;
    for (const auto &r : *snap->customers.table)
        monetary.push_back(r.monetary);
    std::sort(monetary.rbegin(), monetary.rend());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        QVERIFY(rows[i].monetary >= monetary[24]);
        if (i > 0)
            QVERIFY(rows[i - 1].customerId < rows[i].customerId);
    }
}

void TestRedisSink::snapshotCodecRejectsBadInput()
{
    QVERIFY(!op::RedisSnapshotCodec::decode("{"));
    QVERIFY(!op::RedisSnapshotCodec::decode("[]"));
    op::Snapshot s;
    std::string json = op::RedisSnapshotCodec::encode(s);
    QVERIFY(op::RedisSnapshotCodec::decode(json));
    const std::string v2 = "{\"v\":2" + json.substr(json.find(','));
    const auto wrongVersion = op::RedisSnapshotCodec::decode(v2);
    QVERIFY(!wrongVersion);
    QVERIFY(wrongVersion.error().find("version 2") != std::string::npos);
    const std::string noTotals = std::string(json).replace(json.find("\"totals\""), 8, "\"totalz\"");
    const auto missing = op::RedisSnapshotCodec::decode(noTotals);
    QVERIFY(!missing);
    QVERIFY2(missing.error().find("totals") != std::string::npos, missing.error().c_str());
}

void TestRedisSink::keysTtlsAlertsAndSnapshot()
{
    RedisServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    const std::string prefix = "op-test:";
    const std::string channel = prefix + "alerts";

    // The subscriber: its own connection, SUBSCRIBE, every message until a sentinel.
    std::promise<void> subscribed;
    std::vector<std::string> received;
    std::thread subscriber([&] {
        RedisTestClient sub(server.port(), {}, 30000);
        auto reply = sub.command({"SUBSCRIBE", channel});
        subscribed.set_value();
        for (;;) {
            void *raw = nullptr;
            if (redisGetReply(sub.context(), &raw) != REDIS_OK || !raw)
                return;
            auto *r = static_cast<redisReply *>(raw);
            std::string payload;
            if (r->type == REDIS_REPLY_ARRAY && r->elements == 3 && r->element[2]->type == REDIS_REPLY_STRING)
                payload.assign(r->element[2]->str, r->element[2]->len);
            freeReplyObject(r);
            if (payload == "end of test")
                return;
            received.push_back(payload);
        }
    });
    subscribed.get_future().wait();

    // A queue long enough that nothing is dropped while the loop outruns Redis (dropping is
    // tested below).
    op::RedisSinkSettings settings = settingsFor(server, prefix);
    settings.queueCapacity = 100000;
    op::RedisSink sink(settings);
    QVERIFY(sink.open());
    QVERIFY(waitFor([&] { return sink.health().state == "connected"; }, 5000));
    const std::vector<op::OrderEvent> events = generate(3000, true);
    const DriveResult run = drive(sink, events, 250);
    QVERIFY(sink.waitIdle(30000));

    RedisTestClient redis(server.port());
    QVERIFY(redis.isConnected());
    redis.command({"PUBLISH", channel, "end of test"});
    subscriber.join();

    // The alerts channel: every alert, in firing order, as alertJson writes it.
    QVERIFY(run.alerts.size() > 10);
    QCOMPARE(received.size(), run.alerts.size());
    for (std::size_t i = 0; i < received.size(); ++i)
        QCOMPARE(received[i], op::RedisStateWriter::alertJson(run.alerts[i]));
    const QJsonObject firstAlert =
        QJsonDocument::fromJson(QByteArray::fromStdString(received.front())).object();
    QCOMPARE(firstAlert.value("rule").toString().toStdString(),
             std::string(op::alertRuleName(run.alerts[0].rule)));
    QCOMPARE(firstAlert.value("entity").toString().toStdString(), run.alerts[0].entity);

    // order:{id}: every accepted order, merged (compared with the same dataset in complete mode,
    // where one record carries the final status, delivery time and rating), with a 3600 s TTL.
    QCOMPARE(redis.strings({"KEYS", prefix + "order:*"}).size(), run.orderIds.size());
    std::map<std::string, op::OrderEvent> complete;
    for (const op::OrderEvent &e : generate(3000, false))
        complete[e.orderId] = e;
    QCOMPARE(complete.size(), run.orderIds.size());
    int checked = 0;
    for (const std::string &id : run.orderIds) {
        const std::string key = prefix + "order:" + id;
        const long long ttl = redis.integer({"TTL", key});
        QVERIFY2(ttl > 3500 && ttl <= 3600, (key + " TTL " + std::to_string(ttl)).c_str());
        const QJsonObject o =
            QJsonDocument::fromJson(QByteArray::fromStdString(redis.string({"GET", key}))).object();
        const op::OrderEvent &c = complete.at(id);
        QCOMPARE(o.value("order_id").toString().toStdString(), id);
        QCOMPARE(o.value("customer_id").toString().toStdString(), c.customerId);
        QCOMPARE(o.value("amount").toInteger(), *c.amount);
        QCOMPARE(o.value("status").toString().toStdString(), std::string(op::orderStatusName(*c.status)));
        QCOMPARE(o.contains("rating"), c.rating.has_value());
        if (c.rating)
            QCOMPARE(o.value("rating").toDouble(), *c.rating);
        QCOMPARE(o.contains("delivery_min"), c.deliveryMin.has_value());
        ++checked;
    }
    QCOMPARE(checked, 3000);
    // A complete-mode order is stored exactly as the canonical NDJSON encoder writes it.
    {
        op::NdjsonEncoder encoder;
        std::string expected;
        encoder.encode(complete.begin()->second, expected);
        RedisServer other;
        op::RedisSink plain(settingsFor(other));
        QVERIFY(plain.open());
        op::SinkBatch b;
        b.records.push_back({complete.begin()->second, false, 0, -1});
        plain.write(b);
        QVERIFY(plain.waitIdle(10000));
        RedisTestClient otherClient(other.port());
        QCOMPARE(otherClient.string({"GET", "orderpulse:order:" + complete.begin()->first}), expected);
    }

    verifyCustomers(redis, *run.last, prefix);
    verifyRealtimeStats(redis, *run.last, prefix);
    const auto snapshot = op::RedisSnapshotCodec::decode(redis.string({"GET", prefix + "snapshot"}));
    QVERIFY2(snapshot, snapshot ? "" : snapshot.error().c_str());
    compareSnapshotFields(**snapshot, *run.last);
    if (QTest::currentTestFailed())
        return;

    const op::RedisHealth h = sink.redisHealth();
    QCOMPARE(h.sink.state, std::string("connected"));
    QCOMPARE(h.sink.dropped, 0);
    QCOMPARE(h.sink.batchesWritten, run.batches);
    QCOMPARE(h.alertsPublished, static_cast<std::int64_t>(run.alerts.size()));
    QVERIFY(!sink.durable());
}

void TestRedisSink::killedMidStreamDropsThenRewrites()
{
    RedisServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    op::RedisSink sink(settingsFor(server));
    QVERIFY(sink.open());
    QVERIFY(waitFor([&] { return sink.health().state == "connected"; }, 5000));

    std::int64_t rewritesBefore = 0;
    const DriveResult run = drive(sink, generate(4000, false, 5), 200, [&](int batch) {
        if (batch == 6) {
            QVERIFY(sink.waitIdle(10000));
            rewritesBefore = sink.redisHealth().fullRewrites;
            server.kill();
        }
    });
    QVERIFY(sink.waitIdle(10000));
    // Redis is down: everything from batch 7 on was dropped and counted; the loop went on at speed.
    const op::RedisHealth down = sink.redisHealth();
    QVERIFY2(down.sink.dropped >= run.batches - 7, std::to_string(down.sink.dropped).c_str());
    QVERIFY(down.recordsDropped >= 200 * (run.batches - 8));
    QCOMPARE(down.sink.state, std::string("reconnecting"));
    QVERIFY(!down.sink.lastError.empty());
    QVERIFY2(run.maxHandOverMs < 100, std::to_string(run.maxHandOverMs).c_str());

    // Back, empty: the state is written again in full from the latest snapshot, with no new input.
    QVERIFY(server.restart());
    RedisTestClient redis(server.port());
    QVERIFY(waitFor([&] { return !redis.string({"GET", "orderpulse:snapshot"}).empty(); }, 10000));
    QVERIFY(sink.waitIdle(10000));
    verifyCustomers(redis, *run.last, "orderpulse:");
    verifyRealtimeStats(redis, *run.last, "orderpulse:");
    const auto snapshot = op::RedisSnapshotCodec::decode(redis.string({"GET", "orderpulse:snapshot"}));
    QVERIFY(snapshot);
    QCOMPARE((*snapshot)->sequence, run.last->sequence);
    const op::RedisHealth back = sink.redisHealth();
    QCOMPARE(back.sink.state, std::string("connected"));
    QVERIFY(back.reconnects >= 1);
    QVERIFY(back.fullRewrites > rewritesBefore);
}

void TestRedisSink::pausedRedisNeverSlowsIngest()
{
    RedisServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    op::RedisSinkSettings settings = settingsFor(server);
    settings.queueCapacity = 4;
    op::RedisSink sink(settings);
    QVERIFY(sink.open());
    QVERIFY(waitFor([&] { return sink.health().state == "connected"; }, 5000));

    // Baseline: the same loop with Redis answering.
    const std::vector<op::OrderEvent> events = generate(6000, false, 9);
    const DriveResult healthy = drive(sink, events, 100);
    QVERIFY(sink.waitIdle(20000));
    const std::int64_t droppedBefore = sink.health().dropped; // the loop outruns Redis too

    // SIGSTOP: connections are accepted by the kernel but nothing ever answers. A sink that
    // waited for Redis would stall at least commandTimeoutMs (300 ms) per batch, 60 batches.
    server.pause();
    const DriveResult paused = drive(sink, events, 100);
    const op::RedisHealth h = sink.redisHealth();
    const std::int64_t dropped = h.sink.dropped - droppedBefore;
    server.resume();
    qInfo("engine loop: %.3f s with Redis answering, %.3f s with Redis paused; longest hand-over %.2f ms; "
          "%lld of %d batches dropped",
          healthy.loopSeconds, paused.loopSeconds, paused.maxHandOverMs, static_cast<long long>(dropped),
          paused.batches);
    QVERIFY2(paused.maxHandOverMs < 100, std::to_string(paused.maxHandOverMs).c_str());
    QVERIFY(paused.loopSeconds < healthy.loopSeconds * 2 + 1.0);
    QVERIFY(dropped > paused.batches / 2);

    // Resumed: the state is rewritten (the paused connection timed out and was replaced).
    RedisTestClient redis(server.port());
    QVERIFY(waitFor(
        [&] {
            const auto s = op::RedisSnapshotCodec::decode(redis.string({"GET", "orderpulse:snapshot"}));
            return s && (*s)->sequence == paused.last->sequence;
        },
        15000));
    QVERIFY(sink.waitIdle(10000));
    verifyCustomers(redis, *paused.last, "orderpulse:");
    QCOMPARE(sink.health().state, std::string("connected"));
}

void TestRedisSink::authWithRequirePassAndAclUser()
{
    const QString password = QStringLiteral("s3cr%t p@ss");
    RedisServer server(password, QStringLiteral("dashboard"), QStringLiteral("acl-pw-42"));
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    const std::string port = std::to_string(server.port());

    // No password: NOAUTH, said in health, and ingest goes on (dropped).
    {
        qunsetenv(op::RedisSinkSettings::kPasswordVariable);
        op::RedisSink sink(*op::RedisSinkSettings::fromUrl("redis://127.0.0.1:" + port));
        QVERIFY(sink.open());
        QVERIFY(waitFor([&] { return !sink.health().lastError.empty(); }, 5000));
        QVERIFY2(sink.health().lastError.find("NOAUTH") != std::string::npos,
                 sink.health().lastError.c_str());
    }
    // A wrong password: the error names the failure, never the password.
    {
        op::RedisSink sink(*op::RedisSinkSettings::fromUrl("redis://:wrong-pw-xyz@127.0.0.1:" + port));
        QVERIFY(sink.open());
        QVERIFY(waitFor([&] { return !sink.health().lastError.empty(); }, 5000));
        const std::string error = sink.health().lastError;
        QVERIFY2(error.find("authentication failed") != std::string::npos, error.c_str());
        QVERIFY(error.find("wrong-pw-xyz") == std::string::npos);
        QCOMPARE(sink.redisHealth().url, "redis://:***@127.0.0.1:" + port);
    }
    // The password percent-encoded in the URL; the ACL user; the environment variable.
    const std::vector<std::pair<std::string, std::string>> ways{
        {"redis://:s3cr%25t%20p%40ss@127.0.0.1:" + port + "/2", ""},
        {"redis://dashboard:acl-pw-42@127.0.0.1:" + port, ""},
        {"redis://127.0.0.1:" + port + "/1", "s3cr%t p@ss"},
    };
    for (const auto &[url, env] : ways) {
        if (env.empty())
            qunsetenv(op::RedisSinkSettings::kPasswordVariable);
        else
            qputenv(op::RedisSinkSettings::kPasswordVariable, QByteArray::fromStdString(env));
        const auto settings = op::RedisSinkSettings::fromUrl(url);
        QVERIFY(settings);
        op::RedisSink sink(*settings);
        QVERIFY(sink.open());
        op::SinkBatch b;
        b.records.push_back({generate(1, false).front(), false, 0, -1});
        sink.write(b);
        QVERIFY(sink.waitIdle(5000));
        QVERIFY2(sink.health().state == "connected", sink.health().lastError.c_str());
        QCOMPARE(sink.health().batchesWritten, 1);
        RedisTestClient redis(server.port(), password.toStdString());
        redis.command({"SELECT", std::to_string(settings->db)});
        QCOMPARE(redis.integer({"EXISTS", "orderpulse:order:" + b.records[0].event.orderId}), 1LL);
        redis.command({"FLUSHALL"});
    }
    qunsetenv(op::RedisSinkSettings::kPasswordVariable);
}

void TestRedisSink::healthReadsInfo()
{
    RedisServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    RedisTestClient redis(server.port());
    redis.command({"SET", "k", "v"});
    for (int i = 0; i < 3; ++i)
        redis.command({"GET", "k"});
    redis.command({"GET", "missing"});
    op::RedisSink sink(settingsFor(server));
    QVERIFY(sink.open());
    QVERIFY(waitFor([&] { return sink.redisHealth().usedMemoryBytes.has_value(); }, 5000));
    const op::RedisHealth h = sink.redisHealth();
    QCOMPARE(*h.keyspaceHits, 3); // the sink itself never reads
    QCOMPARE(*h.keyspaceMisses, 1);
    QVERIFY(*h.usedMemoryBytes > 100000);
    QVERIFY(!h.usedMemoryHuman.empty());
    QVERIFY(h.hitRate() && *h.hitRate() > 0 && *h.hitRate() < 1);
    QVERIFY(h.infoWallTimeMs > 0);
    const std::string line = h.summary();
    QVERIFY2(line.find("Redis connected | MEM: " + h.usedMemoryHuman + " | HIT: 75.0%") == 0, line.c_str());
}

QTEST_GUILESS_MAIN(TestRedisSink)
#include "tst_redis_sink.moc"
