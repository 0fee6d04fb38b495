#include "PostgresServer.h"

#include "HttpGet.h"

#include <QDir>
#include <QProcess>
#include <QTcpServer>

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace optest {

namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");

bool asRoot()
{
    return ::geteuid() == 0;
}

} // namespace

bool PostgresServer::run(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (asRoot())
        process.start(QStringLiteral("runuser"), QStringList{QStringLiteral("-u"), QStringLiteral("postgres"),
                                                             QStringLiteral("--"), program} + args);
    else
        process.start(program, args);
    if (!process.waitForStarted(10000)) {
        m_error = program + QStringLiteral(" did not start: ") + process.errorString();
        return false;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        m_error = program + QStringLiteral(" timed out");
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = program + QStringLiteral(" failed: ") + QString::fromUtf8(process.readAll());
        return false;
    }
    return true;
}

bool PostgresServer::pgCtl(const QStringList &args, int timeoutMs)
{
    return run(kBin + QStringLiteral("pg_ctl"), QStringList{QStringLiteral("-D"), m_data} + args, timeoutMs);
}

PostgresServer::PostgresServer()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    m_data = m_dir.filePath(QStringLiteral("data"));
    QDir().mkpath(m_data);
    if (asRoot()) {
        const passwd *pw = ::getpwnam("postgres");
        if (!pw) {
            m_error = QStringLiteral("no 'postgres' user (install the postgresql package)");
            return;
        }
        // The server runs as postgres: it must reach and own its directories.
        ::chmod(m_dir.path().toLocal8Bit().constData(), 0755);
        if (::chown(m_data.toLocal8Bit().constData(), pw->pw_uid, pw->pw_gid) != 0) {
            m_error = QStringLiteral("cannot give the data directory to postgres");
            return;
        }
    }
    if (!run(kBin + QStringLiteral("initdb"),
             {QStringLiteral("-D"), m_data, QStringLiteral("-U"), QStringLiteral("postgres"), QStringLiteral("-A"),
              QStringLiteral("trust"), QStringLiteral("-E"), QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8"),
              QStringLiteral("--no-sync")},
             120000))
        return;
    m_port = freeLoopbackPort();
    start();
}

PostgresServer::~PostgresServer()
{
    if (m_running)
        stop(true);
}

bool PostgresServer::start()
{
    if (m_port == 0) {
        m_error = QStringLiteral("no free port");
        return false;
    }
    // fsync off: the tests kill the client, not the machine.
    const QString options = QStringLiteral("-p %1 -c listen_addresses=127.0.0.1 -k %2 -c fsync=off -c max_connections=50")
                                .arg(m_port)
                                .arg(m_data);
    m_running = pgCtl({QStringLiteral("-w"), QStringLiteral("-l"), m_data + QStringLiteral("/server.log"),
                       QStringLiteral("-o"), options, QStringLiteral("start")});
    return m_running;
}

bool PostgresServer::stop(bool immediate)
{
    if (!m_running)
        return true;
    const bool stopped = pgCtl({QStringLiteral("-w"), QStringLiteral("-m"),
                                immediate ? QStringLiteral("immediate") : QStringLiteral("fast"), QStringLiteral("stop")});
    m_running = !stopped;
    return stopped;
}

QString PostgresServer::url() const
{
    if (m_port == 0 || !m_error.isEmpty())
        return {};
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/postgres").arg(m_port);
}

} // namespace optest
