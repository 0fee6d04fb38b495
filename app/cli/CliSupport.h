#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>

// Shared conventions of every orderpulse-cli command:
// exit 0 ok, 1 runtime failure, 2 usage error, each failure with one clear line on stderr.
namespace cli {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;

// Thrown by the helpers below; main() turns it into "orderpulse-cli <cmd>: <message>" + exit 2.
struct UsageError
{
    QString message;
};

// Parses `args` (the command's own arguments, without the program and command name).
// --help prints the command's help and returns false (the caller exits 0).
bool parseOrUsage(QCommandLineParser &parser, const QStringList &args, const QString &command,
                  const QString &synopsis);

std::int64_t intOption(const QCommandLineParser &parser, const QString &name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max);
double doubleOption(const QCommandLineParser &parser, const QString &name, double fallback, double min,
                    double max);

// One line on stderr, prefixed with the program and command.
void printError(const QString &command, const QString &message);
// Progress and counts on stderr (never on stdout, which may be the data).
void printInfo(const QString &message);

} // namespace cli
