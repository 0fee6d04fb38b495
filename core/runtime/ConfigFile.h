#pragma once

#include <tl/expected.hpp>

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace op {

// One key of a headless worker's configuration file and the command-line option it stands for:
// `[kafka] brokers=…` is `--brokers …`. Flags take true/false.
struct ConfigKey
{
    QString section;
    QString key;
    QString option;
    bool flag = false;
};

// Reads an INI configuration file (QSettings' INI format) and returns the command-line arguments
// it stands for. Put them before the real arguments: what is typed on the command line wins
// (QCommandLineParser keeps the last value). An unknown section or key, a malformed flag value,
// or anything that looks like a secret (a key containing "password" or "secret", a URL with a
// password) is an error naming the file and the key: secrets come from environment variables or
// the keychain, never from a file an operator may commit or share.
tl::expected<QStringList, QString> configFileArguments(const QString &path, const std::vector<ConfigKey> &keys);

// `--print-config`: the effective value of every key as INI text, secrets redacted. `value`
// returns the effective value of an option ("" = not set; flags "true"/"false").
QString printConfig(const std::vector<ConfigKey> &keys, const std::function<QString(const QString &option)> &value);

// A connection string with its password replaced by "***" (URLs and key=value strings).
QString redactSecrets(const QString &text);

} // namespace op
