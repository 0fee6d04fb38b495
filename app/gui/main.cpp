// orderpulse: the desktop application. Parses arguments and opens the main window.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

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
    if (parser.isSet(replay))
        window.setDatasetPath(parser.value(replay));
    window.show();
    return QApplication::exec();
}
