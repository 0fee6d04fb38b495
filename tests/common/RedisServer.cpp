#include "RedisServer.h"

#include "HttpGet.h"

#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <chrono>
#include <csignal>
#include <hiredis/hiredis.h>
#include <thread>

namespace optest {

namespace {

// True when the process is gone or a zombie (PID 1 here does not reap daemons).
bool processGone(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const int close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() || text.at(close + 2) == 'Z';
}

bool waitGone(pid_t pid, int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (!processGone(pid)) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

} // namespace

RedisServer::RedisServer(const QString &requirePass, const QString &aclUser, const QString &aclPassword)
    : m_requirePass(requirePass)
    , m_aclUser(aclUser)
    , m_aclPassword(aclPassword)
{
    m_port = freeLoopbackPort();
    start();
}

RedisServer::~RedisServer()
{
    stop();
}

QString RedisServer::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

bool RedisServer::start()
{
    if (!m_dir.isValid() || m_port == 0) {
        m_error = QStringLiteral("no temp dir or no free port");
        return false;
    }
    const QString pidFile = m_dir.filePath(QStringLiteral("redis.pid"));
    QFile::remove(pidFile);
    // A config file, not arguments: a password must not show in the server's command line.
    QString conf = QStringLiteral("port %1\nbind 127.0.0.1\nsave \"\"\nappendonly no\ndaemonize yes\n"
                                  "pidfile %2\ndir %3\nlogfile %3/redis.log\n")
                       .arg(m_port)
                       .arg(pidFile, m_dir.path());
    // Quoted: a test password may hold spaces and '%'.
    auto quoted = [](QString v) {
        return QLatin1Char('"') +
               v.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                   .replace(QLatin1Char('"'), QLatin1String("\\\"")) +
               QLatin1Char('"');
    };
    if (!m_requirePass.isEmpty())
        conf += QStringLiteral("requirepass %1\n").arg(quoted(m_requirePass));
    if (!m_aclUser.isEmpty())
        conf += QStringLiteral("user %1 on %2 ~* &* +@all\n")
                    .arg(m_aclUser, quoted(QLatin1Char('>') + m_aclPassword));
    const QString confPath = m_dir.filePath(QStringLiteral("redis.conf"));
    QFile confFile(confPath);
    if (!confFile.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_error = QStringLiteral("cannot write %1").arg(confPath);
        return false;
    }
    confFile.write(conf.toUtf8());
    confFile.close();

    const int rc = QProcess::execute(QStringLiteral("redis-server"), {confPath});
    if (rc != 0) {
        m_error = QStringLiteral("redis-server exited with %1").arg(rc);
        return false;
    }
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (m_pid <= 0 && std::chrono::steady_clock::now() < deadline) {
        QFile pid(pidFile);
        if (pid.open(QIODevice::ReadOnly))
            m_pid = static_cast<pid_t>(pid.readAll().trimmed().toLongLong());
        if (m_pid <= 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    if (m_pid <= 0 || !waitReady(10000)) {
        m_error = QStringLiteral("redis-server on port %1 did not come up").arg(m_port);
        return false;
    }
    return true;
}

bool RedisServer::waitReady(int timeoutMs)
{
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (std::chrono::steady_clock::now() < deadline) {
        timeval tv{0, 200000};
        redisContext *c = redisConnectWithTimeout("127.0.0.1", m_port, tv);
        bool ready = false;
        if (c && !c->err) {
            redisSetTimeout(c, tv);
            // Any reply (NOAUTH too) means the server is serving.
            auto *reply = static_cast<redisReply *>(redisCommand(c, "PING"));
            ready = reply != nullptr;
            if (reply)
                freeReplyObject(reply);
        }
        if (c)
            redisFree(c);
        if (ready)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

void RedisServer::kill()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGCONT); // a paused server must die too
    ::kill(m_pid, SIGKILL);
    waitGone(m_pid, 5000);
    m_pid = 0;
}

bool RedisServer::restart()
{
    kill();
    return start();
}

void RedisServer::pause()
{
    if (m_pid > 0)
        ::kill(m_pid, SIGSTOP);
}

void RedisServer::resume()
{
    if (m_pid > 0)
        ::kill(m_pid, SIGCONT);
}

void RedisServer::stop()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGCONT);
    ::kill(m_pid, SIGTERM);
    if (!waitGone(m_pid, 5000))
        ::kill(m_pid, SIGKILL);
    m_pid = 0;
}

} // namespace optest
