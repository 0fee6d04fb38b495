#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace optest {

// An `orderpulse-cli mock-kafka` process for one test: started in the constructor, its bootstrap
// line read, stopped with SIGTERM in the destructor.
class MockKafkaProcess
{
public:
    explicit MockKafkaProcess(int partitions = 6, const QString &topic = QStringLiteral("orders"));
    ~MockKafkaProcess();
    MockKafkaProcess(const MockKafkaProcess &) = delete;
    MockKafkaProcess &operator=(const MockKafkaProcess &) = delete;

    // Empty when the cluster did not start (then error() says why).
    const QString &bootstrap() const { return m_bootstrap; }
    const QString &error() const { return m_error; }
    // Sends a broker-control line ("down 2", "up all", ...) and waits for mock-kafka's answer;
    // returns the answer ("ok down 2" when it took effect).
    QString command(const QString &line, int timeoutMs = 10000);
    // Stops it with SIGTERM; returns its exit code (-1 when it crashed or hung).
    int stop();

private:
    QProcess m_process;
    QString m_bootstrap;
    QString m_error;
};

struct KcatResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs kcat (an independent Kafka client) with arguments and optional stdin, bounded in time.
KcatResult runKcat(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60000);

} // namespace optest
