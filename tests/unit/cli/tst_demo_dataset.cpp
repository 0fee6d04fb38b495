// The bundled demo data is exactly what the documented generate command writes, and analyses cleanly.
#include "CliRunner.h"
#include "TestPaths.h"

#include <QTest>

using namespace optest;

class TestDemoDataset : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void demoIsTheDocumentedGeneratorOutput()
    {
        const QByteArray committed = readAll(sourcePath(QStringLiteral("resources/demo/orders.ndjson")));
        QVERIFY(!committed.isEmpty());
        const CliResult r = runCli({"generate", "-o", "-", "--orders", "8000", "--customers", "1000", "--merchants",
                                    "60", "--days", "7", "--seed", "2026"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out == committed, "resources/demo/orders.ndjson is stale: run the command in resources/demo/README.md");
    }

    void demoAnalysesWithoutQuarantine()
    {
        const CliResult r = runCli({"analyze", sourcePath(QStringLiteral("resources/demo/orders.ndjson")), "--json", "-"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("\"accepted\":8000,\"quarantined\":0"));
        QVERIFY(r.out.contains("\"rule\":\"ip_velocity\""));
        QVERIFY(r.out.contains("\"rule\":\"high_value\""));
    }
};

QTEST_GUILESS_MAIN(TestDemoDataset)
#include "tst_demo_dataset.moc"
