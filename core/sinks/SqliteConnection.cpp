#include "sinks/SqliteConnection.h"

#include "sinks/SqliteSchema.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>

namespace op {

SqliteConnection::SqliteConnection(QString path)
    : m_path(std::move(path))
    , m_name(QStringLiteral("orderpulse-sqlite-") + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

SqliteConnection::~SqliteConnection()
{
    close();
}

void SqliteConnection::close()
{
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    // Only after the last handle to it is gone, or Qt warns that it is still in use.
    QSqlDatabase::removeDatabase(m_name);
}

tl::expected<void, std::string> SqliteConnection::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        return tl::make_unexpected(q.lastError().text().toStdString() + " in: " + sql.toStdString());
    return {};
}

tl::expected<void, std::string> SqliteConnection::open(bool mustExist)
{
    if (m_db.isOpen())
        return {};
    if (mustExist && !QFileInfo(m_path).isFile())
        return tl::make_unexpected("cannot open '" + m_path.toStdString() + "': no such file");
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder))
        return tl::make_unexpected("cannot create the folder '" + folder.toStdString() + "'");
    if (!m_db.isValid())
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
    m_db.setDatabaseName(m_path);
    // A writer holding the lock (another process, the pipeline) makes readers wait, not fail.
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!m_db.open())
        return tl::make_unexpected("cannot open '" + m_path.toStdString() + "': " + m_db.lastError().text().toStdString());
    // WAL: readers (report, dashboards) never block the writer. synchronous=NORMAL: a commit
    // survives a crash of the program; a power cut may lose the last commits, but never half of
    // one, and since a batch's Kafka offsets are in the same transaction and a worker resumes
    // from ingest_offsets, the lost batches are read again: exactly-once holds without an fsync
    // per commit. 64 MiB of page cache keeps a batch's index pages from spilling.
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=OFF",
                               "PRAGMA cache_size=-65536", "PRAGMA temp_store=MEMORY"}) {
        auto done = exec(QString::fromLatin1(pragma));
        if (!done) {
            close();
            return done;
        }
    }
    auto migrated = SqliteSchema::migrate(m_db);
    if (!migrated) {
        close();
        return tl::make_unexpected("'" + m_path.toStdString() + "': " + migrated.error());
    }
    return {};
}

QString defaultDatabasePath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (folder.isEmpty())
        folder = QDir::homePath() + QStringLiteral("/.local/share/orderpulse");
    QDir().mkpath(folder);
    return folder + QStringLiteral("/orderpulse.sqlite");
}

std::string sqliteTime(TimestampMs t)
{
    // "2026-03-01T03:34:56.789Z" -> "2026-03-01 03:34:56.789"
    std::string s = formatIsoUtcMillis(t);
    if (!s.empty() && s.back() == 'Z')
        s.pop_back();
    const auto tee = s.find('T');
    if (tee != std::string::npos)
        s[tee] = ' ';
    return s;
}

QString sqliteTimeQ(TimestampMs t)
{
    return QString::fromStdString(sqliteTime(t));
}

} // namespace op
