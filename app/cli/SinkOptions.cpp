#include "SinkOptions.h"

#include "CliSupport.h"

#include "sinks/PostgresSink.h"
#include "sinks/PostgresUrl.h"

namespace cli {

void addSinkOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("postgres"),
                      QStringLiteral("Store into PostgreSQL (postgresql://user@host:port/db; the password from "
                                     "ORDERPULSE_PG_PASSWORD, never on the command line). Offsets are committed "
                                     "after the data is stored; a restarted worker resumes from there."),
                      QStringLiteral("URL")});
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
