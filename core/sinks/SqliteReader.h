#pragma once

#include "sinks/StoredDataReader.h"

#include <QString>

#include <memory>

namespace op {

class SqliteConnection;

// Reads back what SqliteSink stored, for `report --sqlite FILE` and the tests: the records of
// order_events sorted by (event_time_ms, order_id, kind), decoded from their NDJSON payload and
// streamed (a forward-only query, never all in memory), and the counters. The connection is
// opened on first use, on the calling thread; the file must exist.
class SqliteReader : public StoredDataReader
{
public:
    explicit SqliteReader(QString path);
    ~SqliteReader() override;
    SqliteReader(const SqliteReader &) = delete;
    SqliteReader &operator=(const SqliteReader &) = delete;

    // Optional: counters() and forEachRecord() open on first use.
    tl::expected<void, std::string> open();
    tl::expected<StoredCounters, std::string> counters() override;
    tl::expected<void, std::string> forEachRecord(const RecordVisitor &visit) override;

private:
    QString m_path;
    std::unique_ptr<SqliteConnection> m_connection;
};

} // namespace op
