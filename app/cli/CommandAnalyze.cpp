// orderpulse-cli analyze: replays files at full speed through the engine and writes the report.
#include "CliSupport.h"
#include "ReportSummary.h"
#include "Commands.h"
#include "InputOptions.h"
#include "QuarantineReport.h"

#include "analytics/Engine.h"
#include "io/CodecFactory.h"
#include "io/DatasetReader.h"

#include <QCommandLineParser>
#include <QTimeZone>

#include <chrono>

namespace cli {

namespace {

// Hands decoded events of one input (one partition) to the engine.
class EngineFeed : public op::EventHandler
{
public:
    EngineFeed(op::Engine &engine, QuarantineReport &quarantine)
        : m_engine(engine)
        , m_quarantine(quarantine)
    {
    }
    void setPartition(int partition) { m_partition = partition; }
    void onEvent(op::OrderEvent &event) override
    {
        m_engine.process(event, m_partition);
        ++m_events;
    }
    void onQuarantine(op::QuarantineRecord &&record) override
    {
        m_quarantine.add(record);
        m_engine.onQuarantine(record);
    }
    std::int64_t events() const { return m_events; }

private:
    op::Engine &m_engine;
    QuarantineReport &m_quarantine;
    int m_partition = 0;
    std::int64_t m_events = 0;
};

void printSummary(const op::Report &r, double seconds, std::int64_t events, bool toStderr)
{
    const QString text =
        reportSummaryText(r)
        + QStringLiteral("windows: %1, alerts: %2; %3 events in %4 s (%5 events/s)\n")
              .arg(r.realtimeStats.size())
              .arg(r.alerts.size())
              .arg(events)
              .arg(seconds, 0, 'f', 2)
              .arg(seconds > 0 ? static_cast<qint64>(static_cast<double>(events) / seconds) : 0);
    std::fputs(text.toUtf8().constData(), toStderr ? stderr : stdout);
}

} // namespace

int runAnalyze(const QStringList &args)
{
    const QString cmd = QStringLiteral("analyze");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("Dataset files (any supported format); each is one partition."),
                            QStringLiteral("IN..."));
    p.addOption({QStringLiteral("tz"), QStringLiteral("Display time zone for daily buckets and the hour-of-week grid (default Asia/Seoul)."),
                 QStringLiteral("ZONE")});
    p.addOption({QStringLiteral("lateness"), QStringLiteral("Allowed lateness in seconds (default 10)."), QStringLiteral("SECONDS")});
    p.addOption({QStringLiteral("json"), QStringLiteral("Write the report as JSON ('-' = stdout)."), QStringLiteral("OUT")});
    addInputOptions(p);
    if (!parseOrUsage(p, args, cmd, QStringLiteral("Replay dataset files at full speed through the engine and write the report.")))
        return kExitOk;
    const QStringList inputs = p.positionalArguments();
    if (inputs.isEmpty())
        throw UsageError{QStringLiteral("missing input file")};
    const InputOptions input = parseInputOptions(p);

    op::EngineSettings settings;
    settings.allowedLatenessMs = intOption(p, QStringLiteral("lateness"), 10, 0, 86400 * 365) * op::kMsPerSecond;
    if (p.isSet(QStringLiteral("tz"))) {
        const QByteArray zone = p.value(QStringLiteral("tz")).toUtf8();
        if (!QTimeZone(zone).isValid())
            throw UsageError{QStringLiteral("--tz: unknown time zone '%1' (use an IANA name such as Asia/Seoul)")
                                 .arg(QString::fromUtf8(zone))};
        settings.displayTimeZone = zone.toStdString();
    }

    op::Engine engine(settings);
    for (int i = 0; i < inputs.size(); ++i)
        engine.registerPartition(i);
    QuarantineReport quarantine;
    EngineFeed feed(engine, quarantine);
    const auto started = std::chrono::steady_clock::now();
    auto lastReport = started;
    for (int i = 0; i < inputs.size(); ++i) {
        const std::string path = inputs.at(i).toStdString();
        auto decoder = op::CodecFactory::makeDecoder(input.formatFor(path), input.codec);
        feed.setPartition(i);
        const auto progress = [&](const op::ReadProgress &pr) {
            const auto now = std::chrono::steady_clock::now();
            if (now - lastReport < std::chrono::seconds(2) || pr.bytesTotal <= 0)
                return;
            lastReport = now;
            const double secs = std::chrono::duration<double>(now - started).count();
            printInfo(QStringLiteral("analyze: %1 (%2/%3): %4 % read, %5 events/s")
                          .arg(inputs.at(i))
                          .arg(i + 1)
                          .arg(inputs.size())
                          .arg(100.0 * static_cast<double>(pr.bytesRead) / static_cast<double>(pr.bytesTotal), 0, 'f', 0)
                          .arg(static_cast<qint64>(static_cast<double>(feed.events()) / secs)));
        };
        const auto read = op::DatasetReader::read(path, *decoder, feed, progress);
        if (!read) {
            printError(cmd, QString::fromStdString(read.error()));
            return kExitFailure;
        }
        engine.finishPartition(i);
    }
    engine.finish();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const op::Report report = engine.report();

    const bool jsonToStdout = p.value(QStringLiteral("json")) == QLatin1String("-");
    if (p.isSet(QStringLiteral("json"))) {
        if (auto written = writeReportJson(p.value(QStringLiteral("json")), report); !written) {
            printError(cmd, written.error());
            return kExitFailure;
        }
    }
    printSummary(report, seconds, feed.events(), jsonToStdout);
    quarantine.print();
    return kExitOk;
}

} // namespace cli
