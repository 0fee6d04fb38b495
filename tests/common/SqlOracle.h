#pragma once

#include "analytics/EngineSettings.h"
#include "analytics/Report.h"
#include "model/OrderEvent.h"

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace optest {

// An independent model of the engine for differential tests: the records go into an in-memory
// SQLite database (Qt Sql, QSQLITE) and every report section is computed with SQL (GROUP BY,
// ROW_NUMBER, NTILE, MAX() OVER for the watermark) straight from ENGINE_SEMANTICS.md, sharing
// no code with core/analytics (only the contract helpers roundDiv and ratio4).
//
// Scope: one partition, records in arrival order; de-duplication and lifecycle merging without
// retention, so streams must not depend on the 24 h state retention (keep duplicates and
// outcomes within hours of their orders).
class SqlOracle
{
public:
    explicit SqlOracle(const op::EngineSettings &settings = {});
    ~SqlOracle();
    SqlOracle(const SqlOracle &) = delete;
    SqlOracle &operator=(const SqlOracle &) = delete;

    // Loads the records (arrival order) and derives the merged orders. False on a SQL error.
    bool load(const std::vector<op::OrderEvent> &records);
    // Every section of the report. delivery.p50/p90/p99 are exact nearest-rank values.
    op::Report report(std::int64_t quarantined = 0);

    QString lastError() const { return m_error; }

private:
    bool exec(const QString &sql);

    op::EngineSettings m_settings;
    QString m_connection;
    QSqlDatabase m_db;
    QString m_error;
};

} // namespace optest
