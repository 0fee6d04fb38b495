#include "Commands.h"

#include <vector>

namespace cli {

namespace {

// One row per command, in the order --help lists them.
const std::vector<Command> kCommands = {
    {"generate", "Write a deterministic, realistic order dataset (ndjson, csv, xml or log).", &runGenerate},
    {"convert", "Convert a dataset from any supported format to another.", &runConvert},
    {"analyze", "Replay dataset files at full speed through the engine and write the report.", &runAnalyze},
    {"mock-kafka", "Start librdkafka's mock Kafka cluster and print its bootstrap servers.", &runMockKafka},
    {"produce", "Publish a dataset to a Kafka topic as OrderEvent JSON, keyed by customer_id.", &runProduce},
    {"ingest", "Consume a Kafka topic in a consumer group, analyse it and write the report.", &runIngest},
    {"report", "Rebuild the report from what ingest workers stored (PostgreSQL or SQLite).", &runReport},
};

} // namespace

const Command *commands(int &count)
{
    count = static_cast<int>(kCommands.size());
    return kCommands.data();
}

} // namespace cli
