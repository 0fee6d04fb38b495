// Exactly-once effect with PostgreSQL (docs/storage.md): three `ingest --postgres` workers in one
// group over a 6-partition mock cluster, one killed with SIGKILL mid-stream and restarted, and
// PostgreSQL restarted mid-stream; `report --postgres` must equal `analyze` on the same file, every
// section, and `orders` must hold each order exactly once.
#include "CliRunner.h"
#include "MockKafkaProcess.h"
#include "PostgresServer.h"
#include "ReportDiff.h"
#include "TestPaths.h"

#include "analytics/ReportJson.h"
#include "sinks/PostgresUrl.h"

#include <pqxx/connection>
#include <pqxx/result>
#include <pqxx/transaction>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <signal.h>

using namespace optest;

namespace {

constexpr const char *kSecret = "pg-secret-7f3a";
// The default lateness (10 s): a partition taken over from a killed worker comes back behind the
// others, so that worker's engine calls its records late, but the late flag stored with a record is
// judged within its partition (BatchCollector), so the rebuilt report is analyze's all the same.
const QString kLateness = QStringLiteral("10");

std::int64_t scalar(const QString &url, const std::string &sql)
{
    try {
        pqxx::connection db(op::PostgresUrl::parse(url.toStdString())->connectionString());
        pqxx::read_transaction tx(db);
        return tx.exec(sql)[0][0].as<std::int64_t>(0);
    } catch (const std::exception &) {
        return -1; // the server is restarting, or the tables do not exist yet
    }
}

} // namespace

class TestPgWorkers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void workersKilledAndDatabaseRestartedStillGiveAnalyzesReport_data();
    void workersKilledAndDatabaseRestartedStillGiveAnalyzesReport();
};

void TestPgWorkers::workersKilledAndDatabaseRestartedStillGiveAnalyzesReport_data()
{
    QTest::addColumn<QStringList>("generateOptions");
    // The mock cluster keeps 5 MiB per partition and silently drops older data (STACK.md): 40,000
    // orders are ~3.3 MB per partition, 60,000 would come close enough to lose the first messages.
    QTest::newRow("orders") << QStringList{QStringLiteral("--orders"), QStringLiteral("40000")};
    QTest::newRow("lifecycle+bad") << QStringList{QStringLiteral("--orders"), QStringLiteral("25000"),
                                                  QStringLiteral("--lifecycle"), QStringLiteral("--bad-rate"),
                                                  QStringLiteral("0.01")};
}

