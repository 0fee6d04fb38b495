// Committed offsets survive a restart: two ingest runs in one group read every message once.
#include "CliRunner.h"
#include "MockKafkaProcess.h"
#include "TestPaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QMap>
#include <QRegularExpression>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace optest;

namespace {

QJsonObject report(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

// customer_id -> frequency, from a report's customer table.
QMap<QString, qint64> frequencies(const QJsonObject &r)
{
    QMap<QString, qint64> out;
    for (const QJsonValue &c : r.value(QStringLiteral("customers")).toArray())
        out[c[QStringLiteral("customer_id")].toString()] += c[QStringLiteral("frequency")].toInteger();
    return out;
}

qint64 eventsField(const QJsonObject &r, const char *name)
{
    return r.value(QStringLiteral("events")).toObject().value(QLatin1String(name)).toInteger(-1);
}

} // namespace

class TestKafkaOffsets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondWorkerResumesWhereTheFirstStopped();
    void sigtermStopsCleanlyWhileProducing();
};

void TestKafkaOffsets::secondWorkerResumesWhereTheFirstStopped()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QStringLiteral("60000"), QStringLiteral("--seed"), QStringLiteral("3")})
                 .exitCode,
             0);
    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));
    const CliResult produced = runCli({QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                       QStringLiteral("--topic"), QStringLiteral("orders"), data});
    QVERIFY2(produced.exitCode == 0, produced.err.constData());
    const KcatResult counted = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                        QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                        QStringLiteral("-f"), QStringLiteral("%o\\n")});
    QCOMPARE(counted.out.count('\n'), 60000);

    const auto ingest = [&](const QString &json, const QStringList &limit) {
        QStringList args{QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(), QStringLiteral("--topic"),
                         QStringLiteral("orders"), QStringLiteral("--group"), QStringLiteral("workers"),
                         QStringLiteral("--json"), json};
        return runCli(args + limit);
    };
    const QString first = dir.filePath(QStringLiteral("first.json"));
    const CliResult a = ingest(first, {QStringLiteral("--max-events"), QStringLiteral("25000")});
    QVERIFY2(a.exitCode == 0, a.err.constData());
    const QString second = dir.filePath(QStringLiteral("second.json"));
    const CliResult b = ingest(second, {QStringLiteral("--idle-exit"), QStringLiteral("3")});
    QVERIFY2(b.exitCode == 0, b.err.constData());
    const QString third = dir.filePath(QStringLiteral("third.json"));
    const CliResult c = ingest(third, {QStringLiteral("--idle-exit"), QStringLiteral("3")});
    QVERIFY2(c.exitCode == 0, c.err.constData());

    const QJsonObject ra = report(first);
    const QJsonObject rb = report(second);
    const QJsonObject rc = report(third);
    QCOMPARE(eventsField(ra, "accepted"), 25000);
    QCOMPARE(eventsField(rb, "accepted"), 35000);
    QCOMPARE(eventsField(rc, "accepted"), 0); // everything was committed: nothing is read twice
    QCOMPARE(eventsField(ra, "duplicates"), 0);
    QCOMPARE(eventsField(rb, "duplicates"), 0);

    // Per customer, the two halves add up to the whole file: each order was read exactly once.
    const QString whole = dir.filePath(QStringLiteral("analyze.json"));
    QCOMPARE(runCli({QStringLiteral("analyze"), data, QStringLiteral("--json"), whole}).exitCode, 0);
    QMap<QString, qint64> sum = frequencies(ra);
    const QMap<QString, qint64> rest = frequencies(rb);
    for (auto it = rest.cbegin(); it != rest.cend(); ++it)
        sum[it.key()] += it.value();
    const QMap<QString, qint64> expected = frequencies(report(whole));
    QVERIFY(expected.size() > 1000);
    QCOMPARE(sum, expected);
}

void TestKafkaOffsets::sigtermStopsCleanlyWhileProducing()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QStringLiteral("40000"), QStringLiteral("--seed"), QStringLiteral("5")})
                 .exitCode,
             0);
    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));
    // Paced: the worker is stopped while messages are still arriving.
    QProcess producer;
    producer.start(cliPath(), {QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                               QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--rate"),
                               QStringLiteral("2500"), data});
    QVERIFY(producer.waitForStarted(10000));
    const QString first = dir.filePath(QStringLiteral("first.json"));
    QProcess worker;
    worker.start(cliPath(), {QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                             QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                             QStringLiteral("stopped"), QStringLiteral("--json"), first});
    QVERIFY(worker.waitForStarted(10000));
    // Stop it once it reports consumed messages (joining the group takes a few seconds).
    QByteArray progress;
    QElapsedTimer waited;
    waited.start();
    static const QRegularExpression kConsuming(QStringLiteral("ingest: [1-9][0-9]* messages"));
    while (!kConsuming.match(QString::fromUtf8(progress)).hasMatch() && waited.elapsed() < 30000) {
        worker.waitForReadyRead(500);
        progress += worker.readAllStandardError();
    }
    worker.terminate();
    QVERIFY(worker.waitForFinished(20000));
    QCOMPARE(worker.exitStatus(), QProcess::NormalExit);
    QCOMPARE(worker.exitCode(), 0);
    QVERIFY((progress + worker.readAllStandardError()).contains("stopped by signal"));
    QVERIFY(producer.waitForFinished(60000));
    QCOMPARE(producer.exitCode(), 0);

    const QString second = dir.filePath(QStringLiteral("second.json"));
    const CliResult rest = runCli({QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                   QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                                   QStringLiteral("stopped"), QStringLiteral("--idle-exit"), QStringLiteral("3"),
                                   QStringLiteral("--json"), second});
    QVERIFY2(rest.exitCode == 0, rest.err.constData());
    const qint64 a = eventsField(report(first), "accepted");
    const qint64 b = eventsField(report(second), "accepted");
    qInfo("stopped after %lld events, the successor read %lld", a, b);
    QVERIFY(a > 0);
    QVERIFY(b > 0);
    QCOMPARE(a + b, 40000);
}

QTEST_GUILESS_MAIN(TestKafkaOffsets)
#include "tst_kafka_offsets.moc"
