#include "sinks/SqliteSink.h"

#include "io/NdjsonEncoder.h"
#include "sinks/SqliteBatchSql.h"
#include "sinks/SqliteConnection.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <chrono>
#include <map>

namespace op {

namespace {

const char *kindOf(EventType type)
{
    switch (type) {
    case EventType::Order:
    case EventType::Placed:
        return "placement";
    case EventType::Delivered:
        return "delivered";
    case EventType::Cancelled:
        return "cancelled";
    case EventType::Rated:
        return "rated";
    }
    return "placement";
}

bool isPlacement(EventType type)
{
    return type == EventType::Order || type == EventType::Placed;
}

QString text(const std::string &s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

template <typename T>
QVariant orNull(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

std::string errorOf(const QSqlQuery &q)
{
    return q.lastError().text().toStdString() + " in: " + q.lastQuery().left(120).toStdString();
}

// The staging columns, in order: the record, its merged-order fields and the window starts
// worked out here (so that SQL needs no time arithmetic on text timestamps).
constexpr const char *kStageColumns =
    "seq, order_id, kind, event_time_ms, late, payload, topic, kafka_partition, kafka_offset, placement, "
    "order_time, customer_id, merchant_id, merchant_name, category, region, amount, delivery_fee, distance_km, "
    "promised_min, delivery_min, status, rating, ip_address, payment, rt_start, rt_end, pp_start, pp_end, "
    "ip_start, first_item, item_qty";
constexpr int kStageColumnCount = 32;

} // namespace

// The prepared statements of one open connection (prepared once, bound per batch).
class SqliteStatements
{
public:
    explicit SqliteStatements(QSqlDatabase &db)
        : stageEvent(db)
        , stageItem(db)
        , offsetRead(db)
        , offsetWrite(db)
        , alert(db)
        , quarantine(db)
        , duplicates(db)
        , scratch(db)
    {
    }
    QSqlQuery stageEvent;
    QSqlQuery stageItem;
    QSqlQuery offsetRead;
    QSqlQuery offsetWrite;
    QSqlQuery alert;
    QSqlQuery quarantine;
    QSqlQuery duplicates;
    QSqlQuery scratch;
};

SqliteSink::SqliteSink(QString path, EngineSettings settings)
    : m_path(std::move(path))
    , m_settings(std::move(settings))
{
    m_health.name = "SQLite";
    m_health.state = "connecting";
}

SqliteSink::~SqliteSink()
{
    close();
}

void SqliteSink::close()
{
    m_statements.reset(); // queries before their connection
    m_connection.reset();
}

void SqliteSink::fail(const std::string &error)
{
    m_health.state = "error";
    m_health.lastError = error;
}

tl::expected<void, std::string> SqliteSink::open()
{
    if (m_connection && m_connection->isOpen())
        return {};
    close();
    m_connection = std::make_unique<SqliteConnection>(m_path);
    auto opened = m_connection->open();
    if (!opened) {
        close();
        fail(opened.error());
        return opened;
    }
    const QStringList temp{
        QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS stage_events (seq INTEGER PRIMARY KEY, order_id TEXT, kind TEXT, "
                       "event_time_ms INTEGER, late INTEGER, payload TEXT, topic TEXT, kafka_partition INTEGER, "
                       "kafka_offset INTEGER, placement INTEGER, order_time TEXT, customer_id TEXT, merchant_id TEXT, "
                       "merchant_name TEXT, category TEXT, region TEXT, amount INTEGER, delivery_fee INTEGER, "
                       "distance_km REAL, promised_min REAL, delivery_min REAL, status TEXT, rating REAL, "
                       "ip_address TEXT, payment TEXT, rt_start TEXT, rt_end TEXT, pp_start TEXT, pp_end TEXT, "
                       "ip_start TEXT, first_item TEXT, item_qty INTEGER, fresh INTEGER NOT NULL DEFAULT 1)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS temp.stage_events_key ON stage_events (order_id, kind)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS temp.stage_events_merchant ON stage_events (merchant_id)"),
        QStringLiteral("CREATE TEMP TABLE IF NOT EXISTS stage_items (seq INTEGER, line INTEGER, product_name TEXT, "
                       "quantity INTEGER, unit_price INTEGER)"),
    };
    for (const QString &sql : temp) {
        auto done = m_connection->exec(sql);
        if (!done) {
            close();
            fail(done.error());
            return done;
        }
    }
    m_statements = std::make_unique<SqliteStatements>(m_connection->database());
    SqliteStatements &s = *m_statements;
    QString placeholders;
    for (int i = 0; i < kStageColumnCount; ++i)
        placeholders += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    const bool prepared =
        s.stageEvent.prepare(QStringLiteral("INSERT INTO stage_events (%1) VALUES (%2)")
                                 .arg(QLatin1String(kStageColumns), placeholders))
        && s.stageItem.prepare(QStringLiteral(
            "INSERT INTO stage_items (seq, line, product_name, quantity, unit_price) VALUES (?, ?, ?, ?, ?)"))
        && s.offsetRead.prepare(
            QStringLiteral("SELECT next_offset FROM ingest_offsets WHERE topic = ? AND kafka_partition = ?"))
        && s.offsetWrite.prepare(QStringLiteral(
            "INSERT INTO ingest_offsets (topic, kafka_partition, next_offset, updated_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (topic, kafka_partition) DO UPDATE SET next_offset = excluded.next_offset, "
            "updated_at = excluded.updated_at"))
        && s.alert.prepare(QStringLiteral(
            "INSERT INTO alerts (rule, entity, window_start, value, severity, event_time, order_id, acknowledged, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"))
        && s.quarantine.prepare(QStringLiteral(
            "INSERT INTO quarantine (source, record_offset, line, reason, raw, received_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (source, record_offset) DO NOTHING"))
        && s.duplicates.prepare(
            QStringLiteral("UPDATE ingest_counters SET value = value + ? WHERE name = 'duplicates'"));
    if (!prepared) {
        std::string why = "cannot prepare statements: ";
        for (QSqlQuery *q : {&s.stageEvent, &s.stageItem, &s.offsetRead, &s.offsetWrite, &s.alert, &s.quarantine,
                             &s.duplicates})
            if (q->lastError().isValid())
                why += q->lastError().text().toStdString();
        close();
        fail(why);
        return tl::make_unexpected(why);
    }
    m_health.state = "connected";
    m_health.lastError.clear();
    return {};
}

std::optional<std::int64_t> SqliteSink::storedOffset(const std::string &topic, int partition)
{
    if (!m_statements)
        return std::nullopt;
    QSqlQuery &q = m_statements->offsetRead;
    q.bindValue(0, text(topic));
    q.bindValue(1, partition);
    std::optional<std::int64_t> offset;
    if (q.exec() && q.next())
        offset = q.value(0).toLongLong();
    q.finish();
    return offset;
}

SinkHealth SqliteSink::health() const
{
    return m_health;
}

tl::expected<void, std::string> SqliteSink::write(const SinkBatch &batch)
{
    if (!m_statements) {
        auto opened = open();
        if (!opened)
            return opened;
    }
    const auto started = std::chrono::steady_clock::now();
    QSqlDatabase &db = m_connection->database();
    if (!db.transaction()) {
        const std::string why = "cannot begin a transaction: " + db.lastError().text().toStdString();
        fail(why);
        return tl::make_unexpected(why);
    }
    auto written = writeInTransaction(batch);
    if (!written) {
        db.rollback();
        // A stale batch is the caller's business; the database itself is fine.
        if (written.error().rfind(kOffsetGuardError, 0) != 0)
            fail(written.error());
        return written;
    }
    if (!db.commit()) {
        const std::string why = "commit failed: " + db.lastError().text().toStdString();
        db.rollback();
        fail(why);
        return tl::make_unexpected(why);
    }
    m_health.state = "connected";
    m_health.lastError.clear();
    ++m_health.batchesWritten;
    m_health.recordsWritten += static_cast<std::int64_t>(batch.records.size());
    m_health.lastFlushMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return {};
}

tl::expected<void, std::string> SqliteSink::writeInTransaction(const SinkBatch &batch)
{
    auto guarded = checkOffsets(batch);
    if (!guarded)
        return guarded;
    const QString now = sqliteTimeQ(QDateTime::currentMSecsSinceEpoch());
    auto staged = stage(batch);
    if (!staged)
        return staged;
    auto conflicts = moveStaged(batch, now);
    if (!conflicts)
        return tl::make_unexpected(conflicts.error());
    return writeSideTables(batch, *conflicts, now);
}

// docs/storage.md: a batch must start where the database's stored offsets end. SinkBatch carries
// the next offsets and each record's offset, not where the batch starts, so a batch is stale
// when the stored offset of a partition is past the batch's end or past its first record, or
// when it brings something while no partition of it moves forward (a repeated batch of only
// duplicates or quarantined records).
tl::expected<void, std::string> SqliteSink::checkOffsets(const SinkBatch &batch)
{
    if (batch.offsets.empty())
        return {};
    std::map<int, std::int64_t> firstRecord;
    for (const StoredRecord &r : batch.records) {
        if (r.offset < 0)
            continue;
        auto [it, inserted] = firstRecord.emplace(r.partition, r.offset);
        if (!inserted && r.offset < it->second)
            it->second = r.offset;
    }
    bool anyAdvances = false;
    for (const KafkaOffset &o : batch.offsets) {
        const std::optional<std::int64_t> stored = storedOffset(batch.topic, o.partition);
        const auto first = firstRecord.find(o.partition);
        const auto stale = [&](const std::string &what) {
            return tl::make_unexpected(std::string(kOffsetGuardError) + ": partition " + std::to_string(o.partition)
                                       + " of '" + batch.topic + "' is stored up to offset "
                                       + std::to_string(stored.value_or(0)) + ", " + what
                                       + " (a batch written before, or by a zombie worker); nothing written");
        };
        if (!stored) {
            anyAdvances = true;
            continue;
        }
        if (*stored > o.offset)
            return stale("this batch ends at " + std::to_string(o.offset));
        if (first != firstRecord.end() && *stored > first->second)
            return stale("this batch starts at " + std::to_string(first->second));
        if (*stored < o.offset)
            anyAdvances = true;
    }
    if (!anyAdvances && !batch.empty())
        return tl::make_unexpected(std::string(kOffsetGuardError) + ": no partition of '" + batch.topic
                                   + "' moves past its stored offset, yet the batch is not empty; nothing written");
    return {};
}

tl::expected<void, std::string> SqliteSink::stage(const SinkBatch &batch)
{
    SqliteStatements &s = *m_statements;
    QSqlQuery &scratch = s.scratch;
    if (!scratch.exec(QStringLiteral("DELETE FROM stage_events")) || !scratch.exec(QStringLiteral("DELETE FROM stage_items")))
        return tl::make_unexpected(errorOf(scratch));
    if (batch.records.empty())
        return {};

    const std::size_t n = batch.records.size();
    std::vector<QVariantList> cols(kStageColumnCount);
    for (QVariantList &c : cols)
        c.reserve(static_cast<qsizetype>(n));
    QVariantList itemSeq, itemLine, itemName, itemQty, itemPrice;
    NdjsonEncoder encoder;
    std::string payload;
    const QString topic = text(batch.topic);
    const EngineSettings &st = m_settings;
    qint64 seq = 0;
    for (const StoredRecord &r : batch.records) {
        const OrderEvent &e = r.event;
        const bool placement = isPlacement(e.type);
        payload.clear();
        encoder.encode(e, payload);
        std::int32_t qty = 0;
        for (const OrderItem &item : e.items)
            qty += item.qty;
        int c = 0;
        cols[c++] << ++seq;
        cols[c++] << text(e.orderId);
        cols[c++] << QString::fromLatin1(kindOf(e.type));
        cols[c++] << static_cast<qint64>(e.eventTime);
        cols[c++] << (r.late ? 1 : 0);
        cols[c++] << text(payload);
        cols[c++] << topic;
        cols[c++] << r.partition;
        cols[c++] << (r.offset >= 0 ? QVariant(static_cast<qint64>(r.offset)) : QVariant());
        cols[c++] << (placement ? 1 : 0);
        cols[c++] << sqliteTimeQ(e.eventTime);
        cols[c++] << text(e.customerId);
        cols[c++] << text(e.merchantId);
        cols[c++] << text(e.merchantName);
        cols[c++] << text(e.category);
        cols[c++] << text(e.region);
        cols[c++] << orNull(e.amount);
        cols[c++] << orNull(e.deliveryFee);
        cols[c++] << orNull(e.distanceKm);
        cols[c++] << orNull(e.promisedMin);
        cols[c++] << orNull(e.deliveryMin);
        cols[c++] << (e.status ? QVariant(QString::fromLatin1(orderStatusName(*e.status))) : QVariant());
        cols[c++] << orNull(e.rating);
        cols[c++] << text(e.ip);
        cols[c++] << text(e.payment);
        const TimestampMs rt = floorTo(e.eventTime, st.realtimeWindowMs);
        const TimestampMs pp = floorTo(e.eventTime, st.popularItemsWindowMs);
        cols[c++] << sqliteTimeQ(rt);
        cols[c++] << sqliteTimeQ(rt + st.realtimeWindowMs);
        cols[c++] << sqliteTimeQ(pp);
        cols[c++] << sqliteTimeQ(pp + st.popularItemsWindowMs);
        cols[c++] << sqliteTimeQ(floorTo(e.eventTime, st.ipVelocityWindowMs));
        cols[c++] << (e.items.empty() ? QVariant() : QVariant(text(e.items.front().name)));
        cols[c++] << qty;
        if (placement) {
            int line = 0;
            for (const OrderItem &item : e.items) {
                itemSeq << seq;
                itemLine << ++line;
                itemName << text(item.name);
                itemQty << item.qty;
                itemPrice << static_cast<qint64>(item.unitPrice);
            }
        }
    }
    for (int i = 0; i < kStageColumnCount; ++i)
        s.stageEvent.bindValue(i, cols[static_cast<std::size_t>(i)]);
    if (!s.stageEvent.execBatch())
        return tl::make_unexpected(errorOf(s.stageEvent));
    if (!itemSeq.isEmpty()) {
        s.stageItem.bindValue(0, itemSeq);
        s.stageItem.bindValue(1, itemLine);
        s.stageItem.bindValue(2, itemName);
        s.stageItem.bindValue(3, itemQty);
        s.stageItem.bindValue(4, itemPrice);
        if (!s.stageItem.execBatch())
            return tl::make_unexpected(errorOf(s.stageItem));
    }
    return {};
}

namespace {

// Runs `sql` with positional values on `q` (prepared anew: these run once per batch).
tl::expected<void, std::string> run(QSqlQuery &q, const char *sql, const QVariantList &values = {})
{
    if (!q.prepare(QString::fromUtf8(sql)))
        return tl::make_unexpected(errorOf(q));
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(static_cast<int>(i), values.at(i));
    if (!q.exec())
        return tl::make_unexpected(errorOf(q));
    return {};
}

} // namespace

tl::expected<std::int64_t, std::string> SqliteSink::moveStaged(const SinkBatch &batch, const QString &now)
{
    QSqlQuery &q = m_statements->scratch;
    if (batch.records.empty())
        return 0;
    // A record is new when the database does not hold its (order_id, kind) yet and it is the
    // first of its key in the batch; the others are duplicates (e.g. redelivered after a crash).
    auto marked = run(q, "UPDATE stage_events SET fresh = 0 WHERE EXISTS (SELECT 1 FROM order_events o "
                         "WHERE o.order_id = stage_events.order_id AND o.kind = stage_events.kind) "
                         "OR seq > (SELECT MIN(x.seq) FROM stage_events x WHERE x.order_id = stage_events.order_id "
                         "AND x.kind = stage_events.kind)");
    if (!marked)
        return tl::make_unexpected(marked.error());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM stage_events WHERE NOT fresh")) || !q.next())
        return tl::make_unexpected(errorOf(q));
    const std::int64_t conflicts = q.value(0).toLongLong();
    q.finish();
    const QVariantList stamp{now};
    const std::pair<const char *, QVariantList> steps[] = {
        {"INSERT INTO order_events (order_id, kind, event_time_ms, late, payload, topic, kafka_partition, kafka_offset) "
         "SELECT order_id, kind, event_time_ms, late, payload, topic, kafka_partition, kafka_offset FROM stage_events "
         "WHERE fresh ORDER BY seq ON CONFLICT (order_id, kind) DO NOTHING",
         {}},
        {SqliteBatchSql::kOrdersFromPlacements, {}},
        {SqliteBatchSql::kOrdersFromDelivered, {}},
        {SqliteBatchSql::kOrdersFromCancelled, {}},
        {SqliteBatchSql::kOrdersFromRated, {}},
        {SqliteBatchSql::kOrderItems, {}},
        {SqliteBatchSql::kCustomers, {}},
        {SqliteBatchSql::kMerchants, {}},
        {SqliteBatchSql::kRealtimeStats, stamp},
        {SqliteBatchSql::kPopularProducts, stamp},
        {SqliteBatchSql::kIpWindows, stamp},
        {SqliteBatchSql::kHighValue, {now, QVariant::fromValue(static_cast<qint64>(m_settings.highValueThreshold))}},
    };
    for (const auto &[sql, values] : steps) {
        auto done = run(q, sql, values);
        if (!done)
            return tl::make_unexpected(done.error());
    }
    return conflicts;
}

tl::expected<void, std::string> SqliteSink::writeSideTables(const SinkBatch &batch, std::int64_t conflicts,
                                                            const QString &now)
{
    SqliteStatements &s = *m_statements;
    if (!batch.alerts.empty()) {
        QVariantList rule, entity, window, value, severity, eventTime, orderId, acknowledged, created;
        for (const Alert &a : batch.alerts) {
            rule << QString::fromLatin1(alertRuleName(a.rule));
            entity << text(a.entity);
            window << (a.windowStart ? QVariant(sqliteTimeQ(*a.windowStart)) : QVariant());
            value << static_cast<qint64>(a.value);
            severity << QString::fromLatin1(alertSeverityName(a.severity));
            eventTime << sqliteTimeQ(a.eventTime);
            orderId << text(a.orderId);
            acknowledged << (a.acknowledged ? 1 : 0);
            created << now;
        }
        int i = 0;
        for (const QVariantList *column : {&rule, &entity, &window, &value, &severity, &eventTime, &orderId,
                                           &acknowledged, &created})
            s.alert.bindValue(i++, *column);
        if (!s.alert.execBatch())
            return tl::make_unexpected(errorOf(s.alert));
    }
    if (!batch.records.empty()) {
        auto totals = run(s.scratch, SqliteBatchSql::kRealtimeTotals);
        if (!totals)
            return totals;
    }
    if (!batch.quarantined.empty()) {
        QVariantList source, offset, line, reason, raw, received;
        for (const QuarantineRecord &r : batch.quarantined) {
            source << text(r.source);
            offset << static_cast<qint64>(r.offset);
            line << static_cast<qint64>(r.line);
            reason << text(r.reason);
            raw << text(r.raw);
            received << now;
        }
        int i = 0;
        for (const QVariantList *column : {&source, &offset, &line, &reason, &raw, &received})
            s.quarantine.bindValue(i++, *column);
        if (!s.quarantine.execBatch())
            return tl::make_unexpected(errorOf(s.quarantine));
    }
    if (batch.duplicates + conflicts != 0) {
        s.duplicates.bindValue(0, static_cast<qint64>(batch.duplicates + conflicts));
        if (!s.duplicates.exec())
            return tl::make_unexpected(errorOf(s.duplicates));
    }
    if (!batch.offsets.empty()) {
        QVariantList topic, partition, next, updated;
        for (const KafkaOffset &o : batch.offsets) {
            topic << text(batch.topic);
            partition << o.partition;
            next << static_cast<qint64>(o.offset);
            updated << now;
        }
        s.offsetWrite.bindValue(0, topic);
        s.offsetWrite.bindValue(1, partition);
        s.offsetWrite.bindValue(2, next);
        s.offsetWrite.bindValue(3, updated);
        if (!s.offsetWrite.execBatch())
            return tl::make_unexpected(errorOf(s.offsetWrite));
    }
    return {};
}

tl::expected<void, std::string> SqliteSink::recomputeCustomerRfm()
{
    if (!m_statements) {
        auto opened = open();
        if (!opened)
            return opened;
    }
    QSqlDatabase &db = m_connection->database();
    QSqlQuery &q = m_statements->scratch;
    // "Now" is the latest stored event time, as in the report (never the wall clock).
    if (!q.exec(QStringLiteral("SELECT MAX(event_time_ms) FROM order_events")) || !q.next())
        return tl::make_unexpected(errorOf(q));
    const bool any = !q.value(0).isNull();
    const TimestampMs now = q.value(0).toLongLong();
    q.finish();
    if (!db.transaction())
        return tl::make_unexpected("cannot begin a transaction: " + db.lastError().text().toStdString());
    auto cleared = run(q, "DELETE FROM customer_rfm");
    if (cleared && any) {
        const TimestampMs horizon = static_cast<TimestampMs>(m_settings.gradeHorizonDays) * kMsPerDay;
        cleared = run(q, SqliteBatchSql::kCustomerRfm,
                      {sqliteTimeQ(now - horizon), sqliteTimeQ(now), m_settings.clvLifetimeMonths});
    }
    if (!cleared || !db.commit()) {
        const std::string why = cleared ? db.lastError().text().toStdString() : cleared.error();
        db.rollback();
        return tl::make_unexpected("customer_rfm: " + why);
    }
    return {};
}

} // namespace op
