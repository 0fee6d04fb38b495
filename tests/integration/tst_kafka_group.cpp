// Two ingest workers in one consumer group split the partitions and together see every record
// exactly once. There is no shared sink to compare against, so "exactly once" is proven by
// addition: every message is produced keyed by its customer (lifecycle events by their order's
// customer), so a customer's and an order's events live in one partition; the workers' counts per
// customer, their orders, sales and delivered orders add up exactly to analyze of the whole file,
// and neither saw a duplicate. A record read by both would make a sum too large, one read by
// neither too small; an order whose outcome reached the other worker would miss a delivery.
#include "CliRunner.h"
#include "MockKafkaProcess.h"
#include "TestPaths.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace optest;

namespace {

QJsonObject report(const QString &path)
{
    return QJsonDocument::fromJson(readAll(path)).object();
}

qint64 field(const QJsonObject &r, const char *section, const char *name)
{
    return r.value(QLatin1String(section)).toObject().value(QLatin1String(name)).toInteger(-1);
}

// customer_id -> frequency, from a report's customer table.
QMap<QString, qint64> frequencies(const QJsonObject &r)
{
    QMap<QString, qint64> out;
    for (const QJsonValue &c : r.value(QStringLiteral("customers")).toArray())
        out[c[QStringLiteral("customer_id")].toString()] += c[QStringLiteral("frequency")].toInteger();
    return out;
}

// "N rebalances" from ingest's summary line.
int rebalances(const QByteArray &summary)
{
    static const QRegularExpression kCount(QStringLiteral("([0-9]+) rebalances"));
    const QRegularExpressionMatch m = kCount.match(QString::fromUtf8(summary));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace

class TestKafkaGroup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoWorkersSplitThePartitionsAndSeeEachRecordOnce();
};

void TestKafkaGroup::twoWorkersSplitThePartitionsAndSeeEachRecordOnce()
{
    constexpr int kOrders = 30000;
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    // Lifecycle events: placements carry the customer, outcomes and ratings only the order id.
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QString::number(kOrders), QStringLiteral("--seed"), QStringLiteral("41"),
                     QStringLiteral("--lifecycle")})
                 .exitCode,
             0);
    const qint64 messages = readAll(data).count('\n');
    QVERIFY(messages > 2 * kOrders);
    MockKafkaProcess kafka(6);
    QVERIFY2(!kafka.bootstrap().isEmpty(), qPrintable(kafka.error()));

    const auto startWorker = [&](QProcess &worker, const QString &json) {
        worker.start(cliPath(), {QStringLiteral("ingest"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                 QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--group"),
                                 QStringLiteral("split"), QStringLiteral("--idle-exit"), QStringLiteral("6"),
                                 QStringLiteral("--json"), json});
        return worker.waitForStarted(10000);
    };
    const QString jsonA = dir.filePath(QStringLiteral("a.json"));
    const QString jsonB = dir.filePath(QStringLiteral("b.json"));
    QProcess a;
    QProcess b;
    QVERIFY(startWorker(a, jsonA));
    QVERIFY(startWorker(b, jsonB));
    // Produce once the group has settled (a partition that moved mid-order would split the order
    // between the workers): each worker's health line ("ingest: ..., N partitions, ...") shows its
    // share, and the shares cover the six partitions.
    QByteArray errA;
    QByteArray errB;
    static const QRegularExpression kShare(QStringLiteral(", ([0-9]+) partitions,"));
    const auto lastShare = [](const QByteArray &log) {
        int n = -1;
        auto it = kShare.globalMatch(QString::fromUtf8(log));
        while (it.hasNext())
            n = it.next().captured(1).toInt();
        return n;
    };
    QElapsedTimer waited;
    waited.start();
    while (!(lastShare(errA) > 0 && lastShare(errB) > 0 && lastShare(errA) + lastShare(errB) == 6) &&
           waited.elapsed() < 45000) {
        a.waitForReadyRead(100);
        b.waitForReadyRead(100);
        errA += a.readAllStandardError();
        errB += b.readAllStandardError();
    }
    QVERIFY2(lastShare(errA) > 0 && lastShare(errB) > 0, (errA + errB).constData());
    qInfo("partitions: A %d, B %d after %lld ms", lastShare(errA), lastShare(errB), waited.elapsed());
    const CliResult produced = runCli({QStringLiteral("produce"), QStringLiteral("--brokers"), kafka.bootstrap(),
                                       QStringLiteral("--topic"), QStringLiteral("orders"), QStringLiteral("--rate"),
                                       QString::number(messages / 4), data});
    QVERIFY2(produced.exitCode == 0, produced.err.constData());
    QVERIFY2(produced.err.contains(QByteArray::number(messages) + " events delivered"), produced.err.constData());
    QVERIFY(a.waitForFinished(60000));
    QVERIFY(b.waitForFinished(60000));
    const QByteArray outA = a.readAllStandardOutput();
    const QByteArray outB = b.readAllStandardOutput();
    errA += a.readAllStandardError();
    errB += b.readAllStandardError();
    QVERIFY2(a.exitCode() == 0, errA.constData());
    QVERIFY2(b.exitCode() == 0, errB.constData());
    qInfo("A: %s", outA.trimmed().constData());
    qInfo("B: %s", outB.trimmed().constData());

    // Every lifecycle event of an order is in the partition of its placement.
    const KcatResult read = runKcat({QStringLiteral("-C"), QStringLiteral("-b"), kafka.bootstrap(), QStringLiteral("-t"),
                                     QStringLiteral("orders"), QStringLiteral("-e"), QStringLiteral("-q"),
                                     QStringLiteral("-f"), QStringLiteral("%p\\t%s\\n")});
    QCOMPARE(read.out.count('\n'), messages);
    QMap<QByteArray, QByteArray> partitionOfOrder;
    static const QRegularExpression kOrderId(QStringLiteral("\"order_id\":\"([^\"]+)\""));
    for (const QByteArray &line : read.out.split('\n')) {
        if (line.isEmpty())
            continue;
        const QByteArray p = line.left(line.indexOf('\t'));
        const QRegularExpressionMatch m = kOrderId.match(QString::fromUtf8(line));
        QVERIFY(m.hasMatch());
        const QByteArray order = m.captured(1).toUtf8();
        if (partitionOfOrder.contains(order))
            QVERIFY2(partitionOfOrder.value(order) == p, line.constData());
        else
            partitionOfOrder.insert(order, p);
    }
    QCOMPARE(partitionOfOrder.size(), kOrders);

    const QJsonObject ra = report(jsonA);
    const QJsonObject rb = report(jsonB);
    const QString whole = dir.filePath(QStringLiteral("analyze.json"));
    QCOMPARE(runCli({QStringLiteral("analyze"), data, QStringLiteral("--json"), whole}).exitCode, 0);
    const QJsonObject re = report(whole);

    // Both worked: each joined (assignments count as rebalances) and consumed a share.
    QVERIFY2(rebalances(outA) >= 1 && rebalances(outB) >= 1, (outA + outB).constData());
    QVERIFY(field(ra, "events", "accepted") > 0);
    QVERIFY(field(rb, "events", "accepted") > 0);
    // Exactly once: the sums equal the whole, without duplicates.
    QCOMPARE(field(ra, "events", "duplicates"), 0);
    QCOMPARE(field(rb, "events", "duplicates"), 0);
    QCOMPARE(field(ra, "events", "accepted") + field(rb, "events", "accepted"), messages);
    QCOMPARE(field(ra, "totals", "orders") + field(rb, "totals", "orders"), qint64(kOrders));
    QCOMPARE(field(ra, "totals", "orders") + field(rb, "totals", "orders"), field(re, "totals", "orders"));
    QCOMPARE(field(ra, "totals", "sales") + field(rb, "totals", "sales"), field(re, "totals", "sales"));
    // Outcomes joined their placements on the same worker.
    QVERIFY(field(re, "delivery", "count") > 0);
    QCOMPARE(field(ra, "delivery", "count") + field(rb, "delivery", "count"), field(re, "delivery", "count"));
    // Customers are disjoint (each lives in one partition) and their order counts add up.
    const QMap<QString, qint64> fa = frequencies(ra);
    const QMap<QString, qint64> fb = frequencies(rb);
    for (auto it = fb.cbegin(); it != fb.cend(); ++it)
        QVERIFY2(!fa.contains(it.key()), qPrintable(it.key()));
    QMap<QString, qint64> sum = fa;
    for (auto it = fb.cbegin(); it != fb.cend(); ++it)
        sum[it.key()] += it.value();
    const QMap<QString, qint64> expected = frequencies(re);
    QVERIFY(expected.size() > 1000);
    QCOMPARE(sum, expected);
    QCOMPARE(kafka.stop(), 0);
}

QTEST_GUILESS_MAIN(TestKafkaGroup)
#include "tst_kafka_group.moc"
