#include "MainWindow.h"

#include "ReplayController.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace opui {

namespace {

QLabel *addTile(QGridLayout *grid, int row, int col, const QString &title)
{
    auto *box = new QWidget;
    auto *v = new QVBoxLayout(box);
    auto *caption = new QLabel(title, box);
    auto *value = new QLabel(QStringLiteral("–"), box);
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * 2.2);
    f.setBold(true);
    value->setFont(f);
    v->addWidget(caption);
    v->addWidget(value);
    grid->addWidget(box, row, col);
    return value;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_replay(new ReplayController(this))
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
    m_dataset = new QLabel(tr("No dataset open."), central);
    m_progress = new QProgressBar(central);
    m_progress->setRange(0, 1000);
    auto *grid = new QGridLayout;
    m_orders = addTile(grid, 0, 0, tr("Orders"));
    m_sales = addTile(grid, 0, 1, tr("Sales (₩)"));
    m_aov = addTile(grid, 0, 2, tr("Average order (₩)"));
    m_customers = addTile(grid, 1, 0, tr("Customers"));
    m_alerts = addTile(grid, 1, 1, tr("Fraud alerts"));
    m_rate = addTile(grid, 1, 2, tr("Events per second"));
    m_status = new QLabel(central);
    layout->addWidget(title);
    layout->addWidget(m_dataset);
    layout->addWidget(m_progress);
    layout->addLayout(grid);
    layout->addWidget(m_status);
    layout->addStretch(1);
    setCentralWidget(central);
    resize(1280, 800);

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(40);
    connect(&m_redraw, &QTimer::timeout, this, &MainWindow::render);
    connect(m_replay, &ReplayController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_replay, &ReplayController::finished, this, [this](bool completed, const QString &error) {
        m_status->setText(error.isEmpty() ? (completed ? tr("Replay finished.") : tr("Replay stopped."))
                                          : tr("Could not replay: %1").arg(error));
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::startReplay(const QStringList &paths)
{
    QStringList names;
    for (const QString &p : paths)
        names << QFileInfo(p).fileName();
    m_dataset->setText(tr("Dataset: %1").arg(names.join(QStringLiteral(", "))));
    m_status->setText(tr("Replaying…"));
    m_replay->start(paths);
}

void MainWindow::onSnapshot(SnapshotPtr snapshot)
{
    m_latest = std::move(snapshot);
    if (!m_redraw.isActive())
        m_redraw.start();
}

void MainWindow::render()
{
    if (!m_latest)
        return;
    const op::Snapshot &s = *m_latest;
    const QLocale locale;
    m_orders->setText(locale.toString(static_cast<qlonglong>(s.totals.orders)));
    m_sales->setText(locale.toString(static_cast<qlonglong>(s.totals.sales)));
    m_aov->setText(locale.toString(static_cast<qlonglong>(s.totals.avgOrderValue)));
    m_customers->setText(locale.toString(static_cast<qlonglong>(s.totals.customers)));
    m_alerts->setText(locale.toString(static_cast<qlonglong>(s.openAlerts)));
    if (!s.sources.empty()) {
        m_rate->setText(locale.toString(static_cast<qlonglong>(s.sources.front().messagesPerSecond)));
        if (s.sources.front().progress >= 0)
            m_progress->setValue(static_cast<int>(s.sources.front().progress * 1000));
    }
}

} // namespace opui
