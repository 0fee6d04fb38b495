// SqliteSink throughput beside the naive way, in the same run, on the same records:
//   bench_sqlite_sink [--orders N] [--naive-orders M] [--batch B] [--dir DIR]
// sink:  complete orders (with their items) processed by the engine, written in batches of B
//        (default 5,000) through SqliteSink: staged by prepared batch inserts, moved and upserted
//        into every table in one transaction per batch.
// naive: the same orders, one autocommitted INSERT per row (order_events, orders, each item),
//        the way a first version would do it; only order_events/orders/order_items, so it does
//        less work than the sink and still loses by far.
// Both files use SqliteConnection's settings (WAL, synchronous=NORMAL). Rates are given per wall
// second and per CPU second of the writing thread (the machine may be shared: CPU time is what
// one core spends whatever else runs).
#include "analytics/Engine.h"
#include "io/Generator.h"
#include "io/NdjsonEncoder.h"
#include "sinks/SqliteConnection.h"
#include "sinks/SqliteSink.h"

#include <QCoreApplication>
#include <QDir>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace op;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double threadCpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Rate
{
    double wall = -1; // orders per wall second; negative on error
    double cpu = -1;  // orders per CPU second of this thread
};

std::vector<StoredRecord> makeRecords(std::int64_t orders)
{
    GeneratorOptions options;
    options.orders = orders;
    options.seed = 7;
    Generator generator(options);
    Engine engine;
    std::vector<StoredRecord> out;
    out.reserve(static_cast<std::size_t>(orders));
    GeneratedRecord g;
    while (generator.next(g)) {
        if (g.bad != BadKind::None)
            continue;
        const Engine::Outcome outcome = engine.process(g.event);
        if (outcome == Engine::Outcome::Accepted || outcome == Engine::Outcome::Late)
            out.push_back(StoredRecord{g.event, outcome == Engine::Outcome::Late, 0, -1});
    }
    return out;
}

Rate runSink(const QString &path, const std::vector<StoredRecord> &records, std::size_t batchSize,
               double &rfmSeconds)
{
    SqliteSink sink(path);
    if (auto opened = sink.open(); !opened) {
        std::fprintf(stderr, "open: %s\n", opened.error().c_str());
        return {};
    }
    const auto start = Clock::now();
    const double cpuStart = threadCpuSeconds();
    SinkBatch batch;
    batch.topic = "bench";
    for (std::size_t i = 0; i < records.size(); i += batchSize) {
        const std::size_t end = std::min(records.size(), i + batchSize);
        batch.records.assign(records.begin() + static_cast<std::ptrdiff_t>(i),
                             records.begin() + static_cast<std::ptrdiff_t>(end));
        ++batch.sequence;
        if (auto written = sink.write(batch); !written) {
            std::fprintf(stderr, "write: %s\n", written.error().c_str());
            return {};
        }
    }
    const double seconds = secondsSince(start);
    const double cpu = threadCpuSeconds() - cpuStart;
    const auto rfmStart = Clock::now();
    if (auto rfm = sink.recomputeCustomerRfm(); !rfm) {
        std::fprintf(stderr, "rfm: %s\n", rfm.error().c_str());
        return {};
    }
    rfmSeconds = secondsSince(rfmStart);
    const auto n = static_cast<double>(records.size());
    return {n / seconds, n / cpu};
}

