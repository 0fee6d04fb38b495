#pragma once

#include <QString>
#include <QTemporaryDir>
#include <sys/types.h>

namespace optest {

// A real redis-server (Debian's) for one test: a free loopback port, a temp dir, no persistence,
// daemonized with a pidfile; stopped in the destructor. kill() (SIGKILL), pause()/resume()
// (SIGSTOP/SIGCONT: a Redis that accepts connections but never answers) and restart() (same
// port, empty data) let tests play outages.
class RedisServer
{
public:
    // requirePass: empty = no AUTH. aclUser/aclPassword: an extra ACL user with all rights.
    explicit RedisServer(const QString &requirePass = {}, const QString &aclUser = {},
                         const QString &aclPassword = {});
    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    bool isRunning() const { return m_pid > 0; }
    const QString &error() const { return m_error; }
    int port() const { return m_port; }
    QString url() const; // redis://127.0.0.1:port (no credentials)

    bool start();
    void kill();
    bool restart();
    void pause();
    void resume();
    void stop();

private:
    bool waitReady(int timeoutMs);

    QTemporaryDir m_dir;
    QString m_requirePass;
    QString m_aclUser;
    QString m_aclPassword;
    int m_port = 0;
    pid_t m_pid = 0;
    QString m_error;
};

} // namespace optest
