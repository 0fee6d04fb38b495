#include "runtime/ConfigFile.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

#include <map>

namespace op {

namespace {

bool looksSecret(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(QLatin1String("password")) || k.contains(QLatin1String("secret"))
           || k.contains(QLatin1String("passwd"));
}

} // namespace

QString redactSecrets(const QString &text)
{
    QString out = text;
    // scheme://user:password@host → scheme://user:***@host
    static const QRegularExpression url(QStringLiteral("(://[^:/@\\s]*:)[^@\\s]*@"));
    out.replace(url, QStringLiteral("\\1***@"));
    // password=… in key/value connection strings and query parameters
    static const QRegularExpression keyValue(QStringLiteral("((?:password|passwd|secret)\\s*=\\s*)[^\\s&;]*"),
                                             QRegularExpression::CaseInsensitiveOption);
    out.replace(keyValue, QStringLiteral("\\1***"));
    return out;
}

tl::expected<QStringList, QString> configFileArguments(const QString &path, const std::vector<ConfigKey> &keys)
{
    const QFileInfo info(path);
    if (!info.exists())
        return tl::make_unexpected(QStringLiteral("configuration file %1 does not exist").arg(path));
    if (!info.isReadable())
        return tl::make_unexpected(QStringLiteral("configuration file %1 cannot be read").arg(path));
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError)
        return tl::make_unexpected(QStringLiteral("configuration file %1 is not a valid INI file").arg(path));

    std::map<QString, const ConfigKey *> known;
    for (const ConfigKey &k : keys)
        known[k.section + QLatin1Char('/') + k.key] = &k;

    QStringList arguments;
    for (const QString &name : settings.allKeys()) {
        const QString where = QStringLiteral("configuration file %1: [%2] %3")
                                  .arg(path, name.section(QLatin1Char('/'), 0, 0), name.section(QLatin1Char('/'), 1));
        if (looksSecret(name))
            return tl::make_unexpected(
                where + QStringLiteral(": passwords do not belong in a configuration file; set ORDERPULSE_PG_PASSWORD, "
                                       "ORDERPULSE_REDIS_PASSWORD or ORDERPULSE_KAFKA_PASSWORD, or store them in the "
                                       "keychain"));
        const auto found = known.find(name);
        if (found == known.end())
            return tl::make_unexpected(where + QStringLiteral(": unknown setting"));
        const ConfigKey &key = *found->second;
        const QVariant raw = settings.value(name);
        // QSettings splits unquoted values with commas into lists (bootstrap lists): join them back.
        const QString value = raw.typeId() == QMetaType::QStringList ? raw.toStringList().join(QLatin1Char(','))
                                                                     : raw.toString();
        if (redactSecrets(value) != value)
            return tl::make_unexpected(where + QStringLiteral(": the value holds a password; put the password in an "
                                                              "environment variable or the keychain instead"));
        if (key.flag) {
            const QString v = value.trimmed().toLower();
            if (v == QLatin1String("true") || v == QLatin1String("yes") || v == QLatin1String("1"))
                arguments << QStringLiteral("--") + key.option;
            else if (v != QLatin1String("false") && v != QLatin1String("no") && v != QLatin1String("0"))
                return tl::make_unexpected(where + QStringLiteral(": expected true or false, not '%1'").arg(value));
            continue;
        }
        arguments << QStringLiteral("--%1=%2").arg(key.option, value);
    }
    return arguments;
}

QString printConfig(const std::vector<ConfigKey> &keys, const std::function<QString(const QString &)> &value)
{
    QString out;
    QString section;
    for (const ConfigKey &k : keys) {
        const QString v = value(k.option);
        if (v.isEmpty())
            continue;
        if (k.section != section) {
            out += (out.isEmpty() ? QString() : QStringLiteral("\n")) + QLatin1Char('[') + k.section
                   + QStringLiteral("]\n");
            section = k.section;
        }
        out += k.key + QLatin1Char('=') + redactSecrets(v) + QLatin1Char('\n');
    }
    return out;
}

} // namespace op
