// CredentialStore against a real Secret Service (gnome-keyring in a private D-Bus session; the
// test re-executes itself through tests/scripts/with-keyring.sh): store, read back, delete; the
// secret appears in no settings file, no file under HOME, no log message and not in the command
// line; without a Secret Service the error says so in plain words and nothing is stored.
#include "TestPaths.h"
#include "runtime/CredentialStore.h"
#include "runtime/SecretResolver.h"
#include "sinks/RedactUrl.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <cstdio>
#include <unistd.h>

namespace {

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

// Files under `dir` whose bytes contain `needle`.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            found.append(path);
    }
    return found;
}

// The child mode of noSecretServiceSaysSo: one write and one read without a session bus.
int probeWithoutKeychain()
{
    op::CredentialStore store;
    const QString key = op::CredentialStore::postgresKey(QStringLiteral("op"), QStringLiteral("db"), 5432);
    const auto written = store.writeBlocking(key, qEnvironmentVariable("OP_PROBE_SECRET"), 10000);
    const auto read = store.readBlocking(key, 10000);
    std::printf("write:%d:%d:%s\n", written ? -1 : static_cast<int>(written.error().kind),
                written ? 0 : written.error().keychainCode, written ? "" : written.error().message.c_str());
    std::printf("read:%d:%d:%s\n", read ? -1 : static_cast<int>(read.error().kind),
                read ? 0 : read.error().keychainCode, read ? "" : read.error().message.c_str());
    return 0;
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void storeReadBackAndDelete();
    void secretLeaksNowhere();
    void resolverReadsEnvironmentAndKeychain();
    void errorsInPlainWords();
    void noSecretServiceSaysSo();

private:
    QString m_secret = QStringLiteral("pw-%1-비밀 \"x\"").arg(QUuid::createUuid().toString(QUuid::Id128));
    QString m_key =
        op::CredentialStore::postgresKey(QStringLiteral("orderpulse"), QStringLiteral("127.0.0.1"), 55432);
};

void TestKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("OP_KEYRING_SESSION"), "run through tests/scripts/with-keyring.sh");
    QVERIFY(!qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").isEmpty());
    // HOME is the script's temp dir, so the files scanned below are this run's only.
    QVERIFY(QDir::homePath().startsWith(QDir::tempPath()));
    g_previousHandler = qInstallMessageHandler(captureMessages);
}

void TestKeychain::storeReadBackAndDelete()
{
    op::CredentialStore store;
    std::optional<tl::expected<void, op::CredentialError>> written;
    store.write(m_key, m_secret, [&](const auto &r) { written = r; });
    QVERIFY(!written); // asynchronous: nothing before the event loop ran
    QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 15000);
    QVERIFY2(*written, written->has_value() ? "" : written->error().message.c_str());

    std::optional<tl::expected<QString, op::CredentialError>> read;
    store.read(m_key, [&](const auto &r) { read = r; });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 15000);
    QVERIFY(*read);
    QCOMPARE(**read, m_secret);

    // Another store object (another run of the app) finds it too; a different key does not.
    op::CredentialStore again;
    const auto blocking = again.readBlocking(m_key);
    QVERIFY(blocking);
    QCOMPARE(*blocking, m_secret);
    const auto other =
        again.readBlocking(op::CredentialStore::redisKey({}, QStringLiteral("127.0.0.1"), 6379));
    QVERIFY(!other);
    QCOMPARE(other.error().kind, op::CredentialError::Kind::NotFound);

    QVERIFY(store.removeBlocking(m_key));
    const auto gone = store.readBlocking(m_key);
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, op::CredentialError::Kind::NotFound);
    QVERIFY(QString::fromStdString(gone.error().message).contains(m_key));
}

void TestKeychain::secretLeaksNowhere()
{
    op::CredentialStore store;
    QVERIFY(store.writeBlocking(m_key, m_secret));
    const auto read = store.readBlocking(m_key);
    QVERIFY(read && *read == m_secret);

    // What the app keeps in its settings: the connection string (redacted) and the key.
    const std::string url = "postgresql://orderpulse:" + m_secret.toStdString() + "@127.0.0.1:55432/orders";
    {
        QSettings settings(QStringLiteral("OrderPulse"), QStringLiteral("OrderPulse"));
        settings.setValue(QStringLiteral("postgres/url"), QString::fromStdString(op::redactUrl(url)));
        settings.setValue(QStringLiteral("postgres/passwordKey"), m_key);
        settings.sync();
        QVERIFY(QFile::exists(settings.fileName()));
        QVERIFY(settings.fileName().startsWith(QDir::homePath()));
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.contains("postgres"));
        QVERIFY(!bytes.contains(m_secret.toUtf8()));
    }
    qInfo("connecting to %s", op::redactUrl(url).c_str());

    // No file under HOME holds it in plain text (the keyring file is encrypted), no message
    // logged by us or by QtKeychain holds it, and neither does the command line.
    QCOMPARE(filesContaining(QDir::homePath(), m_secret.toUtf8()), QStringList());
    QCOMPARE(filesContaining(QDir::homePath(), m_secret.toUtf8().toBase64()), QStringList());
    {
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_log.isEmpty());
        for (const QString &line : g_log)
            QVERIFY2(!line.contains(m_secret) &&
                         !line.contains(QString::fromUtf8(m_secret.toUtf8().toBase64())),
                     qPrintable(line));
    }
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(::getpid()));
    QVERIFY(cmdline.open(QIODevice::ReadOnly));
    const QByteArray args = cmdline.readAll();
    QVERIFY(args.contains("tst_keychain"));
    QVERIFY(!args.contains(m_secret.toUtf8()));
    QVERIFY(store.removeBlocking(m_key));
}

