#include "MainWindow.h"

#include "ReplayController.h"
#include "common/Format.h"
#include "pages/CustomersPage.h"
#include "pages/DeliveryPage.h"
#include "pages/FraudPage.h"
#include "pages/HealthPage.h"
#include "pages/OverviewPage.h"
#include "pages/RestaurantsPage.h"
#include "pages/TrendsPage.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace opui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_replay(new ReplayController(this))
{
    setWindowTitle(tr("OrderPulse"));
    setWindowIcon(QIcon(QStringLiteral(":/orderpulse/icon.svg")));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    m_nav = new QListWidget(central);
    m_stack = new QStackedWidget(central);
    m_pages = {new OverviewPage(m_stack), new TrendsPage(m_stack),  new CustomersPage(m_stack),
               new RestaurantsPage(m_stack), new DeliveryPage(m_stack), new FraudPage(m_stack),
               new HealthPage(m_stack)};
    m_renderedSequence.assign(m_pages.size(), -1);
    QFont navFont = m_nav->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.15);
    m_nav->setFont(navFont);
    m_nav->setSpacing(3);
    int navWidth = 0;
    const QFontMetrics fm(navFont);
    for (Page *p : m_pages) {
        m_stack->addWidget(p);
        m_nav->addItem(p->title());
        navWidth = std::max(navWidth, fm.horizontalAdvance(p->title()));
    }
    m_nav->setFixedWidth(navWidth + 40);
    m_nav->setCurrentRow(0);
    layout->addWidget(m_nav);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    connect(m_nav, &QListWidget::currentRowChanged, this, &MainWindow::showPage);

    buildToolBar();
    m_status = new QLabel(this);
    statusBar()->addWidget(m_status, 1);
    resize(1280, 800);

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(40);
    connect(&m_redraw, &QTimer::timeout, this, &MainWindow::render);
    connect(m_replay, &ReplayController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_replay, &ReplayController::progressChanged, this,
            [this](double fraction) { m_progress->setValue(static_cast<int>(fraction * 1000)); });
    connect(m_replay, &ReplayController::finished, this, [this](bool completed, const QString &error) {
        m_status->setText(error.isEmpty() ? (completed ? tr("Replay finished.") : tr("Replay stopped."))
                                          : tr("Could not replay: %1").arg(error));
        m_play->setEnabled(false);
        Q_EMIT replayFinished(completed, error);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Replay"));
    bar->setMovable(false);
    m_play = bar->addAction(tr("Pause"));
    m_play->setCheckable(true);
    m_play->setEnabled(false);
    m_play->setToolTip(tr("Pause or resume the replay"));
    connect(m_play, &QAction::toggled, this, [this](bool paused) {
        m_replay->setPaused(paused);
        m_play->setText(paused ? tr("Play") : tr("Pause"));
    });
    bar->addWidget(new QLabel(tr(" Speed: "), bar));
    m_speed = new QComboBox(bar);
    m_speed->addItem(tr("1×"), 1.0);
    m_speed->addItem(tr("10×"), 10.0);
    m_speed->addItem(tr("100×"), 100.0);
    m_speed->addItem(tr("Max"), 0.0);
    m_speed->setCurrentIndex(3);
    m_speed->setToolTip(tr("Event time per wall time"));
    bar->addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_replay->setSpeed(m_speed->itemData(index).toDouble()); });
    bar->addSeparator();
    m_progress = new QProgressBar(bar);
    m_progress->setRange(0, 1000);
    m_progress->setFormat(tr("%p %"));
    m_progress->setMaximumWidth(260);
    bar->addWidget(m_progress);
    bar->addSeparator();
    m_dataset = new QLabel(tr("No dataset open."), bar);
    bar->addWidget(m_dataset);
}

void MainWindow::startReplay(const QStringList &paths)
{
    QStringList names;
    for (const QString &p : paths)
        names << QFileInfo(p).fileName();
    m_dataset->setText(tr(" Dataset: %1").arg(names.join(QStringLiteral(", "))));
    m_status->setText(tr("Replaying…"));
    m_replay->setSpeed(m_speed->currentData().toDouble());
    m_play->setEnabled(true);
    m_replay->start(paths);
}

int MainWindow::currentPage() const
{
    return m_stack->currentIndex();
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= pageCount())
        return;
    if (m_nav->currentRow() != index)
        m_nav->setCurrentRow(index); // re-enters through currentRowChanged
    m_stack->setCurrentIndex(index);
    render();
}

void MainWindow::applySnapshot(SnapshotPtr snapshot)
{
    m_latest = std::move(snapshot);
    // Not from the worker: its sequence may repeat one already drawn.
    m_renderedSequence.assign(m_pages.size(), -1);
    render();
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
    const auto index = static_cast<std::size_t>(m_stack->currentIndex());
    if (m_renderedSequence[index] != s.sequence) {
        m_pages[index]->setSnapshot(s);
        m_renderedSequence[index] = s.sequence;
    }
    if (!s.sources.empty() && s.sources.front().progress >= 0)
        m_progress->setValue(static_cast<int>(s.sources.front().progress * 1000));
    if (s.maxEventTime > 0 && m_replay->isRunning())
        m_status->setText(tr("Replaying… event time %1 (KST)").arg(Format::dateTime(s.maxEventTime)));
}

bool MainWindow::capturePages(const QString &dir, QSize size, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = tr("cannot create directory '%1'").arg(dir);
        return false;
    }
    resize(size);
    for (int i = 0; i < pageCount(); ++i) {
        showPage(i);
        QApplication::processEvents();
        if (layout())
            layout()->activate();
        const QPixmap pixmap = grab();
        const QString path = QDir(dir).filePath(page(i)->captureName() + QStringLiteral(".png"));
        if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
            *error = tr("cannot write '%1'").arg(path);
            return false;
        }
    }
    showPage(Overview);
    return true;
}

} // namespace opui
