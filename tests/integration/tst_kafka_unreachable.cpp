// produce to a broker that is not there fails quickly with exit 1 and one clear line.
#include "CliRunner.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace optest;

class TestKafkaUnreachable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void produceFailsWithOneLine();
};

void TestKafkaUnreachable::produceFailsWithOneLine()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("orders.ndjson"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("-o"), data, QStringLiteral("--orders"),
                     QStringLiteral("1000")})
                 .exitCode,
             0);
    // A loopback port nobody listens on: take a free one, then let it go.
    quint16 port = 0;
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        port = server.serverPort();
    }
    const QString brokers = QStringLiteral("127.0.0.1:%1").arg(port);
    QElapsedTimer timer;
    timer.start();
    const CliResult r = runCli({QStringLiteral("produce"), QStringLiteral("--brokers"), brokers, QStringLiteral("--topic"),
                                QStringLiteral("orders"), data},
                               60000);
    const qint64 ms = timer.elapsed();
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(ms < 20000, qPrintable(QStringLiteral("took %1 ms").arg(ms)));
    const QList<QByteArray> lines = r.err.trimmed().split('\n');
    QVERIFY2(lines.size() == 1, r.err.constData());
    QVERIFY2(lines.front().startsWith("orderpulse-cli produce: cannot reach the Kafka brokers at " + brokers.toUtf8()),
             r.err.constData());
    QVERIFY(r.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestKafkaUnreachable)
#include "tst_kafka_unreachable.moc"
