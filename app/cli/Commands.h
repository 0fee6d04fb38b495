#pragma once

#include <QString>
#include <QStringList>

// Each command lives in its own Command<Name>.cpp. A command receives its own arguments and
// returns the process exit code; it may throw cli::UsageError for bad arguments.
namespace cli {

struct Command
{
    const char *name;
    const char *summary;
    int (*run)(const QStringList &args);
};


int runGenerate(const QStringList &args);
int runConvert(const QStringList &args);
int runAnalyze(const QStringList &args);
int runMockKafka(const QStringList &args);
int runProduce(const QStringList &args);
int runIngest(const QStringList &args);
int runReport(const QStringList &args);

// The table main() dispatches on, in the order --help lists them.
const Command *commands(int &count);

} // namespace cli
