#pragma once

#include <QString>

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

} // namespace optest
