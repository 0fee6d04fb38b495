// KafkaWorker, the GUI's Kafka ingest: snapshots at >= 10 per second carrying the source's health,
// every produced event counted, "reconnecting" while the cluster is unreachable and "running" once
// it is back. Runs librdkafka's mock cluster in-process to take its brokers down directly.
#include "CliRunner.h"

#include "runtime/KafkaWorker.h"
#include "sources/KafkaProducer.h"
#include "sources/MockKafkaCluster.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace optest;

class TestKafkaWorker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void snapshotsCarryHealthThroughAnOutage();
};

namespace {

QByteArray customerOf(const QByteArray &line)
{
    static const QByteArray kField = "\"customer_id\":\"";
    const qsizetype at = line.indexOf(kField);
    if (at < 0)
        return {};
    const qsizetype start = at + kField.size();
    return line.mid(start, line.indexOf('"', start) - start);
}

} // namespace

void TestKafkaWorker::snapshotsCarryHealthThroughAnOutage()
{
    constexpr int kOrders = 20000;
    constexpr int kBrokers = 3;
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QString::number(kOrders), QStringLiteral("--seed"), QStringLiteral("51")})
                 .exitCode,
             0);
    auto cluster = op::MockKafkaCluster::start(kBrokers, "orders", 6);
    QVERIFY2(cluster, cluster ? "" : cluster.error().c_str());
    op::KafkaClientSettings client;
    client.brokers = (*cluster)->bootstrapServers();

    op::KafkaSourceSettings settings;
    settings.client = client;
    settings.topic = "orders";
    settings.groupId = "gui";
    QThread thread;
    auto *worker = new op::KafkaWorker(settings);
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    std::vector<SnapshotPtr> snapshots;
    QElapsedTimer sinceFirst;
    connect(worker, &op::KafkaWorker::snapshotReady, this, [&](SnapshotPtr s) {
        if (snapshots.empty())
            sinceFirst.start();
        snapshots.push_back(std::move(s));
    });
    bool finished = false;
    QString finishError;
    connect(worker, &op::KafkaWorker::finished, this, [&](bool, const QString &error) {
        finished = true;
        finishError = error;
    });
    thread.start();
    QMetaObject::invokeMethod(worker, &op::KafkaWorker::run, Qt::QueuedConnection);
    const auto latest = [&]() -> const op::Snapshot & { return *snapshots.back(); };
    const auto health = [&]() -> const op::SourceHealth & { return latest().sources.front(); };

    // Produced while the worker joins the group.
    auto producer = op::KafkaProducer::create(client, "orders", {});
    QVERIFY2(producer, producer ? "" : producer.error().c_str());
    for (const QByteArray &line : readAll(data).split('\n')) {
        if (!line.isEmpty())
            QVERIFY((*producer)->produce(customerOf(line).toStdString(), line.toStdString()).has_value());
    }
    QVERIFY((*producer)->flush(20000).has_value());
    QCOMPARE((*producer)->delivered(), kOrders);

    QTRY_VERIFY_WITH_TIMEOUT(!snapshots.empty() && latest().events.accepted == kOrders, 30000);
    QCOMPARE(latest().sources.size(), std::size_t(1));
    QCOMPARE(health().name, std::string("kafka orders"));
    QCOMPARE(health().state, std::string("running"));
    QVERIFY(health().rebalances >= 1);
    // Lag per partition, from the brokers' high watermarks: all six caught up.
    const auto totalLag = [&] {
        std::int64_t lag = 0;
        for (const op::PartitionLag &l : health().lag)
            lag += l.lag;
        return lag;
    };
    QTRY_VERIFY_WITH_TIMEOUT(health().lag.size() == 6 && totalLag() == 0, 5000);
    for (const op::PartitionLag &l : health().lag)
        QVERIFY(l.offset > 0);

    // The pace: >= 10 snapshots per second, each one newer than the last.
    const std::size_t before = snapshots.size();
    const qint64 t0 = sinceFirst.elapsed();
    QTest::qWait(2000);
    const double perSecond = static_cast<double>(snapshots.size() - before) * 1000.0 /
                             static_cast<double>(sinceFirst.elapsed() - t0);
    qInfo("%.1f snapshots/s", perSecond);
    QVERIFY2(perSecond >= 9.0, qPrintable(QString::number(perSecond)));
    for (std::size_t i = 1; i < snapshots.size(); ++i)
        QVERIFY(snapshots[i]->sequence > snapshots[i - 1]->sequence);

    // The whole cluster unreachable, then back.
    for (int id = 1; id <= kBrokers; ++id)
        (*cluster)->setBrokerDown(id);
    QTRY_COMPARE_WITH_TIMEOUT(health().state, std::string("reconnecting"), 10000);
    QVERIFY(!health().lastError.empty());
    qInfo("while down: %s", health().lastError.c_str());
    for (int id = 1; id <= kBrokers; ++id)
        (*cluster)->setBrokerUp(id);
    QTRY_COMPARE_WITH_TIMEOUT(health().state, std::string("running"), 20000);

    worker->requestStop();
    QTRY_VERIFY_WITH_TIMEOUT(finished, 20000);
    QVERIFY2(finishError.isEmpty(), qPrintable(finishError));
    QCOMPARE(latest().events.accepted, kOrders);
    QCOMPARE(latest().events.duplicates, 0);
    thread.quit();
    QVERIFY(thread.wait(10000));
}

QTEST_GUILESS_MAIN(TestKafkaWorker)
#include "tst_kafka_worker.moc"
