// Kafka end to end on librdkafka's mock cluster: an independent client (kcat) produces, ingest
// must report exactly what analyze reports for the same file; produce must publish every event.
#include "CliRunner.h"
#include "MockKafkaProcess.h"
#include "ReportDiff.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace optest;

namespace {

// The value of "customer_id" in one NDJSON line written by the encoder.
QByteArray customerOf(const QByteArray &line)
{
    static const QByteArray kField = "\"customer_id\":\"";
    const qsizetype at = line.indexOf(kField);
    if (at < 0)
        return {};
    const qsizetype start = at + kField.size();
    return line.mid(start, line.indexOf('"', start) - start);
}

QList<QByteArray> nonEmptyLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    lines.removeAll(QByteArray());
    return lines;
}

} // namespace

class TestKafkaRoundtrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kcatProducedIngestEqualsAnalyze();
    void produceThenReadBackWithKcat();
};

void TestKafkaRoundtrip::kcatProducedIngestEqualsAnalyze()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    const CliResult gen = runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                                  QStringLiteral("100000"), QStringLiteral("--seed"), QStringLiteral("7")});
    QCOMPARE(gen.exitCode, 0);

    // kcat input: "customer_id<TAB>json" per line. The key separator is a tab, which never occurs
    // in an id or unescaped in JSON (a ':' would cut the JSON value).
    const QList<QByteArray> lines = nonEmptyLines(readAll(data));
    QCOMPARE(lines.size(), 100000);
    QByteArray keyed;
    keyed.reserve(readAll(data).size() + lines.size() * 12);
    for (const QByteArray &line : lines) {
        const QByteArray key = customerOf(line);
        QVERIFY2(!key.isEmpty(), line.constData());
        keyed += key + '\t' + line + '\n';
    }

    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));
    const KcatResult produced = runKcat({QStringLiteral("-P"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                         QStringLiteral("orders"), QStringLiteral("-z"), QStringLiteral("lz4"),
                                         QStringLiteral("-K"), QStringLiteral("\t")},
                                        keyed);
    QVERIFY2(produced.exitCode == 0, produced.err.constData());

    // The mock keeps only 5 MiB per partition: check everything is there before judging ingest.
    const KcatResult counted = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                        QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                        QStringLiteral("-f"), QStringLiteral("%p\\n")});
    QVERIFY2(counted.exitCode == 0, counted.err.constData());
    const QList<QByteArray> partitions = nonEmptyLines(counted.out);
    QCOMPARE(partitions.size(), 100000);
    for (int p = 0; p < 6; ++p)
        QVERIFY2(partitions.count(QByteArray::number(p)) > 10000, "keys spread over all six partitions");

    const QString ingestJson = dir.filePath(QStringLiteral("ingest.json"));
    const CliResult ingest = runCli({QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                     QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                                     QStringLiteral("roundtrip"), QStringLiteral("--max-events"), QStringLiteral("100000"),
                                     QStringLiteral("--json"), ingestJson});
    QVERIFY2(ingest.exitCode == 0, ingest.err.constData());
    qInfo("%s", ingest.out.trimmed().constData());

    const QString analyzeJson = dir.filePath(QStringLiteral("analyze.json"));
    const CliResult analyze = runCli({QStringLiteral("analyze"), data, QStringLiteral("--json"), analyzeJson});
    QCOMPARE(analyze.exitCode, 0);
    const std::string a = readAll(ingestJson).toStdString();
    const std::string e = readAll(analyzeJson).toStdString();
    QVERIFY(!e.empty());
    QVERIFY2(a == e, qPrintable(firstDifference(a, e)));
}

void TestKafkaRoundtrip::produceThenReadBackWithKcat()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QStringLiteral("50000"), QStringLiteral("--seed"), QStringLiteral("11")})
                 .exitCode,
             0);
    // Produce from CSV: any format goes out as OrderEvent JSON.
    const QString csv = dir.filePath(QStringLiteral("orders.csv"));
    QCOMPARE(runCli({QStringLiteral("convert"), data, QStringLiteral("-o"), csv, QStringLiteral("--format"),
                     QStringLiteral("csv")})
                 .exitCode,
             0);

    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));
    const CliResult produced = runCli({QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                       QStringLiteral("--topic"), QStringLiteral("orders"), data});
    QVERIFY2(produced.exitCode == 0, produced.err.constData());
    QVERIFY2(produced.err.contains("50000 events delivered"), produced.err.constData());
    qInfo("%s", produced.err.trimmed().constData());

    const KcatResult read = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                     QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                     QStringLiteral("-f"), QStringLiteral("%k\\t%s\\n")});
    QVERIFY2(read.exitCode == 0, read.err.constData());
    QList<QByteArray> got = nonEmptyLines(read.out);
    QCOMPARE(got.size(), 50000);

    // Same messages, each keyed by its customer: the file's lines are the encoder's output.
    QList<QByteArray> expected;
    for (const QByteArray &line : nonEmptyLines(readAll(data)))
        expected.append(customerOf(line) + '\t' + line);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    for (qsizetype i = 0; i < expected.size(); ++i)
        QVERIFY2(got.at(i) == expected.at(i), got.at(i).constData());

    // The CSV copy goes out as the same JSON values.
    const CliResult fromCsv = runCli({QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                      QStringLiteral("--topic"), QStringLiteral("orders"), csv});
    QVERIFY2(fromCsv.exitCode == 0, fromCsv.err.constData());
    const KcatResult again = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                      QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                      QStringLiteral("-f"), QStringLiteral("%k\\t%s\\n")});
    QList<QByteArray> both = nonEmptyLines(again.out);
    QCOMPARE(both.size(), 100000);
    std::sort(both.begin(), both.end());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QVERIFY2(both.at(2 * i) == expected.at(i), both.at(2 * i).constData());
        QVERIFY2(both.at(2 * i + 1) == expected.at(i), both.at(2 * i + 1).constData());
    }

    QCOMPARE(kafka.stop(), 0);
}

QTEST_GUILESS_MAIN(TestKafkaRoundtrip)
#include "tst_kafka_roundtrip.moc"
