// RedisSinkSettings::fromUrl (what `ingest --redis URL` accepts) and redactUrl (what is shown).
#include "sinks/RedactUrl.h"
#include "sinks/RedisSinkSettings.h"

#include <QTest>

class TestRedisSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { qunsetenv(op::RedisSinkSettings::kPasswordVariable); }
    void parsesUrls_data();
    void parsesUrls();
    void rejectsBadUrls_data();
    void rejectsBadUrls();
    void passwordFromEnvironment();
    void redactsConnectionStrings_data();
    void redactsConnectionStrings();
};

void TestRedisSettings::parsesUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("db");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("redacted");
    QTest::newRow("host only") << "redis://cache.local" << "cache.local" << 6379 << 0 << "" << ""
                               << "redis://cache.local:6379";
    QTest::newRow("port and db") << "redis://127.0.0.1:6380/3" << "127.0.0.1" << 6380 << 3 << "" << ""
                                 << "redis://127.0.0.1:6380/3";
    QTest::newRow("password") << "redis://:pw@h:1" << "h" << 1 << 0 << "" << "pw" << "redis://:***@h:1";
    QTest::newRow("acl user") << "redis://alice:pw@h/2" << "h" << 6379 << 2 << "alice" << "pw"
                              << "redis://alice:***@h:6379/2";
    QTest::newRow("password only, no colon") << "redis://pw@h" << "h" << 6379 << 0 << "" << "pw"
                                             << "redis://:***@h:6379";
    QTest::newRow("percent-encoded") << "redis://u%40x:p%3Aw%40%25@h" << "h" << 6379 << 0 << "u@x" << "p:w@%"
                                     << "redis://u@x:***@h:6379";
    QTest::newRow("ipv6") << "redis://[::1]:7000" << "::1" << 7000 << 0 << "" << "" << "redis://[::1]:7000";
    QTest::newRow("empty host") << "redis://:6390" << "127.0.0.1" << 6390 << 0 << "" << ""
                                << "redis://127.0.0.1:6390";
}

void TestRedisSettings::parsesUrls()
{
    QFETCH(QString, url);
    const auto s = op::RedisSinkSettings::fromUrl(url.toStdString(), "p:");
    QVERIFY2(s, s ? "" : s.error().c_str());
    QTEST(QString::fromStdString(s->host), "host");
    QTEST(s->port, "port");
    QTEST(s->db, "db");
    QTEST(QString::fromStdString(s->user), "user");
    QTEST(QString::fromStdString(s->password), "password");
    QTEST(QString::fromStdString(s->redactedUrl()), "redacted");
    QCOMPARE(s->prefix, std::string("p:"));
}

void TestRedisSettings::rejectsBadUrls_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("says");
    QTest::newRow("tls") << "rediss://h:6379" << "TLS";
    QTest::newRow("other scheme") << "http://h" << "redis://";
    QTest::newRow("port text") << "redis://h:abc" << "port";
    QTest::newRow("port range") << "redis://h:70000" << "port";
    QTest::newRow("db text") << "redis://h/x" << "database";
    QTest::newRow("broken escape") << "redis://:p%4@h" << "password";
}

void TestRedisSettings::rejectsBadUrls()
{
    QFETCH(QString, url);
    QFETCH(QString, says);
    const auto s = op::RedisSinkSettings::fromUrl(url.toStdString());
    QVERIFY(!s);
    QVERIFY2(QString::fromStdString(s.error()).contains(says), s.error().c_str());
}

void TestRedisSettings::passwordFromEnvironment()
{
    qputenv(op::RedisSinkSettings::kPasswordVariable, "from-env");
    QCOMPARE(op::RedisSinkSettings::fromUrl("redis://h")->password, std::string("from-env"));
    // A password in the URL wins.
    QCOMPARE(op::RedisSinkSettings::fromUrl("redis://:url@h")->password, std::string("url"));
    QCOMPARE(op::RedisSinkSettings::fromUrl("redis://h")->redactedUrl(), std::string("redis://:***@h:6379"));
}

void TestRedisSettings::redactsConnectionStrings_data()
{
    QTest::addColumn<QString>("in");
    QTest::addColumn<QString>("out");
    QTest::newRow("postgres url") << "postgresql://op:secret@db:5432/orders"
                                  << "postgresql://op:***@db:5432/orders";
    QTest::newRow("no password") << "postgresql://op@db/orders" << "postgresql://op@db/orders";
    QTest::newRow("at in password") << "redis://:a@b@h:1/0" << "redis://:***@h:1/0";
    QTest::newRow("query") << "postgresql://db/x?sslmode=require&password=secret&x=1"
                           << "postgresql://db/x?sslmode=require&password=***&x=1";
    QTest::newRow("libpq key=value") << "host=db user=op password=secret dbname=x"
                                     << "host=db user=op password=*** dbname=x";
    QTest::newRow("libpq quoted") << "host=db password='s e\\'c' dbname=x" << "host=db password=*** dbname=x";
    QTest::newRow("upper case key") << "Host=db PASSWORD=secret" << "Host=db PASSWORD=***";
    QTest::newRow("kafka brokers") << "broker1:9092,broker2:9092" << "broker1:9092,broker2:9092";
}

void TestRedisSettings::redactsConnectionStrings()
{
    QFETCH(QString, in);
    QTEST(QString::fromStdString(op::redactUrl(in.toStdString())), "out");
}

QTEST_GUILESS_MAIN(TestRedisSettings)
#include "tst_redis_settings.moc"
