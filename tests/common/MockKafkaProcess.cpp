#include "MockKafkaProcess.h"

#include "TestPaths.h"

#include <QElapsedTimer>

namespace optest {

MockKafkaProcess::MockKafkaProcess(int partitions, const QString &topic)
{
    m_process.setReadChannel(QProcess::StandardOutput);
    m_process.start(cliPath(), {QStringLiteral("mock-kafka"), QStringLiteral("--partitions"), QString::number(partitions),
                                QStringLiteral("--topic"), topic});
    if (!m_process.waitForStarted(10000)) {
        m_error = QStringLiteral("mock-kafka did not start: ") + m_process.errorString();
        return;
    }
    QElapsedTimer timer;
    timer.start();
    while (!m_process.canReadLine() && timer.elapsed() < 15000 && m_process.state() == QProcess::Running)
        m_process.waitForReadyRead(500);
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    if (!line.startsWith(QLatin1String("bootstrap="))) {
        m_error = QStringLiteral("mock-kafka's first line is not the bootstrap list: '%1' (stderr: %2)")
                      .arg(line, QString::fromUtf8(m_process.readAllStandardError()));
        return;
    }
    m_bootstrap = line.mid(10);
}

QString MockKafkaProcess::command(const QString &line, int timeoutMs)
{
    if (m_process.state() != QProcess::Running)
        return QStringLiteral("error: mock-kafka is not running");
    m_process.write(line.toUtf8() + '\n');
    m_process.waitForBytesWritten(timeoutMs);
    QElapsedTimer timer;
    timer.start();
    while (!m_process.canReadLine() && timer.elapsed() < timeoutMs && m_process.state() == QProcess::Running)
        m_process.waitForReadyRead(100);
    if (!m_process.canReadLine())
        return QStringLiteral("error: no answer to '%1'").arg(line);
    return QString::fromUtf8(m_process.readLine()).trimmed();
}

MockKafkaProcess::~MockKafkaProcess()
{
    stop();
}

int MockKafkaProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        return -1;
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

KcatResult runKcat(const QStringList &args, const QByteArray &stdinData, int timeoutMs)
{
    QProcess process;
    process.start(QStringLiteral("kcat"), args);
    KcatResult result;
    if (!process.waitForStarted(10000)) {
        result.err = "kcat did not start: " + process.errorString().toUtf8();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = "kcat timed out";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

} // namespace optest
