// Broker failures while ingest consumes a topic that is still being produced: one broker taken
// down (rd_kafka_mock_broker_set_down through mock-kafka's stdin) and brought back, then the whole
// cluster unreachable for a while and back. Nothing may be lost or read twice: the report must
// equal analyze of the same file, and ingest's health must say "reconnecting" while it is cut off.
#include "CliRunner.h"
#include "MockKafkaProcess.h"
#include "ReportDiff.h"
#include "TestPaths.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace optest;

class TestKafkaFailover : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneBrokerDownAndBack();
    void wholeClusterDownAndBack();

private:
    // Produces `orders` generated orders paced while an ingest worker consumes; `outage` takes
    // brokers down with `down` for `downMs` once the worker consumes, then brings them back with `up`.
    void runOutage(const QString &down, const QString &up, int downMs, int seed);
};

namespace {

// Reads a process's stderr into `log` for up to `ms`.
void collect(QProcess &process, QByteArray &log, int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        process.waitForReadyRead(std::max<qint64>(1, std::min<qint64>(200, ms - t.elapsed())));
        log += process.readAllStandardError();
    }
}

} // namespace

void TestKafkaFailover::runOutage(const QString &down, const QString &up, int downMs, int seed)
{
    constexpr int kOrders = 40000;
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QString::number(kOrders), QStringLiteral("--seed"), QString::number(seed)})
                 .exitCode,
             0);
    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));

    const QString json = dir.filePath(QStringLiteral("ingest.json"));
    QProcess worker;
    // --idle-exit longer than the outage: the worker must ride it out, not give up.
    worker.start(cliPath(), {QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                             QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                             QStringLiteral("failover"), QStringLiteral("--idle-exit"), QStringLiteral("12"),
                             QStringLiteral("--json"), json});
    QVERIFY(worker.waitForStarted(10000));
    // Paced so that the outage falls in the middle of the stream (40,000 at 4,000/s: 10 s).
    QProcess producer;
    producer.start(cliPath(), {QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                               QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--rate"),
                               QStringLiteral("4000"), data});
    QVERIFY(producer.waitForStarted(10000));

    QByteArray log;
    QElapsedTimer waited;
    waited.start();
    static const QRegularExpression kConsuming(QStringLiteral("ingest: [1-9][0-9]* messages"));
    while (!kConsuming.match(QString::fromUtf8(log)).hasMatch() && waited.elapsed() < 30000)
        collect(worker, log, 300);
    QVERIFY2(kConsuming.match(QString::fromUtf8(log)).hasMatch(), log.constData());
    const qsizetype beforeOutage = log.size();

    QCOMPARE(kafka.command(down), QStringLiteral("ok ") + down);
    collect(worker, log, downMs);
    QCOMPARE(kafka.command(up), QStringLiteral("ok ") + up);
    const QByteArray duringOutage = log.mid(beforeOutage);

    QVERIFY(producer.waitForFinished(60000));
    const QByteArray produced = producer.readAllStandardError();
    QVERIFY2(producer.exitCode() == 0, produced.constData());
    QVERIFY2(produced.contains(QByteArray::number(kOrders) + " events delivered"), produced.constData());
    while (worker.state() == QProcess::Running)
        collect(worker, log, 500);
    log += worker.readAllStandardError();
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QVERIFY2(worker.exitCode() == 0, log.constData());
    qInfo("%s", worker.readAllStandardOutput().trimmed().constData());

    // The health line printed every 2 s showed the outage, and the worker was running again after it.
    QVERIFY2(duringOutage.contains("state reconnecting"), duringOutage.constData());
    QVERIFY2(log.mid(log.lastIndexOf("state reconnecting")).contains("state running"), log.constData());

    // Everything produced is in the topic (the mock drops data beyond 5 MiB per partition). A
    // retried batch may be stored twice during an outage (at-least-once delivery); ingest must then
    // count those copies as duplicates and nothing else may differ.
    const KcatResult counted = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                        QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                        QStringLiteral("-f"), QStringLiteral("%s\\n")});
    QList<QByteArray> values = counted.out.split('\n');
    values.removeAll(QByteArray());
    const qsizetype stored = values.size();
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    QCOMPARE(values.size(), kOrders);
    const qsizetype storedTwice = stored - values.size();
    if (storedTwice > 0)
        qInfo("%lld messages were stored twice by the producer's retries", static_cast<long long>(storedTwice));
    // ...and ingest saw each message exactly once, in an order that changes nothing.
    const QString expected = dir.filePath(QStringLiteral("analyze.json"));
    QCOMPARE(runCli({QStringLiteral("analyze"), data, QStringLiteral("--json"), expected}).exitCode, 0);
    const std::string a = readAll(json).toStdString();
    std::string e = readAll(expected).toStdString();
    QVERIFY(!e.empty());
    const std::string noDuplicates = "\"duplicates\":0,";
    QVERIFY(e.find(noDuplicates) != std::string::npos);
    e.replace(e.find(noDuplicates), noDuplicates.size(), "\"duplicates\":" + std::to_string(storedTwice) + ",");
    if (a != e)
        qWarning("ingest's log:\n%s", log.constData());
    QVERIFY2(a == e, qPrintable(firstDifference(a, e)));
    QCOMPARE(kafka.stop(), 0);
}

void TestKafkaFailover::oneBrokerDownAndBack()
{
    // Broker 1 leads some of the six partitions (and may be the group coordinator).
    runOutage(QStringLiteral("down 1"), QStringLiteral("up 1"), 4000, 31);
}

void TestKafkaFailover::wholeClusterDownAndBack()
{
    runOutage(QStringLiteral("down all"), QStringLiteral("up all"), 5000, 32);
}

QTEST_GUILESS_MAIN(TestKafkaFailover)
#include "tst_kafka_failover.moc"
