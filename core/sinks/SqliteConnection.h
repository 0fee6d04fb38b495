#pragma once

#include "model/Timestamp.h"

#include <QSqlDatabase>
#include <QString>

#include <tl/expected.hpp>

#include <string>

namespace op {

// One QSQLITE connection with a name of its own, opened on the thread that uses it (Qt Sql
// connections must not cross threads), with the pragmas and migrations every SQLite user needs.
// Removed from Qt's connection registry when destroyed.
class SqliteConnection
{
public:
    explicit SqliteConnection(QString path);
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    // Opens the file (creating it unless mustExist), sets WAL mode, applies the migrations.
    tl::expected<void, std::string> open(bool mustExist = false);
    bool isOpen() const { return m_db.isOpen(); }
    void close();

    QSqlDatabase &database() { return m_db; }
    const QString &path() const { return m_path; }

    // Runs one statement; on failure returns its error with the statement.
    tl::expected<void, std::string> exec(const QString &sql);

private:
    QString m_path;
    QString m_name;
    QSqlDatabase m_db;
};

// <AppDataLocation>/orderpulse.sqlite, the folder created: where the desktop application stores by default.
QString defaultDatabasePath();

// 'YYYY-MM-DD HH:MM:SS.mmm' in UTC: how the SQLite schema stores timestamps (sorts as text,
// reads with julianday(), compares with datetime('now')).
std::string sqliteTime(TimestampMs t);
QString sqliteTimeQ(TimestampMs t);

} // namespace op