Rate runNaive(const QString &path, const std::vector<StoredRecord> &records)
{
    SqliteConnection connection(path);
    if (auto opened = connection.open(); !opened) {
        std::fprintf(stderr, "open: %s\n", opened.error().c_str());
        return {};
    }
    QSqlDatabase &db = connection.database();
    QSqlQuery event(db);
    QSqlQuery order(db);
    QSqlQuery item(db);
    event.prepare(QStringLiteral("INSERT INTO order_events (order_id, kind, event_time_ms, late, payload, topic) "
                                 "VALUES (?, 'placement', ?, ?, ?, 'bench') ON CONFLICT DO NOTHING"));
    order.prepare(QStringLiteral("INSERT INTO orders (order_id, order_time, customer_id, merchant_id, merchant_name, "
                                 "amount, ip_address, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    item.prepare(QStringLiteral("INSERT INTO order_items (order_id, line, product_name, quantity, unit_price) "
                                "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    NdjsonEncoder encoder;
    std::string payload;
    const auto start = Clock::now();
    const double cpuStart = threadCpuSeconds();
    for (const StoredRecord &r : records) {
        const OrderEvent &e = r.event;
        const QString id = QString::fromStdString(e.orderId);
        payload.clear();
        encoder.encode(e, payload);
        event.bindValue(0, id);
        event.bindValue(1, static_cast<qint64>(e.eventTime));
        event.bindValue(2, r.late ? 1 : 0);
        event.bindValue(3, QString::fromStdString(payload));
        order.bindValue(0, id);
        order.bindValue(1, sqliteTimeQ(e.eventTime));
        order.bindValue(2, QString::fromStdString(e.customerId));
        order.bindValue(3, QString::fromStdString(e.merchantId));
        order.bindValue(4, QString::fromStdString(e.merchantName));
        order.bindValue(5, static_cast<qint64>(e.amount.value_or(0)));
        order.bindValue(6, QString::fromStdString(e.ip));
        order.bindValue(7, r.late ? 1 : 0);
        if (!event.exec() || !order.exec()) {
            std::fprintf(stderr, "insert: %s\n", qPrintable(event.lastError().text() + order.lastError().text()));
            return {};
        }
        int line = 0;
        for (const OrderItem &it : e.items) {
            item.bindValue(0, id);
            item.bindValue(1, ++line);
            item.bindValue(2, QString::fromStdString(it.name));
            item.bindValue(3, it.qty);
            item.bindValue(4, static_cast<qint64>(it.unitPrice));
            if (!item.exec()) {
                std::fprintf(stderr, "insert: %s\n", qPrintable(item.lastError().text()));
                return {};
            }
        }
    }
    const auto n = static_cast<double>(records.size());
    return {n / secondsSince(start), n / (threadCpuSeconds() - cpuStart)};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::int64_t orders = 200000;
    std::int64_t naiveOrders = 5000;
    std::size_t batch = 5000;
    QString dir;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!std::strcmp(argv[i], "--orders"))
            orders = std::atoll(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--naive-orders"))
            naiveOrders = std::atoll(argv[i + 1]);
        else if (!std::strcmp(argv[i], "--batch"))
            batch = static_cast<std::size_t>(std::atoll(argv[i + 1]));
        else if (!std::strcmp(argv[i], "--dir"))
            dir = QString::fromLocal8Bit(argv[i + 1]);
        else {
            std::fprintf(stderr, "usage: bench_sqlite_sink [--orders N] [--naive-orders M] [--batch B] [--dir DIR]\n");
            return 2;
        }
    }
    QTemporaryDir temp(dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_sqlite_XXXXXX")
                                     : dir + QStringLiteral("/bench_sqlite_XXXXXX"));
    if (!temp.isValid()) {
        std::fprintf(stderr, "cannot make a temporary folder\n");
        return 1;
    }
    const std::vector<StoredRecord> records = makeRecords(orders);
    std::size_t items = 0;
    for (const StoredRecord &r : records)
        items += r.event.items.size();
    std::printf("records: %zu complete orders, %.2f items per order, files in %s\n", records.size(),
                static_cast<double>(items) / static_cast<double>(records.size()), qPrintable(temp.path()));

    double rfmSeconds = 0;
    const Rate sink = runSink(temp.filePath(QStringLiteral("sink.sqlite")), records, batch, rfmSeconds);
    if (sink.wall < 0)
        return 1;
    std::printf("SqliteSink, batches of %zu, one transaction each: %9.0f orders/s wall, %9.0f orders/CPU-s (%zu orders)\n",
                batch, sink.wall, sink.cpu, records.size());
    std::printf("customer_rfm recomputed by SQL (NTILE) after the run: %.3f s\n", rfmSeconds);

    const std::vector<StoredRecord> subset(records.begin(),
                                           records.begin() + std::min<std::ptrdiff_t>(
                                                                 static_cast<std::ptrdiff_t>(records.size()),
                                                                 static_cast<std::ptrdiff_t>(naiveOrders)));
    const Rate naive = runNaive(temp.filePath(QStringLiteral("naive.sqlite")), subset);
    if (naive.wall < 0)
        return 1;
    std::printf("naive per-row autocommit INSERT:                 %9.0f orders/s wall, %9.0f orders/CPU-s (%zu orders)\n",
                naive.wall, naive.cpu, subset.size());
    std::printf("speed-up: %.1fx wall, %.1fx CPU\n", sink.wall / naive.wall, sink.cpu / naive.cpu);
    return 0;
}
