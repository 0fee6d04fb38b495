// The malformed CSV corpus: tests/data/malformed/csv/manifest.json lists, per file, the exact
// quarantine records (line, offset, reason) and how many events survive around them.
#include "CollectingHandler.h"
#include "TestPaths.h"
#include "io/CsvDecoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace op;

namespace {

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonArray manifestFiles()
{
    const QByteArray bytes = readFile(optest::dataPath(QStringLiteral("malformed/csv/manifest.json")));
    return QJsonDocument::fromJson(bytes).object().value(QStringLiteral("files")).toArray();
}

struct Outcome
{
    optest::CollectingHandler handler;
    std::int64_t accepted = 0;
    std::int64_t quarantined = 0;
    std::int64_t skipped = 0;
};

Outcome run(const CsvMapping &mapping, const QByteArray &bytes, bool bytewise)
{
    ValidationRules rules;
    rules.nowMs = 1780272000000; // 2026-06-01T00:00:00Z
    CsvDecoder decoder(mapping, rules);
    Outcome out;
    decoder.begin("corpus", out.handler);
    const std::string_view all(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    if (bytewise) {
        for (std::size_t i = 0; i < all.size(); ++i)
            decoder.feed(all.substr(i, 1));
    } else {
        decoder.feed(all);
    }
    decoder.finish();
    out.accepted = decoder.accepted();
    out.quarantined = decoder.quarantined();
    out.skipped = decoder.skipped();
    return out;
}

} // namespace

class TestCsvMalformed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCorpusFileIsInTheManifest()
    {
        QStringList listed;
        for (const QJsonValue &f : manifestFiles())
            listed << f.toObject().value(QStringLiteral("file")).toString();
        const QStringList present = QDir(optest::dataPath(QStringLiteral("malformed/csv")))
                                        .entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name);
        QVERIFY(present.size() >= 12);
        listed.sort();
        QCOMPARE(listed, present);
    }

    void corpusGivesExactlyTheManifestRecords_data()
    {
        QTest::addColumn<QJsonObject>("entry");
        QTest::addColumn<bool>("bytewise");
        for (const QJsonValue &f : manifestFiles()) {
            const QJsonObject o = f.toObject();
            const QByteArray name = o.value(QStringLiteral("file")).toString().toUtf8();
            QTest::newRow(name + " whole") << o << false;
            QTest::newRow(name + " bytewise") << o << true;
        }
    }
    void corpusGivesExactlyTheManifestRecords()
    {
        QFETCH(QJsonObject, entry);
        QFETCH(bool, bytewise);
        const QString mappingName = entry.value(QStringLiteral("mapping")).toString();
        CsvMapping mapping = CsvMapping::builtin();
        if (mappingName != QStringLiteral("builtin")) {
            auto loaded = CsvMapping::fromFile(optest::dataPath(mappingName));
            QVERIFY2(loaded.has_value(), loaded ? "" : loaded.error().c_str());
            mapping = std::move(*loaded);
        }
        const QByteArray bytes = readFile(optest::dataPath(QStringLiteral("malformed/csv/") +
                                                           entry.value(QStringLiteral("file")).toString()));
        QVERIFY(!bytes.isEmpty());
        const Outcome out = run(mapping, bytes, bytewise);

        const QJsonArray expected = entry.value(QStringLiteral("quarantine")).toArray();
        QCOMPARE(out.handler.quarantine.size(), static_cast<std::size_t>(expected.size()));
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject want = expected[i].toObject();
            const QuarantineRecord &got = out.handler.quarantine[static_cast<std::size_t>(i)];
            QCOMPARE(QString::fromStdString(got.reason), want.value(QStringLiteral("reason")).toString());
            QCOMPARE(got.line, want.value(QStringLiteral("line")).toInteger());
            QCOMPARE(got.offset, want.value(QStringLiteral("offset")).toInteger());
            QCOMPARE(got.source, std::string("corpus"));
            QVERIFY(!got.raw.empty());
        }
        QCOMPARE(out.accepted, entry.value(QStringLiteral("accepted")).toInteger());
        QCOMPARE(static_cast<qint64>(out.handler.events.size()),
                 entry.value(QStringLiteral("accepted")).toInteger());
        QCOMPARE(out.quarantined, static_cast<std::int64_t>(expected.size()));
        QCOMPARE(out.skipped, entry.value(QStringLiteral("skipped")).toInteger(0));
    }
};

QTEST_GUILESS_MAIN(TestCsvMalformed)
#include "tst_csvmalformed.moc"
