// orderpulse: the desktop application. Parses arguments and opens the main window.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>

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
    parser.addOption(replay);
    parser.process(app);

    opui::MainWindow window;
    window.show();
    if (parser.isSet(replay)) {
        const QString path = parser.value(replay);
        if (!QFileInfo(path).isFile()) {
            std::fprintf(stderr, "orderpulse: cannot open '%s': no such file\n", qPrintable(path));
            return 2;
        }
        window.startReplay({path});
    }
    return QApplication::exec();
}
