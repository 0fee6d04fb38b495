#include "sinks/SqliteReader.h"

#include "io/NdjsonDecoder.h"
#include "sinks/SqliteConnection.h"

#include <QSqlError>
#include <QSqlQuery>

namespace op {

SqliteReader::SqliteReader(QString path)
    : m_path(std::move(path))
{
}

SqliteReader::~SqliteReader() = default;

tl::expected<void, std::string> SqliteReader::open()
{
    if (m_connection && m_connection->isOpen())
        return {};
    m_connection = std::make_unique<SqliteConnection>(m_path);
    // Migrations too: an older file is brought up to date, a newer one is refused with its version.
    auto opened = m_connection->open(/*mustExist=*/true);
    if (!opened)
        m_connection.reset();
    return opened;
}

tl::expected<StoredCounters, std::string> SqliteReader::counters()
{
    auto opened = open();
    if (!opened)
        return tl::make_unexpected(opened.error());
    QSqlQuery q(m_connection->database());
    StoredCounters c;
    if (!q.exec(QStringLiteral("SELECT COALESCE((SELECT value FROM ingest_counters WHERE name = 'duplicates'), 0), "
                               "(SELECT COUNT(*) FROM quarantine)"))
        || !q.next())
        return tl::make_unexpected("reading the counters: " + q.lastError().text().toStdString());
    c.duplicates = q.value(0).toLongLong();
    c.quarantined = q.value(1).toLongLong();
    return c;
}

tl::expected<void, std::string> SqliteReader::forEachRecord(const RecordVisitor &visit)
{
    auto opened = open();
    if (!opened)
        return opened;
    QSqlQuery q(m_connection->database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT payload, late, order_id, kind FROM order_events "
                               "ORDER BY event_time_ms, order_id, kind")))
        return tl::make_unexpected("reading order_events: " + q.lastError().text().toStdString());
    NdjsonDecoder decoder;
    // Stored records passed validation when they were ingested; "too far in the future" was
    // about that moment's clock and must not reject them when read back later.
    ValidationRules rules = decoder.rules();
    rules.maxFutureMs = 100'000 * 365 * kMsPerDay;
    decoder.setRules(rules);
    OrderEvent event;
    while (q.next()) {
        const QByteArray payload = q.value(0).toString().toUtf8();
        event.clear();
        if (auto why = decoder.decodeRecord(std::string_view(payload.constData(), static_cast<std::size_t>(payload.size())), event))
            return tl::make_unexpected("stored record " + q.value(2).toString().toStdString() + "/"
                                       + q.value(3).toString().toStdString() + " cannot be decoded: " + *why);
        visit(event, q.value(1).toInt() != 0);
    }
    if (q.lastError().isValid())
        return tl::make_unexpected("reading order_events: " + q.lastError().text().toStdString());
    return {};
}

} // namespace op
