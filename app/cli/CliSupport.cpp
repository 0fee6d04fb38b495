#include "CliSupport.h"

#include <QTextStream>

#include <cstdio>

namespace cli {

bool parseOrUsage(QCommandLineParser &parser, const QStringList &args, const QString &command,
                  const QString &synopsis)
{
    parser.setApplicationDescription(synopsis);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList full = args;
    full.prepend(QStringLiteral("orderpulse-cli ") + command);
    if (!parser.parse(full))
        throw UsageError{parser.errorText()};
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        text.replace(QStringLiteral("Usage: orderpulse-cli ") + command,
                     QStringLiteral("Usage: orderpulse-cli ") + command);
        std::fputs(text.toLocal8Bit().constData(), stdout);
        return false;
    }
    return true;
}

std::int64_t intOption(const QCommandLineParser &parser, const QString &name, std::int64_t fallback,
                       std::int64_t min, std::int64_t max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qlonglong v = parser.value(name).toLongLong(&ok);
    if (!ok || v < min || v > max)
        throw UsageError{QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
                             .arg(name)
                             .arg(min)
                             .arg(max)
                             .arg(parser.value(name))};
    return v;
}

double doubleOption(const QCommandLineParser &parser, const QString &name, double fallback, double min,
                    double max)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double v = parser.value(name).toDouble(&ok);
    if (!ok || v < min || v > max)
        throw UsageError{QStringLiteral("--%1 must be a number from %2 to %3, not '%4'")
                             .arg(name)
                             .arg(min)
                             .arg(max)
                             .arg(parser.value(name))};
    return v;
}

void printError(const QString &command, const QString &message)
{
    const QString prefix = command.isEmpty() ? QStringLiteral("orderpulse-cli")
                                             : QStringLiteral("orderpulse-cli ") + command;
    std::fprintf(stderr, "%s: %s\n", prefix.toLocal8Bit().constData(), message.toLocal8Bit().constData());
}

void printInfo(const QString &message)
{
    std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
    std::fflush(stderr);
}

} // namespace cli
