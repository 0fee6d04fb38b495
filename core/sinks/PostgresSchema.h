#pragma once

#include <pqxx/connection>

#include <tl/expected.hpp>

#include <string>

namespace op {

// The PostgreSQL schema of docs/storage.md as numbered migrations. apply() runs on every connect:
// under an advisory lock (several workers connect at once), it applies the migrations the database
// lacks, each in its own transaction with its row in `schema_version`; a database already at
// kVersion is left untouched, a newer one is an error.
class PostgresSchema
{
public:
    static constexpr int kVersion = 3;

    static tl::expected<void, std::string> apply(pqxx::connection &connection);
    // The version stored in the database (0 = none).
    static int storedVersion(pqxx::connection &connection);

    // Recomputes `customer_rfm` over all customers in one statement (DESIGN.md: NTILE(5) scores,
    // segments, grades over the last `gradeHorizonDays` before the latest order, CLV).
    static void refreshCustomerRfm(pqxx::connection &connection, int gradeHorizonDays, int clvLifetimeMonths);
};

} // namespace op
