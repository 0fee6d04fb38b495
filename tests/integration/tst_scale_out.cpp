// Scale-out (docs/operations.md): four `ingest --postgres --metrics-port` workers over a
// 12-partition mock cluster, a fifth added and one removed while messages flow (rebalances), one
// PostgreSQL. `report --postgres` must equal `analyze` of the same file, every section, and the
// workers' metrics endpoints, scraped during the run, must add up to the number of events.
#include "CliRunner.h"
#include "HttpGet.h"
#include "MockKafkaProcess.h"
#include "PostgresServer.h"
#include "ReportDiff.h"
#include "TestPaths.h"

#include "analytics/ReportJson.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <signal.h>

using namespace optest;

namespace {

constexpr int kPartitions = 12;

struct Worker
{
    std::unique_ptr<QProcess> process;
    std::uint16_t metricsPort = 0;
    QString json;
    std::int64_t lastAccepted = -1; // from the newest scrape
    std::int64_t lastRebalances = -1;
    int scrapes = 0;
    bool removed = false;
};

// The value of one sample line ("name{labels} value") in Prometheus text, -1 when absent.
std::int64_t sample(const QByteArray &text, const QByteArray &line)
{
    const qsizetype at = text.indexOf("\n" + line + " ");
    if (at < 0)
        return -1;
    const qsizetype start = at + 1 + line.size() + 1;
    return text.mid(start, text.indexOf('\n', start) - start).toLongLong();
}

void scrape(Worker &w)
{
    if (w.process->state() != QProcess::Running)
        return;
    const HttpAnswer a = httpGet(w.metricsPort, "/metrics", 2000);
    if (a.status != 200)
        return;
    const std::int64_t accepted = sample(a.body, "orderpulse_events_total{result=\"accepted\"}");
    if (accepted < 0)
        return;
    w.lastAccepted = accepted;
    w.lastRebalances = sample(a.body, "orderpulse_kafka_rebalances_total");
    ++w.scrapes;
}

} // namespace

class TestScaleOut : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workersJoiningAndLeavingGiveAnalyzesReportAndTheirMetricsAddUp()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
        const CliResult generated =
            runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                    QStringLiteral("36000"), QStringLiteral("--customers"), QStringLiteral("4000"),
                    QStringLiteral("--seed"), QStringLiteral("23")});
        QVERIFY2(generated.exitCode == 0, generated.err.constData());
        const qsizetype records = readAll(data).count('\n');

        PostgresServer pg;
        QVERIFY2(!pg.url().isEmpty(), qPrintable(pg.error()));
        MockKafkaProcess kafka(kPartitions);
        QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));

        QProcess producer;
        producer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        producer.start(cliPath(), {QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                   QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--rate"),
                                   QStringLiteral("3000"), data});
        QVERIFY(producer.waitForStarted(10000));

        std::vector<Worker> workers;
        const auto startWorker = [&]() {
            Worker w;
            w.metricsPort = static_cast<std::uint16_t>(freeLoopbackPort());
            w.json = dir.filePath(QStringLiteral("worker%1.json").arg(workers.size() + 1));
            w.process = std::make_unique<QProcess>();
            w.process->setProcessChannelMode(QProcess::MergedChannels);
            w.process->start(cliPath(),
                             {QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                              QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                              QStringLiteral("scale-out"), QStringLiteral("--postgres"), pg.url(),
                              QStringLiteral("--metrics-port"), QString::number(w.metricsPort),
                              QStringLiteral("--idle-exit"), QStringLiteral("10"), QStringLiteral("--json"), w.json});
            QVERIFY(w.process->waitForStarted(10000));
            workers.push_back(std::move(w));
        };
        for (int i = 0; i < 4; ++i)
            startWorker();

        QElapsedTimer timer;
        timer.start();
        bool added = false;
        bool removed = false;
        qint64 addedAt = 0;
        const auto totalScraped = [&]() {
            std::int64_t sum = 0;
            for (const Worker &w : workers)
                sum += std::max<std::int64_t>(0, w.lastAccepted);
            return sum;
        };
        // Scrape every worker twice a second until all have stopped by themselves (idle).
        for (;;) {
            bool anyRunning = false;
            for (Worker &w : workers) {
                scrape(w);
                anyRunning = anyRunning || w.process->state() == QProcess::Running;
            }
            const std::int64_t sofar = totalScraped();
            if (!added && sofar >= records / 5) {
                qInfo("adding a fifth worker at %lld events", static_cast<long long>(sofar));
                startWorker();
                added = true;
                addedAt = timer.elapsed();
            } else if (added && !removed && sofar >= records / 2 && timer.elapsed() - addedAt >= 3000) {
                qInfo("removing worker 2 at %lld events", static_cast<long long>(sofar));
                ::kill(static_cast<pid_t>(workers[1].process->processId()), SIGTERM);
                workers[1].removed = true;
                removed = true;
            }
            if (!anyRunning || timer.elapsed() > 240000)
                break;
            QThread::msleep(500);
        }
        QVERIFY2(added && removed, "the run ended before a worker could be added and removed");
        QVERIFY(producer.waitForFinished(60000));
        QCOMPARE(producer.exitCode(), 0);

        std::int64_t fromMetrics = 0;
        std::int64_t rebalances = 0;
        for (std::size_t i = 0; i < workers.size(); ++i) {
            Worker &w = workers[i];
            QVERIFY2(w.process->waitForFinished(60000), "a worker did not stop");
            const QByteArray log = w.process->readAll();
            if (w.process->exitStatus() != QProcess::NormalExit || w.process->exitCode() != 0)
                qWarning("worker %zu failed:\n%s", i + 1, log.right(3000).constData());
            QCOMPARE(w.process->exitCode(), 0);
            QVERIFY2(w.scrapes > 0, "a worker's metrics endpoint never answered");
            if (w.removed) {
                // Stopped by a signal mid-stream: its endpoint went away with it, up to a second
                // after the last scrape; its final figure is in its report.
                const auto own = op::reportFromJson(readAll(w.json).toStdString());
                QVERIFY(own.has_value());
                QVERIFY(w.lastAccepted <= own->events.accepted);
                fromMetrics += own->events.accepted;
            } else {
                fromMetrics += w.lastAccepted; // idle for 10 s before exiting: the last scrape is final
            }
            rebalances += std::max<std::int64_t>(0, w.lastRebalances);
        }
        qInfo("metrics: %lld events over %zu workers, %lld rebalances; %lld records produced",
              static_cast<long long>(fromMetrics), workers.size(), static_cast<long long>(rebalances),
              static_cast<long long>(records));
        QCOMPARE(fromMetrics, std::int64_t(records)); // every event once, none twice
        QVERIFY(rebalances >= static_cast<std::int64_t>(workers.size()));

        const QString fromDb = dir.filePath(QStringLiteral("report.json"));
        const CliResult report = runCli({QStringLiteral("report"), QStringLiteral("--postgres"), pg.url(),
                                         QStringLiteral("--json"), fromDb});
        QVERIFY2(report.exitCode == 0, report.err.constData());
        const QString fromFile = dir.filePath(QStringLiteral("analyze.json"));
        const CliResult analyzed = runCli({QStringLiteral("analyze"), data, QStringLiteral("--json"), fromFile});
        QVERIFY2(analyzed.exitCode == 0, analyzed.err.constData());
        const QString diff = firstDifference(readAll(fromDb).toStdString(), readAll(fromFile).toStdString());
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestScaleOut)
#include "tst_scale_out.moc"
