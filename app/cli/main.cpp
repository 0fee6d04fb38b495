// orderpulse-cli: the headless front end. Parses the command name and hands over.
#include "CliSupport.h"
#include "Commands.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>
#include <exception>

namespace {

void printHelp()
{
    std::printf("Usage: orderpulse-cli <command> [options]\n\n"
                "OrderPulse %s: real-time order analytics, headless.\n\nCommands:\n",
                ORDERPULSE_VERSION);
    int count = 0;
    const cli::Command *table = cli::commands(count);
    for (int i = 0; i < count; ++i)
        std::printf("  %-12s %s\n", table[i].name, table[i].summary);
    std::printf("\nRun 'orderpulse-cli <command> --help' for a command's options.\n"
                "Exit codes: 0 ok, 1 runtime failure, 2 usage error.\n");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("orderpulse"));
    QCoreApplication::setOrganizationName(QStringLiteral("OrderPulse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ORDERPULSE_VERSION));

    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 2) {
        cli::printError(QString(), QStringLiteral("missing command; run 'orderpulse-cli --help'"));
        return cli::kExitUsage;
    }
    const QString first = args.at(1);
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printHelp();
        return cli::kExitOk;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        std::printf("orderpulse-cli %s\n", ORDERPULSE_VERSION);
        return cli::kExitOk;
    }
    int count = 0;
    const cli::Command *table = cli::commands(count);
    for (int i = 0; i < count; ++i) {
        if (first != QLatin1String(table[i].name))
            continue;
        try {
            return table[i].run(args.mid(2));
        } catch (const cli::UsageError &e) {
            cli::printError(first, e.message);
            return cli::kExitUsage;
        } catch (const std::exception &e) {
            cli::printError(first, QString::fromLocal8Bit(e.what()));
            return cli::kExitFailure;
        }
    }
    cli::printError(QString(), QStringLiteral("unknown command '%1'; run 'orderpulse-cli --help'").arg(first));
    return cli::kExitUsage;
}
