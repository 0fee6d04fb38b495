#pragma once

#include "analytics/EngineSettings.h"
#include "sinks/Sink.h"

#include <QCommandLineParser>

#include <memory>
#include <vector>

namespace op {
class PostgresSink;
class RedisSink;
}

namespace cli {

// `ingest`'s storage options (--postgres URL, --sqlite FILE, --redis URL [--redis-prefix P]), turned
// into the sinks of the SinkPipeline.
void addSinkOptions(QCommandLineParser &parser);

struct SinkChoice
{
    std::vector<std::unique_ptr<op::Sink>> sinks;
    op::PostgresSink *postgres = nullptr; // owned by `sinks` (then by the pipeline)
    op::RedisSink *redis = nullptr;       // likewise; also takes snapshots
    QString sqlitePath;                   // --sqlite FILE, empty without
};

// Throws UsageError for a bad URL.
SinkChoice parseSinkOptions(const QCommandLineParser &parser, const op::EngineSettings &settings);

// "PostgreSQL connected, 12 batches" / "PostgreSQL reconnecting (…)" for the progress line.
QString sinkHealthText(const std::vector<op::SinkHealth> &health);

} // namespace cli
