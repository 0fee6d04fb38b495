#pragma once

#include <QString>
#include <QTemporaryDir>

namespace optest {

// A real PostgreSQL 15 for one test (STACK.md): initdb in a temporary directory, pg_ctl start on a
// free loopback port, stopped (immediately) in the destructor. As root, PostgreSQL runs as the
// `postgres` user through runuser.
class PostgresServer
{
public:
    PostgresServer();
    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // Empty when the server did not start (then error() says why).
    QString url() const;
    const QString &error() const { return m_error; }
    int port() const { return m_port; }

    bool stop(bool immediate = false);
    bool start();
    bool restart() { return stop() && start(); }

private:
    bool pgCtl(const QStringList &args, int timeoutMs = 60000);
    bool run(const QString &program, const QStringList &args, int timeoutMs);

    QTemporaryDir m_dir;
    QString m_data;
    int m_port = 0;
    bool m_running = false;
    QString m_error;
};

} // namespace optest
