#include "common/DemoData.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace opui {

QString bundledDemoPath()
{
    const QString name = QStringLiteral("orders.ndjson");
    const QString installed =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../share/orderpulse/demo/") + name);
    if (QFileInfo(installed).isFile())
        return QFileInfo(installed).canonicalFilePath();
    const QString source = QStringLiteral(ORDERPULSE_SOURCE_DEMO_DIR "/") + name;
    if (QFileInfo(source).isFile())
        return source;
    return {};
}

} // namespace opui
