#pragma once

#include <QSqlDatabase>

#include <tl/expected.hpp>

#include <string>

namespace op {

// The SQLite schema of docs/storage.md as numbered migrations recorded in `schema_version`.
namespace SqliteSchema {

// The newest version this program knows.
int currentVersion();
// The version stored in the database, 0 when it has none.
tl::expected<int, std::string> storedVersion(QSqlDatabase &db);
// Applies the missing migrations, each in its own transaction; a no-op when up to date. A
// database newer than currentVersion() is an error that names both versions.
tl::expected<void, std::string> migrate(QSqlDatabase &db);

} // namespace SqliteSchema

} // namespace op
