#include "IngestConfig.h"

#include "CliSupport.h"

namespace cli {

namespace {

op::ConfigKey key(const char *section, const char *name, const char *option, bool flag = false)
{
    return {QString::fromLatin1(section), QString::fromLatin1(name), QString::fromLatin1(option), flag};
}

} // namespace

const std::vector<op::ConfigKey> &ingestConfigKeys()
{
    static const std::vector<op::ConfigKey> keys = {
        key("kafka", "brokers", "brokers"),
        key("kafka", "topic", "topic"),
        key("kafka", "group", "group"),
        key("kafka", "from", "from"),
        key("kafka", "security_protocol", "security-protocol"),
        key("kafka", "sasl_mechanism", "sasl-mechanism"),
        key("kafka", "sasl_username", "sasl-username"),
        key("kafka", "ssl_ca", "ssl-ca"),
        key("postgres", "url", "postgres"),
        key("sqlite", "file", "sqlite"),
        key("redis", "url", "redis"),
        key("redis", "prefix", "redis-prefix"),
        key("engine", "tz", "tz"),
        key("engine", "lateness", "lateness"),
        key("limits", "max_events", "max-events"),
        key("limits", "idle_exit", "idle-exit"),
        key("output", "json", "json"),
        key("metrics", "bind", "metrics-bind"),
        key("metrics", "port", "metrics-port"),
    };
    return keys;
}

QStringList expandIngestConfig(const QStringList &args)
{
    QString path;
    QStringList rest;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--config")) {
            if (i + 1 >= args.size())
                throw UsageError{QStringLiteral("--config needs a file")};
            path = args[++i];
        } else if (a.startsWith(QLatin1String("--config="))) {
            path = a.mid(9);
        } else {
            rest << a;
        }
    }
    if (path.isEmpty())
        return args;
    auto fromFile = op::configFileArguments(path, ingestConfigKeys());
    if (!fromFile)
        throw UsageError{fromFile.error()};
    return *fromFile + rest;
}

QString effectiveIngestConfig(const QCommandLineParser &parser)
{
    const QStringList known = parser.optionNames();
    return op::printConfig(ingestConfigKeys(), [&parser, &known](const QString &option) {
        if (!known.contains(option) || !parser.isSet(option))
            return QString();
        return parser.value(option);
    });
}

} // namespace cli
