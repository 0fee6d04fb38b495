#pragma once

#include <QFile>
#include <QString>
#include <string>

namespace optest {

// tests/data/<relative>
inline QString dataPath(const QString &relative)
{
    return QStringLiteral(OP_TEST_DATA_DIR "/") + relative;
}

// The built orderpulse-cli, for tests that run the command line as a user would.
inline QString cliPath()
{
    return QStringLiteral(OP_CLI_PATH);
}

inline QString sourcePath(const QString &relative)
{
    return QStringLiteral(OP_SOURCE_DIR "/") + relative;
}

// The bytes of a file, or nothing when it cannot be read.
inline std::string readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

} // namespace optest
