// Malformed Kafka messages go to quarantine with topic/partition and offset; consumption goes on.
#include "CliRunner.h"
#include "MockKafkaProcess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace optest;

class TestKafkaQuarantine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badMessagesAreQuarantinedWithTheirOffsets();
};

void TestKafkaQuarantine::badMessagesAreQuarantinedWithTheirOffsets()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QStringLiteral("300")})
                 .exitCode,
             0);
    QList<QByteArray> lines = readAll(data).split('\n');
    lines.removeAll(QByteArray());
    QCOMPARE(lines.size(), 300);
    // Offsets in partition 2 (one message per line, in order).
    lines.insert(10, "{\"type\":\"order\",\"order_id\":");                                   // truncated JSON
    lines.insert(100, "{\"type\":\"order\",\"order_id\":\"O-X1\",\"event_time\":\"2026-03-01T12:00:00+09:00\","
                      "\"customer_id\":\"C-1\",\"amount\":-500}");                           // negative amount
    lines.insert(250, "{\"type\":\"order\",\"order_id\":\"O-X2\",\"customer_id\":\"C-1\",\"amount\":500}"); // no time
    QByteArray input;
    for (const QByteArray &l : lines)
        input += l + '\n';

    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));
    const KcatResult produced = runKcat({QStringLiteral("-P"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                         QStringLiteral("orders"), QStringLiteral("-p"), QStringLiteral("2")},
                                        input);
    QVERIFY2(produced.exitCode == 0, produced.err.constData());
    const KcatResult counted = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                        QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                        QStringLiteral("-f"), QStringLiteral("%p/%o\\n")});
    QCOMPARE(counted.out.count('\n'), 303);
    QVERIFY(counted.out.contains("2/302\n"));

    const QString json = dir.filePath(QStringLiteral("ingest.json"));
    const CliResult ingest = runCli({QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                     QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                                     QStringLiteral("q"), QStringLiteral("--max-events"), QStringLiteral("303"),
                                     QStringLiteral("--json"), json});
    QVERIFY2(ingest.exitCode == 0, ingest.err.constData());
    const QJsonObject events = QJsonDocument::fromJson(readAll(json)).object().value(QStringLiteral("events")).toObject();
    QCOMPARE(events.value(QStringLiteral("accepted")).toInteger(), 300);
    QCOMPARE(events.value(QStringLiteral("quarantined")).toInteger(), 3);
    // Each with where it was: "orders/2 offset N: reason".
    for (const char *where : {"orders/2 offset 10: ", "orders/2 offset 100: ", "orders/2 offset 250: "})
        QVERIFY2(ingest.err.contains(where), ingest.err.constData());
    QVERIFY2(ingest.err.contains("negative amount"), ingest.err.constData());
}

QTEST_GUILESS_MAIN(TestKafkaQuarantine)
#include "tst_kafka_quarantine.moc"
