#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace optest {

struct CliResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs the built orderpulse-cli with arguments, as a user would, and waits (bounded).
CliResult runCli(const QStringList &args, int timeoutMs = 120000, const QByteArray &stdinData = {});

QByteArray readAll(const QString &path);

} // namespace optest
