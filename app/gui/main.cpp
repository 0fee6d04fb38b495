// orderpulse: the desktop application. Parses arguments and opens the main window.
#include "MainWindow.h"
#include "common/DemoData.h"
#include "runtime/ReplayWorker.h"
#include "sinks/SqliteConnection.h"
#include "runtime/KafkaWorker.h"
#include "common/Language.h"
#include "common/Theme.h"
#include "kiosk/KioskController.h"
#include "kiosk/KioskPin.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QThread>
#include <QTimer>
#include <QSettings>

#include <cstdio>
#include <utility>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("orderpulse"));
    QApplication::setOrganizationName(QStringLiteral("OrderPulse"));
    QApplication::setApplicationDisplayName(QStringLiteral("OrderPulse"));
    QApplication::setApplicationVersion(QStringLiteral(ORDERPULSE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("OrderPulse: real-time order analytics"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption replay(QStringLiteral("replay"), QStringLiteral("Replay a dataset file."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption capture(QStringLiteral("capture"),
                                     QStringLiteral("Replay to the end (default: the bundled demo), write every "
                                                    "page as DIR/<page>.png at 1600x1000, and exit."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QStringLiteral("User interface language: ko or en (default: settings, then the system locale)."),
                                  QStringLiteral("LANG"));
    const QCommandLineOption database(QStringLiteral("database"),
                                      QStringLiteral("Store what is replayed in this SQLite file (default: "
                                                     "orderpulse.sqlite in the user's data folder)."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption noStore(QStringLiteral("no-store"), QStringLiteral("Store nothing."));
    const QCommandLineOption brokers(QStringLiteral("brokers"),
                                     QStringLiteral("Consume a Kafka topic instead of replaying: bootstrap brokers."),
                                     QStringLiteral("B"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Kafka topic (default orders)."),
                                   QStringLiteral("T"));
    const QCommandLineOption group(QStringLiteral("group"),
                                   QStringLiteral("Kafka consumer group (default orderpulse-gui)."), QStringLiteral("G"));
    parser.addOption(brokers);
    parser.addOption(topic);
    parser.addOption(group);
    parser.addOption(replay);
    parser.addOption(capture);
    parser.addOption(lang);
    parser.addOption(database);
    parser.addOption(noStore);
    const QCommandLineOption kiosk(QStringLiteral("kiosk"), QStringLiteral("Wall-screen mode: full screen, rotating pages."));
    const QCommandLineOption kioskInterval(QStringLiteral("kiosk-interval"),
                                           QStringLiteral("Seconds each page stays in kiosk mode (default 20)."),
                                           QStringLiteral("S"));
    const QCommandLineOption kioskPin(QStringLiteral("kiosk-pin"),
                                      QStringLiteral("PIN needed to leave kiosk mode (default: the one in settings)."),
                                      QStringLiteral("PIN"));
    const QCommandLineOption screen(QStringLiteral("screen"), QStringLiteral("Screen number for kiosk mode."),
                                    QStringLiteral("N"));
    parser.addOption(kiosk);
    parser.addOption(kioskInterval);
    parser.addOption(kioskPin);
    parser.addOption(screen);
    parser.process(app);

    if (parser.isSet(database) && parser.isSet(noStore)) {
        std::fprintf(stderr, "orderpulse: --database and --no-store exclude each other\n");
        return 2;
    }
    // Read by every replay worker the window makes; the store opens on the replay thread.
    // --capture renders pictures: it stores nothing unless told where (--database).
    if (parser.isSet(noStore) || (parser.isSet(capture) && !parser.isSet(database)))
        op::ReplayWorker::setDefaultDatabasePath(QString());
    else
        op::ReplayWorker::setDefaultDatabasePath(parser.isSet(database) ? parser.value(database)
                                                                        : op::defaultDatabasePath());

    if (parser.isSet(lang) && parser.value(lang) != QLatin1String("ko") && parser.value(lang) != QLatin1String("en")) {
        std::fprintf(stderr, "orderpulse: --lang must be ko or en\n");
        return 2;
    }

    opui::KioskOptions kioskOptions;
    bool intervalOk = true;
    if (parser.isSet(kioskInterval))
        kioskOptions.rotateMs = static_cast<int>(parser.value(kioskInterval).toDouble(&intervalOk) * 1000);
    if (!intervalOk || kioskOptions.rotateMs < 1000) {
        std::fprintf(stderr, "orderpulse: --kiosk-interval must be a number of seconds >= 1\n");
        return 2;
    }
    if (parser.isSet(screen))
        kioskOptions.screen = parser.value(screen).toInt();
    kioskOptions.pinHash = parser.isSet(kioskPin) ? opui::KioskPin::hash(parser.value(kioskPin)) : opui::KioskPin::stored();

    const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
    opui::Language::apply(parser.isSet(lang) ? parser.value(lang)
                          : saved.isEmpty()  ? opui::Language::systemLanguage()
                                             : saved);

    opui::Theme::apply(opui::Theme::fromString(QSettings().value(QStringLiteral("ui/theme")).toString()));

    QString path;
    if (parser.isSet(replay)) {
        path = parser.value(replay);
        if (!QFileInfo(path).isFile()) {
            std::fprintf(stderr, "orderpulse: cannot open '%s': no such file\n", qPrintable(path));
            return 2;
        }
    }

    opui::MainWindow window;
    if (parser.isSet(capture)) {
        if (path.isEmpty())
            path = opui::bundledDemoPath();
        if (path.isEmpty()) {
            std::fprintf(stderr, "orderpulse: the bundled demo dataset was not found; use --replay FILE\n");
            return 2;
        }
        const QString dir = parser.value(capture);
        QObject::connect(&window, &opui::MainWindow::replayFinished, &app,
                         [&window, dir](bool completed, const QString &error) {
                             if (!completed || !error.isEmpty()) {
                                 std::fprintf(stderr, "orderpulse: replay failed: %s\n", qPrintable(error));
                                 QApplication::exit(1);
                                 return;
                             }
                             QString why;
                             if (!window.capturePages(dir, QSize(1600, 1000), &why)) {
                                 std::fprintf(stderr, "orderpulse: %s\n", qPrintable(why));
                                 QApplication::exit(1);
                                 return;
                             }
                             QApplication::exit(0);
                         });
        window.resize(1600, 1000);
        if (parser.isSet(kiosk)) { // how the wall screen looks: no chrome, large type
            window.setChromeVisible(false);
            window.setFontScale(kioskOptions.fontScale);
        }
        window.show();
        window.startReplay({path});
        return QApplication::exec();
    }

    if (parser.isSet(kiosk)) {
        auto *controller = new opui::KioskController(&window, kioskOptions, &window);
        controller->start();
    } else {
        window.show();
    }
    if (parser.isSet(brokers)) {
        // Live: a KafkaWorker on its own thread feeds the window's snapshots (health included).
        op::KafkaSourceSettings kafka;
        kafka.client.brokers = parser.value(brokers).toStdString();
        kafka.topic = parser.isSet(topic) ? parser.value(topic).toStdString() : std::string("orders");
        kafka.groupId = parser.isSet(group) ? parser.value(group).toStdString() : std::string("orderpulse-gui");
        QThread thread;
        thread.setObjectName(QStringLiteral("ingest"));
        auto *worker = new op::KafkaWorker(kafka);
        worker->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        // Coalesced: the latest snapshot is drawn at most 25 times a second.
        SnapshotPtr pending;
        QTimer redraw;
        redraw.setInterval(40);
        QObject::connect(&redraw, &QTimer::timeout, &window, [&window, &pending] {
            if (pending)
                window.applySnapshot(std::exchange(pending, nullptr));
        });
        redraw.start();
        QObject::connect(worker, &op::KafkaWorker::snapshotReady, &window,
                         [&pending](SnapshotPtr snapshot) { pending = std::move(snapshot); });
        QObject::connect(worker, &op::KafkaWorker::finished, &window, [](bool completed, const QString &error) {
            if (!completed)
                std::fprintf(stderr, "orderpulse: Kafka: %s\n", qPrintable(error));
        });
        thread.start();
        QMetaObject::invokeMethod(worker, &op::KafkaWorker::run, Qt::QueuedConnection);
        const int code = QApplication::exec();
        worker->requestStop();
        thread.quit();
        thread.wait();
        return code;
    }
    if (!path.isEmpty())
        window.startReplay({path});
    return QApplication::exec();
}