void TestKeychain::resolverReadsEnvironmentAndKeychain()
{
    op::CredentialStore store;
    const QString key =
        op::CredentialStore::kafkaKey(QStringLiteral("ingest"), QStringLiteral("b1:9092,b2:9092"));
    QVERIFY(store.writeBlocking(key, m_secret));
    const op::SecretResolver resolver(&store);

    qputenv(op::SecretResolver::kKafkaVariable, QByteArray("keychain:") + key.toUtf8());
    auto fromKeychain = resolver.fromEnvironment(op::SecretResolver::kKafkaVariable);
    QVERIFY(fromKeychain && *fromKeychain);
    QCOMPARE(QString::fromStdString(**fromKeychain), m_secret);

    qputenv(op::SecretResolver::kPostgresVariable, "plain-value");
    QCOMPARE(**resolver.fromEnvironment(op::SecretResolver::kPostgresVariable), std::string("plain-value"));
    qunsetenv(op::SecretResolver::kRedisVariable);
    QVERIFY(!*resolver.fromEnvironment(op::SecretResolver::kRedisVariable));

    QCOMPARE(QString::fromStdString(*resolver.resolve("keychain:" + key.toStdString())), m_secret);
    QCOMPARE(
        QString::fromStdString(*resolver.resolve(std::string("env:") + op::SecretResolver::kKafkaVariable)),
        m_secret);
    const auto missing = resolver.resolve("keychain:postgres:nobody@nowhere:1");
    QVERIFY(!missing);
    QVERIFY2(missing.error().find("No password for postgres:nobody@nowhere:1") != std::string::npos,
             missing.error().c_str());
    QVERIFY(!resolver.resolve("plain"));
    QVERIFY(!op::SecretResolver(nullptr).resolve("keychain:" + key.toStdString()));
    qunsetenv(op::SecretResolver::kKafkaVariable);
    qunsetenv(op::SecretResolver::kPostgresVariable);
    QVERIFY(store.removeBlocking(key));
}

void TestKeychain::errorsInPlainWords()
{
    const QString key = QStringLiteral("redis:@h:1");
    const auto locked = op::CredentialError::fromKeychain(4, QStringLiteral("Collection is locked"), key);
    QCOMPARE(locked.kind, op::CredentialError::Kind::Locked);
    QVERIFY(QString::fromStdString(locked.message).contains(QStringLiteral("locked")));
    QVERIFY(QString::fromStdString(locked.message)
                .contains(QStringLiteral("asks for the password each session")));
    for (const int code : {5, 6, 7}) {
        const auto none = op::CredentialError::fromKeychain(code, {}, key);
        QCOMPARE(none.kind, op::CredentialError::Kind::Unavailable);
        QVERIFY(QString::fromStdString(none.message).startsWith(QStringLiteral("No keychain is available")));
        QVERIFY(
            QString::fromStdString(none.message).contains(QStringLiteral("never stores it in plain text")));
    }
    QCOMPARE(op::CredentialError::fromKeychain(1, {}, key).kind, op::CredentialError::Kind::NotFound);
    QCOMPARE(op::CredentialError::fromKeychain(2, {}, key).kind, op::CredentialError::Kind::Other);
}

void TestKeychain::noSecretServiceSaysSo()
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("OP_KEYCHAIN_PROBE"), QStringLiteral("1"));
    env.insert(QStringLiteral("OP_PROBE_SECRET"), m_secret);
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=%1/no-bus").arg(home.path()));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitCode(), 0);
    const QString out = QString::fromUtf8(child.readAllStandardOutput());
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    const QString unavailable = QString::number(static_cast<int>(op::CredentialError::Kind::Unavailable));
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(':'));
        QVERIFY2(f.size() >= 4, qPrintable(line));
        QCOMPARE(f[1], unavailable);
        QVERIFY2(f[2] == QLatin1String("7") || f[2] == QLatin1String("5"), qPrintable(line));
        QVERIFY2(line.contains(QStringLiteral("No keychain is available")), qPrintable(line));
    }
    // No insecure fallback: nothing was written anywhere under the child's HOME.
    QCOMPARE(filesContaining(home.path(), m_secret.toUtf8()), QStringList());
    QVERIFY(!QString::fromUtf8(child.readAllStandardError()).contains(m_secret));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsSet("OP_KEYCHAIN_PROBE")) {
        QCoreApplication app(argc, argv);
        return probeWithoutKeychain();
    }
    if (!qEnvironmentVariableIsSet("OP_KEYRING_SESSION")) {
        // Re-executed inside a private session bus with an unlocked keyring (see the script).
        const QByteArray script =
            optest::sourcePath(QStringLiteral("tests/scripts/with-keyring.sh")).toLocal8Bit();
        std::vector<char *> args{const_cast<char *>("sh"), const_cast<char *>(script.constData())};
        for (int i = 0; i < argc; ++i)
            args.push_back(argv[i]);
        args.push_back(nullptr);
        ::execv("/bin/sh", args.data());
        std::perror("execv /bin/sh");
        return 2;
    }
    QCoreApplication app(argc, argv);
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