void TestPgWorkers::workersKilledAndDatabaseRestartedStillGiveAnalyzesReport()
{
    QFETCH(QStringList, generateOptions);
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    const CliResult generated = runCli(QStringList{QStringLiteral("generate"), QStringLiteral("-o"), data,
                                                   QStringLiteral("--seed"), QStringLiteral("17")} +
                                       generateOptions);
    QVERIFY2(generated.exitCode == 0, generated.err.constData());
    // `produce` publishes only records that decode: the topic holds `clean`, plus the undecodable
    // messages sent with kcat below.
    const QString clean = dir.filePath(QStringLiteral("clean.ndjson"));
    const CliResult converted = runCli({QStringLiteral("convert"), data, QStringLiteral("-o"), clean,
                                        QStringLiteral("--format"), QStringLiteral("ndjson")});
    QVERIFY2(converted.exitCode == 0, converted.err.constData());
    const qsizetype records = readAll(clean).count('\n');

    PostgresServer pg;
    QVERIFY2(!pg.url().isEmpty(), qPrintable(pg.error()));
    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));

    constexpr int kGarbage = 40;
    QByteArray garbage;
    for (int i = 0; i < kGarbage; ++i)
        garbage += "{\"type\":\"order\",\"order_id\":\"G-" + QByteArray::number(i) + "\",\"amount\":\n";
    const KcatResult injected = runKcat({QStringLiteral("-P"), QStringLiteral("-b"), kafka.bootstrap(),
                                         QStringLiteral("-t"), QStringLiteral("orders")},
                                        garbage);
    QCOMPARE(injected.exitCode, 0);

    // Paced, so that the kill and the database restart happen while messages still arrive.
    QProcess producer;
    producer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    producer.start(cliPath(), {QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                               QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--rate"),
                               QStringLiteral("8000"), clean});
    QVERIFY(producer.waitForStarted(10000));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ORDERPULSE_PG_PASSWORD"), QString::fromLatin1(kSecret));
    const QStringList workerArgs{QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                 QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                                 QStringLiteral("pg-workers"), QStringLiteral("--postgres"), pg.url(),
                                 QStringLiteral("--idle-exit"), QStringLiteral("10"), QStringLiteral("--lateness"),
                                 kLateness};
    std::vector<std::unique_ptr<QProcess>> workers;
    const auto startWorker = [&] {
        auto w = std::make_unique<QProcess>();
        w->setProcessEnvironment(env);
        w->start(cliPath(), workerArgs);
        QVERIFY(w->waitForStarted(10000));
        workers.push_back(std::move(w));
    };
    for (int i = 0; i < 3; ++i)
        startWorker();

    const QString stored = QStringLiteral("SELECT COUNT(*) FROM order_events");
    QElapsedTimer timer;
    timer.start();
    const auto waitForStored = [&](std::int64_t atLeast) {
        while (scalar(pg.url(), stored.toStdString()) < atLeast && timer.elapsed() < 90000)
            QThread::msleep(100);
        return scalar(pg.url(), stored.toStdString());
    };
    const std::int64_t atKill = waitForStored(records / 5);
    ::kill(static_cast<pid_t>(workers[0]->processId()), SIGKILL);
    QVERIFY(workers[0]->waitForFinished(10000));
    qInfo("worker 1 killed with %lld records stored", static_cast<long long>(atKill));
    startWorker();

    const std::int64_t atRestart = waitForStored(records / 2);
    QVERIFY2(pg.stop(), qPrintable(pg.error()));
    QThread::msleep(2500);
    QVERIFY2(pg.start(), qPrintable(pg.error()));
    qInfo("PostgreSQL restarted with %lld records stored", static_cast<long long>(atRestart));
    QVERIFY2(atRestart < records * 9 / 10, "the restart came too late to be mid-stream");

    QVERIFY(producer.waitForFinished(120000));
    QCOMPARE(producer.exitCode(), 0);
    QByteArray logs;
    for (std::size_t i = 1; i < workers.size(); ++i) {
        QVERIFY2(workers[i]->waitForFinished(120000), "a worker did not stop");
        const QByteArray err = workers[i]->readAllStandardError() + workers[i]->readAllStandardOutput();
        // A worker that lost its partitions without a clean hand-over (its session timed out on a
        // loaded machine) while the new owner stored them is fenced by the offset guard: it stops
        // with exit 1 and says so, as a fenced Kafka producer does, and the others take over. The
        // report below proves that nothing was lost or stored twice.
        const bool fenced = workers[i]->exitCode() == 1 && err.contains("offset conflict");
        if (fenced)
            qInfo("worker %zu was fenced by the offset guard and stopped", i + 1);
        else if (workers[i]->exitStatus() != QProcess::NormalExit || workers[i]->exitCode() != 0)
            qWarning("worker %zu failed:\n%s", i + 1, err.right(4000).constData());
        QVERIFY(workers[i]->exitStatus() == QProcess::NormalExit && (workers[i]->exitCode() == 0 || fenced));
        logs += err;
    }
    logs += workers[0]->readAllStandardError() + workers[0]->readAllStandardOutput();
    QVERIFY2(logs.contains("retrying"), "no worker noticed the database restart");
    QVERIFY2(!logs.contains(kSecret), "the password appeared in a worker's output");
    qInfo("all workers done after %.1f s", static_cast<double>(timer.elapsed()) / 1000.0);
    // Everything produced is still in the topic (nothing dropped by the mock cluster's retention).
    const KcatResult counted = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                        QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                        QStringLiteral("-f"), QStringLiteral("%o\\n")});
    QCOMPARE(counted.out.count('\n'), records + kGarbage);

    const QString fromDb = dir.filePath(QStringLiteral("report.json"));
    const CliResult report = runCli({QStringLiteral("report"), QStringLiteral("--postgres"), pg.url(),
                                     QStringLiteral("--lateness"), kLateness, QStringLiteral("--json"), fromDb});
    QVERIFY2(report.exitCode == 0, report.err.constData());
    const QString fromFile = dir.filePath(QStringLiteral("analyze.json"));
    const CliResult analyzed = runCli(
        {QStringLiteral("analyze"), clean, QStringLiteral("--lateness"), kLateness, QStringLiteral("--json"), fromFile});
    QVERIFY2(analyzed.exitCode == 0, analyzed.err.constData());
    auto rebuilt = op::reportFromJson(readAll(fromDb).toStdString());
    QVERIFY2(rebuilt.has_value(), rebuilt ? "" : rebuilt.error().c_str());
    const auto expected = op::reportFromJson(readAll(fromFile).toStdString());
    QVERIFY(expected.has_value());
    QCOMPARE(rebuilt->events.quarantined, std::int64_t(kGarbage)); // analyze read none: `clean` has none
    QCOMPARE(expected->events.quarantined, std::int64_t(0));
    rebuilt->events.quarantined = 0;
    const QString diff = firstDifference(op::reportToJson(*rebuilt), op::reportToJson(*expected));
    QVERIFY2(diff.isEmpty(), qPrintable(diff));

    const qint64 orders =
        QJsonDocument::fromJson(readAll(fromFile)).object().value(QStringLiteral("totals")).toObject().value(QStringLiteral("orders")).toInteger(-1);
    QVERIFY(orders > 0);
    QCOMPARE(scalar(pg.url(), "SELECT COUNT(*) FROM orders WHERE order_time IS NOT NULL"), orders);
    QCOMPARE(scalar(pg.url(), "SELECT COUNT(*) FROM order_events WHERE kind = 'placement'"), orders);
    QCOMPARE(scalar(pg.url(), "SELECT COUNT(*) - COUNT(DISTINCT order_id) FROM orders"), std::int64_t(0));
    QCOMPARE(scalar(pg.url(), "SELECT COUNT(*) FROM customer_rfm"),
             scalar(pg.url(), "SELECT COUNT(DISTINCT customer_id) FROM orders WHERE order_time IS NOT NULL"));
}

QTEST_GUILESS_MAIN(TestPgWorkers)
#include "tst_pg_workers.moc"
