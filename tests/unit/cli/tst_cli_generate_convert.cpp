// generate and convert, run as a user runs them: determinism, every format, bad records, exit codes.
#include "CliRunner.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace optest;

namespace {

// "converted N records from X to Y, quarantined M"
bool parseCounts(const QByteArray &err, qint64 &converted, qint64 &quarantined)
{
    static const QRegularExpression re(QStringLiteral("converted (\\d+) records from \\w+ to \\w+, quarantined (\\d+)"));
    const auto m = re.match(QString::fromUtf8(err));
    if (!m.hasMatch())
        return false;
    converted = m.captured(1).toLongLong();
    quarantined = m.captured(2).toLongLong();
    return true;
}

qint64 parseMalformed(const QByteArray &err)
{
    static const QRegularExpression re(QStringLiteral("(\\d+) malformed"));
    const auto m = re.match(QString::fromUtf8(err));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

} // namespace

class TestCliGenerateConvert : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const QString &name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void generateIsDeterministic()
    {
        for (const QString &name : {QStringLiteral("a.ndjson"), QStringLiteral("b.ndjson")}) {
            const CliResult r = runCli({"generate", "-o", path(name), "--orders", "3000", "--seed", "7", "--bad-rate", "0.02"});
            QVERIFY2(r.exitCode == 0, r.err.constData());
        }
        const QByteArray a = readAll(path("a.ndjson"));
        QVERIFY(a.size() > 3000 * 200);
        QCOMPARE(readAll(path("b.ndjson")), a);
        const CliResult other = runCli({"generate", "-o", path("c.ndjson"), "--orders", "3000", "--seed", "8"});
        QCOMPARE(other.exitCode, 0);
        QVERIFY(readAll(path("c.ndjson")) != a);
        // Standard output gives the same bytes.
        const CliResult toStdout = runCli({"generate", "-o", "-", "--orders", "3000", "--seed", "7", "--bad-rate", "0.02"});
        QCOMPARE(toStdout.exitCode, 0);
        QCOMPARE(toStdout.out, a);
    }

    void badRecordsAreQuarantinedInEveryFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("lifecycle");
        for (const char *f : {"ndjson", "csv", "xml", "log"}) {
            QTest::newRow(f) << QString::fromLatin1(f) << false;
            QTest::newRow(qPrintable(QStringLiteral("%1 lifecycle").arg(QLatin1String(f)))) << QString::fromLatin1(f) << true;
        }
    }
    void badRecordsAreQuarantinedInEveryFormat()
    {
        QFETCH(QString, format);
        QFETCH(bool, lifecycle);
        const QString in = path(QStringLiteral("bad%1.%2").arg(lifecycle ? "L" : "").arg(format));
        QStringList genArgs{"generate", "-o", in, "--orders", "2000", "--seed", "11", "--bad-rate", "0.05"};
        if (lifecycle)
            genArgs << "--lifecycle";
        const CliResult gen = runCli(genArgs);
        QVERIFY2(gen.exitCode == 0, gen.err.constData());
        const qint64 malformed = parseMalformed(gen.err);
        QVERIFY2(malformed >= 80, gen.err.constData()); // ~5 % of 2000, every kind represented

        // Count good records the plain way: a clean twin of the same dataset.
        QStringList cleanArgs{"generate", "-o", path("clean.ndjson"), "--orders", "2000", "--seed", "11"};
        if (lifecycle)
            cleanArgs << "--lifecycle";
        QCOMPARE(runCli(cleanArgs).exitCode, 0);
        const qint64 goodRecords = readAll(path("clean.ndjson")).count('\n');

        const CliResult conv = runCli({"convert", in, "-o", path("out.ndjson")});
        QVERIFY2(conv.exitCode == 0, conv.err.constData());
        qint64 converted = 0, quarantined = 0;
        QVERIFY2(parseCounts(conv.err, converted, quarantined), conv.err.constData());
        QCOMPARE(quarantined, malformed);
        QCOMPARE(converted, goodRecords);
        QVERIFY(conv.err.contains("quarantined: "));
    }

    void roundTripsKeepEveryField_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<bool>("lifecycle");
        for (const char *f : {"csv", "xml"}) {
            QTest::newRow(f) << QString::fromLatin1(f) << false;
            QTest::newRow(qPrintable(QStringLiteral("%1 lifecycle").arg(QLatin1String(f)))) << QString::fromLatin1(f) << true;
        }
    }
    void roundTripsKeepEveryField()
    {
        QFETCH(QString, format);
        QFETCH(bool, lifecycle);
        QStringList genArgs{"generate", "-o", path("orig.ndjson"), "--orders", "3000", "--seed", "5"};
        if (lifecycle)
            genArgs << "--lifecycle";
        QCOMPARE(runCli(genArgs).exitCode, 0);
        const QString mid = path("mid." + format);
        const CliResult there = runCli({"convert", path("orig.ndjson"), "-o", mid});
        QVERIFY2(there.exitCode == 0, there.err.constData());
        const CliResult back = runCli({"convert", mid, "-o", path("back.ndjson")});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        QCOMPARE(readAll(path("back.ndjson")), readAll(path("orig.ndjson")));
    }

    void logCarriesItsFields()
    {
        QCOMPARE(runCli({"generate", "-o", path("l.ndjson"), "--orders", "500", "--seed", "9"}).exitCode, 0);
        QCOMPARE(runCli({"convert", path("l.ndjson"), "-o", path("l.log")}).exitCode, 0);
        const CliResult back = runCli({"convert", path("l.log"), "-o", path("l2.ndjson")});
        QVERIFY2(back.exitCode == 0, back.err.constData());
        qint64 converted = 0, quarantined = 0;
        QVERIFY(parseCounts(back.err, converted, quarantined));
        QCOMPARE(converted, qint64(500));
        QCOMPARE(quarantined, qint64(0));
        // order_id, event_time, customer_id, merchant_id, amount, status and ip survive exactly.
        const QList<QByteArray> a = readAll(path("l.ndjson")).split('\n');
        const QList<QByteArray> b = readAll(path("l2.ndjson")).split('\n');
        QCOMPARE(a.size(), b.size());
        static const QRegularExpression keys(QStringLiteral(
            "\"(order_id|event_time|customer_id|merchant_id|amount|status|ip)\":(\"[^\"]*\"|[0-9]+)"));
        for (int i = 0; i < a.size(); ++i) {
            QStringList ka, kb;
            for (auto it = keys.globalMatch(QString::fromUtf8(a[i])); it.hasNext();)
                ka << it.next().captured(0);
            for (auto it = keys.globalMatch(QString::fromUtf8(b[i])); it.hasNext();)
                kb << it.next().captured(0);
            QCOMPARE(kb, ka);
        }
    }

    void exitCodes()
    {
        QCOMPARE(runCli({}).exitCode, 2);
        QCOMPARE(runCli({"frobnicate"}).exitCode, 2);
        QCOMPARE(runCli({"--version"}).exitCode, 0);
        const CliResult help = runCli({"--help"});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("generate") && help.out.contains("convert"));
        QCOMPARE(runCli({"generate", "--help"}).exitCode, 0);
        QCOMPARE(runCli({"generate", "--orders", "10"}).exitCode, 2); // no -o
        QCOMPARE(runCli({"generate", "-o", path("x"), "--orders", "ten"}).exitCode, 2);
        QCOMPARE(runCli({"generate", "-o", path("x"), "--format", "yaml"}).exitCode, 2);
        QCOMPARE(runCli({"generate", "-o", path("x"), "--bogus"}).exitCode, 2);
        const CliResult missing = runCli({"convert", path("does-not-exist.ndjson"), "-o", path("y.csv")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains("no such file"));
        QCOMPARE(missing.err.count('\n'), 1); // one clear line
        QCOMPARE(runCli({"convert", path("a.ndjson")}).exitCode, 2);
        QCOMPARE(runCli({"generate", "-o", "/proc/forbidden/x.ndjson", "--orders", "1"}).exitCode, 1);
    }

    void emptyInputConvertsToNothing()
    {
        QFile empty(path("empty.ndjson"));
        QVERIFY(empty.open(QIODevice::WriteOnly));
        empty.close();
        const CliResult r = runCli({"convert", path("empty.ndjson"), "-o", path("empty.csv")});
        QCOMPARE(r.exitCode, 0);
        qint64 converted = -1, quarantined = -1;
        QVERIFY(parseCounts(r.err, converted, quarantined));
        QCOMPARE(converted, qint64(0));
        QCOMPARE(quarantined, qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestCliGenerateConvert)
#include "tst_cli_generate_convert.moc"
