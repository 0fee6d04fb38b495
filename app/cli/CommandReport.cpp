// orderpulse-cli report: rebuilds the report from what the sinks stored (docs/storage.md), however
// many workers stored it; with the same --tz and --lateness it equals analyze's on the same data.
#include "CliSupport.h"
#include "SecretEnvironment.h"
#include "Commands.h"
#include "ReportSummary.h"

#include "analytics/EngineSettings.h"
#include "model/Timestamp.h"
#include "sinks/PostgresReader.h"
#include "sinks/SqliteReader.h"

#include <QFileInfo>
#include "sinks/PostgresUrl.h"
#include "sinks/ReportRebuilder.h"

#include <QTimeZone>

#include <chrono>
#include <cstdio>
#include <memory>

namespace cli {

int runReport(const QStringList &args)
{
    const QString cmd = QStringLiteral("report");
    QCommandLineParser p;
    p.addOption({QStringLiteral("postgres"),
                 QStringLiteral("Read from PostgreSQL (postgresql://user@host:port/db; password from "
                                "ORDERPULSE_PG_PASSWORD)."),
                 QStringLiteral("URL")});
    p.addOption({QStringLiteral("sqlite"), QStringLiteral("Read from an SQLite file written by ingest or the app."),
                 QStringLiteral("FILE")});
    p.addOption({QStringLiteral("tz"), QStringLiteral("Display time zone (default Asia/Seoul)."), QStringLiteral("ZONE")});
    p.addOption({QStringLiteral("lateness"), QStringLiteral("Allowed lateness in seconds (default 10)."),
                 QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Write the report as JSON ('-' = stdout)."), QStringLiteral("OUT")});
    if (!parseOrUsage(p, args, cmd,
                      QStringLiteral("Rebuild the report from what ingest workers stored (the same report analyze "
                                     "gives on the same data).")))
        return kExitOk;
    if (!p.positionalArguments().isEmpty())
        throw UsageError{QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().front())};

    if (const QString error = resolveSecretReferences(); !error.isEmpty()) {
        printError(cmd, error);
        return kExitFailure;
    }
    op::EngineSettings settings;
    settings.allowedLatenessMs = intOption(p, QStringLiteral("lateness"), 10, 0, 86400 * 365) * op::kMsPerSecond;
    if (p.isSet(QStringLiteral("tz"))) {
        const QByteArray zone = p.value(QStringLiteral("tz")).toUtf8();
        if (!QTimeZone(zone).isValid())
            throw UsageError{QStringLiteral("--tz: unknown time zone '%1' (use an IANA name such as Asia/Seoul)")
                                 .arg(QString::fromUtf8(zone))};
        settings.displayTimeZone = zone.toStdString();
    }

    std::unique_ptr<op::StoredDataReader> reader;
    if (p.isSet(QStringLiteral("postgres"))) {
        auto url = op::PostgresUrl::parse(p.value(QStringLiteral("postgres")).toStdString());
        if (!url)
            throw UsageError{QStringLiteral("--postgres: %1").arg(QString::fromStdString(url.error()))};
        reader = std::make_unique<op::PostgresReader>(std::move(*url));
    }
    if (p.isSet(QStringLiteral("sqlite"))) {
        if (reader)
            throw UsageError{QStringLiteral("give either --postgres or --sqlite, not both")};
        const QString path = p.value(QStringLiteral("sqlite"));
        if (!QFileInfo(path).isFile()) {
            printError(cmd, QStringLiteral("%1: no such file").arg(path));
            return kExitFailure;
        }
        reader = std::make_unique<op::SqliteReader>(path);
    }
    if (!reader)
        throw UsageError{QStringLiteral("say where the data is: --postgres URL or --sqlite FILE")};

    const auto started = std::chrono::steady_clock::now();
    auto report = op::rebuildReport(*reader, settings);
    if (!report) {
        printError(cmd, QString::fromStdString(report.error()));
        return kExitFailure;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    const bool jsonToStdout = p.value(QStringLiteral("json")) == QLatin1String("-");
    if (p.isSet(QStringLiteral("json"))) {
        if (auto written = writeReportJson(p.value(QStringLiteral("json")), *report); !written) {
            printError(cmd, written.error());
            return kExitFailure;
        }
    }
    const QString text = reportSummaryText(*report) +
                         QStringLiteral("rebuilt from %1 stored records in %2 s\n")
                             .arg(report->events.accepted)
                             .arg(seconds, 0, 'f', 2);
    std::fputs(text.toUtf8().constData(), jsonToStdout ? stderr : stdout);
    return kExitOk;
}

} // namespace cli
