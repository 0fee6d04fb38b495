#pragma once

// Helpers of the sink tests: feeding generated records through an engine into SinkBatches the way
// the ingest thread does, dumping a database as text, comparing reports.
#include "ReportDiff.h"

#include "analytics/Engine.h"
#include "analytics/ReportJson.h"
#include "io/NdjsonEncoder.h"
#include "sinks/SinkBatch.h"
#include "sinks/SqliteConnection.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <string>
#include <vector>

namespace optest {

using namespace op;

struct Fed
{
    std::vector<SinkBatch> batches;
    Report report;                          // the engine's, after finish()
    std::vector<StoredRecord> accepted;     // every record the engine accepted, in order
};

// Feeds records through an engine like the ingest thread does and cuts what happened into
// batches of pseudo-random sizes in [1, maxBatch]. Every `quarantineEvery`-th record also brings a
// quarantined record.
inline Fed feedInBatches(const std::vector<OrderEvent> &records, std::uint64_t seed, std::size_t maxBatch,
                  int quarantineEvery = 0, const EngineSettings &settings = {})
{
    Fed fed;
    Engine engine(settings);
    SinkBatch current;
    current.topic = "test";
    engine.setAlertCallback([&current](const Alert &a) { current.alerts.push_back(a); });
    std::uint64_t state = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto nextSize = [&] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return 1 + static_cast<std::size_t>((state >> 33) % maxBatch);
    };
    std::size_t target = nextSize();
    std::size_t n = 0;
    for (const OrderEvent &record : records) {
        ++n;
        OrderEvent copy = record;
        const Engine::Outcome outcome = engine.process(copy);
        if (outcome == Engine::Outcome::Accepted || outcome == Engine::Outcome::Late) {
            StoredRecord stored{copy, outcome == Engine::Outcome::Late, 0, -1};
            current.records.push_back(stored);
            fed.accepted.push_back(std::move(stored));
        } else if (outcome == Engine::Outcome::Duplicate) {
            ++current.duplicates;
        }
        if (quarantineEvery > 0 && n % static_cast<std::size_t>(quarantineEvery) == 0) {
            QuarantineRecord q{"generated.ndjson", static_cast<std::int64_t>(n), static_cast<std::int64_t>(n) * 100,
                               "amount is negative", "{\"order_id\":\"bad\"}"};
            engine.onQuarantine(q);
            current.quarantined.push_back(std::move(q));
        }
        if (current.records.size() + static_cast<std::size_t>(current.duplicates) >= target) {
            current.sequence = static_cast<std::int64_t>(fed.batches.size()) + 1;
            fed.batches.push_back(current);
            current.records.clear();
            current.alerts.clear();
            current.quarantined.clear();
            current.duplicates = 0;
            target = nextSize();
        }
    }
    if (!current.empty())
        fed.batches.push_back(current);
    engine.finish();
    fed.report = engine.report();
    return fed;
}

inline QString tableDump(QSqlDatabase &db, const QString &table)
{
    QSqlQuery q(db);
    QString out;
    if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2, 3").arg(table)))
        return QStringLiteral("error: ") + q.lastError().text();
    while (q.next()) {
        for (int i = 0; i < q.record().count(); ++i)
            out += q.value(i).toString() + QLatin1Char('|');
        out += QLatin1Char('\n');
    }
    return out;
}

// Every table and view, as text: "nothing changed" is an equality of this.
inline QString databaseDump(const QString &path)
{
    SqliteConnection c(path);
    if (!c.open(true))
        return QStringLiteral("cannot open");
    QString out;
    for (const char *table : {"order_events", "orders", "order_items", "customers", "merchants", "realtime_stats",
                              "popular_products", "ip_windows", "suspicious_ips", "high_value_orders", "alerts",
                              "quarantine", "ingest_offsets", "ingest_counters", "customer_rfm", "schema_version"})
        out += QString::fromLatin1(table) + QLatin1Char('\n') + tableDump(c.database(), QString::fromLatin1(table));
    return out;
}

inline std::int64_t scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

inline QString diffReports(const Report &actual, const Report &expected)
{
    QString diff = optest::firstDifference(reportToJson(actual), reportToJson(expected));
    if (!diff.isEmpty())
        return diff;
    if (actual.alerts.size() != expected.alerts.size())
        return QStringLiteral("alert counts differ");
    for (std::size_t i = 0; i < actual.alerts.size(); ++i)
        if (actual.alerts[i].orderId != expected.alerts[i].orderId)
            return QStringLiteral("alert %1 is attributed to another order").arg(i);
    return {};
}

inline bool isPlacement(const OrderEvent &e)
{
    return e.type == EventType::Order || e.type == EventType::Placed;
}

// Writes records as an NDJSON dataset file, plus `extra` bytes at the end.
inline bool writeNdjson(const QString &path, const std::vector<OrderEvent> &records, const std::string &extra = {})
{
    NdjsonEncoder encoder;
    std::string text;
    for (const OrderEvent &e : records)
        encoder.encodeRecord(e, text);
    text += extra;
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text.data(), static_cast<qint64>(text.size())) == static_cast<qint64>(text.size());
}

} // namespace optest
