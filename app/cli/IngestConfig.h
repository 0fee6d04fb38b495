#pragma once

#include "runtime/ConfigFile.h"

#include <QCommandLineParser>
#include <QStringList>

#include <vector>

namespace cli {

// Every `ingest` option as a configuration-file key ([kafka] brokers, [postgres] url, ...).
const std::vector<op::ConfigKey> &ingestConfigKeys();

// With `--config FILE` among the arguments: the file's settings first, then the arguments as
// typed (which win). Without it: the arguments unchanged. Throws UsageError on a bad file.
QStringList expandIngestConfig(const QStringList &args);

// `--print-config`: the effective configuration as INI text, passwords redacted.
QString effectiveIngestConfig(const QCommandLineParser &parser);

} // namespace cli
