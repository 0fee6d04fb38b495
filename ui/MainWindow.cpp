#include "MainWindow.h"

#include <QLabel>
#include <QVBoxLayout>

namespace opui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("OrderPulse"));
    setWindowIcon(QIcon(QStringLiteral(":/orderpulse/icon.svg")));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *title = new QLabel(tr("OrderPulse"), central);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 2.0);
    f.setBold(true);
    title->setFont(f);
    m_status = new QLabel(tr("No dataset open."), central);
    m_status->setWordWrap(true);
    layout->addWidget(title);
    layout->addWidget(m_status);
    layout->addStretch(1);
    setCentralWidget(central);
    resize(1280, 800);
}

void MainWindow::setDatasetPath(const QString &path)
{
    m_status->setText(tr("Dataset: %1").arg(path));
}

} // namespace opui
