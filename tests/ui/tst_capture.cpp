// `orderpulse --capture DIR` run as a user would: it replays the bundled demo to the end and
// writes the seven pages as 1600x1000 PNGs, under the offscreen platform.
#include "TestPaths.h"

#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class TestCapture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void capturesEveryPage();
    void rejectsBadArguments();
};

namespace {

int runGui(const QStringList &args, QByteArray *errors = nullptr)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(OP_GUI_PATH), args);
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (errors)
        *errors = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace

void TestCapture::capturesEveryPage()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("shots"));
    QByteArray errors;
    QCOMPARE(runGui({QStringLiteral("--capture"), out, QStringLiteral("--lang"), QStringLiteral("en")}, &errors), 0);
    for (const char *name : {"overview", "trends", "customers", "restaurants", "delivery", "fraud", "health"}) {
        const QString path = out + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png");
        QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        QCOMPARE(image.size(), QSize(1600, 1000));
        // Not a blank picture: a page with text and charts has many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 8, name);
    }
}

void TestCapture::rejectsBadArguments()
{
    QTemporaryDir dir;
    QCOMPARE(runGui({QStringLiteral("--capture"), dir.path(), QStringLiteral("--replay"),
                     dir.filePath(QStringLiteral("missing.ndjson"))}),
             2);
    QCOMPARE(runGui({QStringLiteral("--capture"), dir.path(), QStringLiteral("--lang"), QStringLiteral("fr")}), 2);
}

QTEST_MAIN(TestCapture)
#include "tst_capture.moc"
