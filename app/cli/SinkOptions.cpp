#include "SinkOptions.h"

#include "CliSupport.h"

#include "sinks/PostgresSink.h"
#include "sinks/PostgresUrl.h"
#include "sinks/RedisSink.h"
#include "sinks/RedisSinkSettings.h"
#include "sinks/SqliteSink.h"

#include <QFileInfo>

namespace cli {

void addSinkOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("postgres"),
                      QStringLiteral("Store into PostgreSQL (postgresql://user@host:port/db; the password from "
                                     "ORDERPULSE_PG_PASSWORD, never on the command line). Offsets are committed "
                                     "after the data is stored; a restarted worker resumes from there."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("sqlite"),
                      QStringLiteral("Store into an SQLite file (created if missing), like --postgres for one worker."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("redis"),
                      QStringLiteral("Publish live state to Redis (redis://[user@]host:port/db; the password from "
                                     "ORDERPULSE_REDIS_PASSWORD). Redis being down never stops ingest."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("redis-prefix"), QStringLiteral("Key prefix in Redis (default orderpulse:)."),
                      QStringLiteral("PREFIX")});
}

SinkChoice parseSinkOptions(const QCommandLineParser &parser, const op::EngineSettings &settings)
{
    SinkChoice choice;
    if (parser.isSet(QStringLiteral("postgres"))) {
        auto url = op::PostgresUrl::parse(parser.value(QStringLiteral("postgres")).toStdString());
        if (!url)
            throw UsageError{QStringLiteral("--postgres: %1").arg(QString::fromStdString(url.error()))};
        auto sink = std::make_unique<op::PostgresSink>(std::move(*url), settings);
        choice.postgres = sink.get();
        choice.sinks.push_back(std::move(sink));
    }
    if (parser.isSet(QStringLiteral("sqlite"))) {
        const QString path = parser.value(QStringLiteral("sqlite"));
        if (path.isEmpty())
            throw UsageError{QStringLiteral("--sqlite needs a file name")};
        const QFileInfo dir(QFileInfo(path).absolutePath());
        if (!dir.isDir())
            throw UsageError{QStringLiteral("--sqlite: the folder %1 does not exist").arg(dir.filePath())};
        choice.sqlitePath = path;
        choice.sinks.push_back(std::make_unique<op::SqliteSink>(path, settings));
    }
    if (parser.isSet(QStringLiteral("redis"))) {
        const QString prefix = parser.isSet(QStringLiteral("redis-prefix")) ? parser.value(QStringLiteral("redis-prefix"))
                                                                            : QString::fromLatin1(op::RedisSinkSettings::kDefaultPrefix);
        auto redisSettings =
            op::RedisSinkSettings::fromUrl(parser.value(QStringLiteral("redis")).toStdString(), prefix.toStdString());
        if (!redisSettings)
            throw UsageError{QStringLiteral("--redis: %1").arg(QString::fromStdString(redisSettings.error()))};
        auto sink = std::make_unique<op::RedisSink>(std::move(*redisSettings));
        choice.redis = sink.get();
        choice.sinks.push_back(std::move(sink));
    }
    return choice;
}

QString sinkHealthText(const std::vector<op::SinkHealth> &health)
{
    QString out;
    for (const op::SinkHealth &h : health) {
        out += QStringLiteral(", %1 %2, %3 batches")
                   .arg(QString::fromStdString(h.name), QString::fromStdString(h.state))
                   .arg(h.batchesWritten);
        if (h.dropped > 0)
            out += QStringLiteral(", %1 dropped").arg(h.dropped);
        if (h.state != "connected" && !h.lastError.empty())
            out += QStringLiteral(" (%1)").arg(QString::fromStdString(h.lastError));
    }
    return out;
}

} // namespace cli
