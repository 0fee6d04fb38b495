// Headless workers' configuration files: INI keys become options, the command line wins, secrets
// are refused, and --print-config redacts.
#include "runtime/ConfigFile.h"

#include <QCommandLineParser>
#include <QTemporaryDir>
#include <QTest>

using namespace op;

namespace {

const std::vector<ConfigKey> kKeys = {
    {QStringLiteral("kafka"), QStringLiteral("brokers"), QStringLiteral("brokers")},
    {QStringLiteral("kafka"), QStringLiteral("topic"), QStringLiteral("topic")},
    {QStringLiteral("postgres"), QStringLiteral("url"), QStringLiteral("postgres")},
    {QStringLiteral("metrics"), QStringLiteral("port"), QStringLiteral("metrics-port")},
    {QStringLiteral("engine"), QStringLiteral("verbose"), QStringLiteral("verbose"), true},
};

QString writeFile(const QTemporaryDir &dir, const QByteArray &text)
{
    const QString path = dir.filePath(QStringLiteral("ingest.ini"));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(text);
    return path;
}

} // namespace

class TestConfigFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keysBecomeOptionsAndTheCommandLineWins()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, "[kafka]\nbrokers=127.0.0.1:9092,127.0.0.1:9093\ntopic=orders\n"
                                            "[postgres]\nurl=postgresql://op@db:5432/orders\n"
                                            "[metrics]\nport=9464\n[engine]\nverbose=true\n");
        auto args = configFileArguments(path, kKeys);
        QVERIFY2(args.has_value(), args ? "" : qPrintable(args.error()));
        QVERIFY(args->contains(QStringLiteral("--brokers=127.0.0.1:9092,127.0.0.1:9093")));
        QVERIFY(args->contains(QStringLiteral("--verbose")));

        QCommandLineParser p;
        p.addOptions({{QStringLiteral("brokers"), QString(), QStringLiteral("B")},
                      {QStringLiteral("topic"), QString(), QStringLiteral("T")},
                      {QStringLiteral("postgres"), QString(), QStringLiteral("URL")},
                      {QStringLiteral("metrics-port"), QString(), QStringLiteral("P")},
                      {QStringLiteral("verbose"), QString()}});
        QStringList all{QStringLiteral("ingest")};
        all << *args << QStringLiteral("--topic") << QStringLiteral("other");
        QVERIFY(p.parse(all));
        QCOMPARE(p.value(QStringLiteral("topic")), QStringLiteral("other")); // typed wins
        QCOMPARE(p.value(QStringLiteral("metrics-port")), QStringLiteral("9464"));
        QVERIFY(p.isSet(QStringLiteral("verbose")));
    }

    void unknownKeysBadFlagsAndSecretsAreErrors()
    {
        QTemporaryDir dir;
        auto r = configFileArguments(writeFile(dir, "[kafka]\nbrokres=x\n"), kKeys);
        QVERIFY(!r);
        QVERIFY2(r.error().contains(QLatin1String("[kafka] brokres: unknown setting")), qPrintable(r.error()));

        r = configFileArguments(writeFile(dir, "[engine]\nverbose=maybe\n"), kKeys);
        QVERIFY(!r);
        QVERIFY(r.error().contains(QLatin1String("expected true or false")));

        r = configFileArguments(writeFile(dir, "[postgres]\npassword=hunter2\n"), kKeys);
        QVERIFY(!r);
        QVERIFY(r.error().contains(QLatin1String("ORDERPULSE_PG_PASSWORD")));
        QVERIFY(!r.error().contains(QLatin1String("hunter2")));

        r = configFileArguments(writeFile(dir, "[postgres]\nurl=postgresql://op:hunter2@db/orders\n"), kKeys);
        QVERIFY(!r);
        QVERIFY(!r.error().contains(QLatin1String("hunter2")));

        r = configFileArguments(dir.filePath(QStringLiteral("missing.ini")), kKeys);
        QVERIFY(!r);
        QVERIFY(r.error().contains(QLatin1String("does not exist")));
    }

    void printConfigRedactsPasswords()
    {
        const QString text = printConfig(kKeys, [](const QString &option) {
            if (option == QLatin1String("postgres"))
                return QStringLiteral("postgresql://op:hunter2@db:5432/orders?sslmode=require");
            if (option == QLatin1String("brokers"))
                return QStringLiteral("k1:9092");
            return QString();
        });
        QCOMPARE(text, QStringLiteral("[kafka]\nbrokers=k1:9092\n\n[postgres]\nurl=postgresql://op:***@db:5432/orders?sslmode=require\n"));
        QCOMPARE(redactSecrets(QStringLiteral("host=db password=x1 user=op")), QStringLiteral("host=db password=*** user=op"));
        QCOMPARE(redactSecrets(QStringLiteral("redis://:pw@127.0.0.1:6379/0")), QStringLiteral("redis://:***@127.0.0.1:6379/0"));
        QCOMPARE(redactSecrets(QStringLiteral("redis://127.0.0.1:6379/0")), QStringLiteral("redis://127.0.0.1:6379/0"));
    }
};

QTEST_GUILESS_MAIN(TestConfigFile)
#include "tst_config_file.moc"
