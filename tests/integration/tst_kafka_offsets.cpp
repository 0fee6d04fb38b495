// Committed offsets survive a restart: two ingest runs in one group read every message once.
#include "CliRunner.h"
#include "MockKafkaProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
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

QTEST_GUILESS_MAIN(TestKafkaOffsets)
#include "tst_kafka_offsets.moc"
