#include "MainWindow.h"

#include "ReplayController.h"
#include "common/AlertLedger.h"
#include "common/Exporter.h"
#include "common/Format.h"
#include "common/Language.h"
#include "common/Theme.h"
#include "kiosk/KioskPin.h"
#include "pages/CustomersPage.h"
#include "pages/DeliveryPage.h"
#include "pages/FraudPage.h"
#include "pages/HealthPage.h"
#include "pages/OverviewPage.h"
#include "pages/RestaurantsPage.h"
#include "pages/TrendsPage.h"
#include "widgets/ChartKit.h"
#include "widgets/FilterBar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPixmap>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

// The icon's resource lives in the static orderpulse_ui library, where nothing refers to its
// initializer: the linker drops it unless it is called by name (outside any namespace).
static void initUiResources()
{
    Q_INIT_RESOURCE(orderpulse);
}

namespace opui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_replay(new ReplayController(this))
    , m_alerts(new AlertLedger(this))
{
    initUiResources();
    setWindowIcon(QIcon(QStringLiteral(":/orderpulse/icon.svg")));
    buildUi();
    resize(1280, 800);

    m_redraw.setSingleShot(true);
    m_redraw.setInterval(40);
    connect(&m_redraw, &QTimer::timeout, this, &MainWindow::render);
    m_staleTimer.setInterval(1000);
    connect(&m_staleTimer, &QTimer::timeout, this, &MainWindow::checkStale);
    setStaleWatch(kStaleAfterMs, false); // the kiosk makes it stricter
    connect(m_alerts, &AlertLedger::changed, this, &MainWindow::updateAlertBadge);
    // Desktop notifications where a system tray exists (not under offscreen or a bare X server).
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(windowIcon(), this);
        m_tray->setToolTip(QStringLiteral("OrderPulse"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            showNormal();
            activateWindow();
            showPage(Fraud);
        });
    }
    m_notifyTimer.setSingleShot(true);
    m_notifyTimer.setInterval(3000);
    connect(&m_notifyTimer, &QTimer::timeout, this, &MainWindow::notifyAlerts);
    connect(m_alerts, &AlertLedger::newAlert, this, [this] {
        ++m_newAlerts;
        if (!m_notifyTimer.isActive())
            m_notifyTimer.start();
    });
    connect(m_replay, &ReplayController::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_replay, &ReplayController::progressChanged, this,
            [this](double fraction) { m_progress->setValue(static_cast<int>(fraction * 1000)); });
    connect(m_replay, &ReplayController::finished, this, [this](bool completed, const QString &error) {
        m_statusText = error.isEmpty() ? (completed ? tr("Replay finished.") : tr("Replay stopped."))
                                       : tr("Could not replay: %1").arg(error);
        m_status->setText(m_statusText);
        m_play->setEnabled(false);
        Q_EMIT replayFinished(completed, error);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::buildUi()
{
    setWindowTitle(tr("OrderPulse"));
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    m_banner = new QLabel(central);
    m_banner->setObjectName(QStringLiteral("staleBanner"));
    m_banner->setAlignment(Qt::AlignCenter);
    m_banner->setStyleSheet(QStringLiteral("QLabel#staleBanner { background: #B71C1C; color: white; font-weight: bold; padding: 6px; }"));
    m_banner->hide();
    outer->addWidget(m_banner);
    m_filterBar = new FilterBar(central);
    m_filterBar->setFilter(m_filter, static_cast<FilterBar::Period>(m_filterPeriod));
    m_filterBar->setVisible(m_chromeVisible);
    connect(m_filterBar, &FilterBar::filterChanged, this, [this](const op::EventFilter &f) {
        m_filterPeriod = m_filterBar->period();
        setFilter(f);
    });
    outer->addWidget(m_filterBar);
    m_pageTitle = new QLabel(central);
    QFont titleFont = m_pageTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_pageTitle->setFont(titleFont);
    m_pageTitle->setContentsMargins(10, 6, 10, 0);
    m_pageTitle->setVisible(!m_chromeVisible);
    outer->addWidget(m_pageTitle);
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    outer->addLayout(row, 1);

    m_nav = new QListWidget(central);
    m_stack = new QStackedWidget(central);
    m_pages = {new OverviewPage(m_stack),    new TrendsPage(m_stack),   new CustomersPage(m_stack),
               new RestaurantsPage(m_stack), new DeliveryPage(m_stack), new FraudPage(m_stack, m_alerts),
               new HealthPage(m_stack)};
    m_renderedSequence.assign(m_pages.size(), -1);
    connect(static_cast<RestaurantsPage *>(m_pages[Restaurants]), &RestaurantsPage::filterRequested, this,
            [this](const QString &merchantId) {
                op::EventFilter f = m_filter;
                f.merchantId = merchantId.toStdString();
                setFilter(f);
                showPage(Overview);
            });
    QFont navFont = m_nav->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.15);
    m_nav->setFont(navFont);
    m_nav->setSpacing(3);
    int navWidth = 0;
    const QFontMetrics fm(navFont);
    for (Page *p : m_pages) {
        m_stack->addWidget(p);
        m_nav->addItem(p->title());
        navWidth = std::max(navWidth, fm.horizontalAdvance(p->title() + QStringLiteral("  (999)")));
    }
    m_nav->setFixedWidth(navWidth + 40);
    m_nav->setCurrentRow(0);
    m_nav->setVisible(m_chromeVisible);
    m_pageTitle->setText(m_pages.front()->title());
    row->addWidget(m_nav);
    row->addWidget(m_stack, 1);
    setCentralWidget(central); // deletes the previous one, pages included
    connect(m_nav, &QListWidget::currentRowChanged, this, &MainWindow::showPage);

    buildMenus();
    buildToolBar();
    if (!m_status) {
        m_status = new QLabel(this);
        statusBar()->addWidget(m_status, 1);
    }
    m_status->setText(m_statusText);
    menuBar()->setVisible(m_chromeVisible);
    statusBar()->setVisible(m_chromeVisible);
    if (m_fontScale != 1.0)
        ChartKit::scaleFonts(central, m_fontScale);
    Theme::applyToCharts(central);
    addTableExports();
    updateAlertBadge();
}

void MainWindow::buildMenus()
{
    QMenuBar *bar = menuBar();
    bar->clear();
    QMenu *file = bar->addMenu(tr("&File"));
    QAction *open = file->addAction(tr("&Open dataset…"), this, &MainWindow::openDataset);
    open->setShortcut(QKeySequence::Open);
    QAction *exportPage = file->addAction(tr("&Export current page (PNG + CSV)…"), this, &MainWindow::exportCurrentPage);
    exportPage->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = bar->addMenu(tr("&View"));
    for (int i = 0; i < pageCount(); ++i) {
        QAction *a = view->addAction(page(i)->title(), this, [this, i] { showPage(i); });
        a->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
    view->addSeparator();
    QAction *full = view->addAction(tr("&Full screen"), this,
                                    [this] { isFullScreen() ? showNormal() : showFullScreen(); });
    full->setShortcut(QKeySequence(Qt::Key_F11));
    addAction(full); // works with the menu bar hidden too

    QMenu *alerts = bar->addMenu(tr("&Alerts"));
    QAction *ackAll = alerts->addAction(tr("Acknowledge &all alerts"), m_alerts, &AlertLedger::acknowledgeAll);
    ackAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));

    QMenu *settings = bar->addMenu(tr("&Settings"));
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *group = new QActionGroup(language);
    const QString saved = QSettings().value(QStringLiteral("ui/language")).toString();
    QAction *system = language->addAction(tr("System default"), this, [this] { chooseLanguage(QString()); });
    system->setCheckable(true);
    system->setChecked(saved.isEmpty());
    group->addAction(system);
    for (const QString &code : Language::available()) {
        QAction *a = language->addAction(Language::nativeName(code), this, [this, code] { chooseLanguage(code); });
        a->setCheckable(true);
        a->setChecked(saved == code);
        group->addAction(a);
    }

    QMenu *theme = settings->addMenu(tr("&Theme"));
    auto *themes = new QActionGroup(theme);
    const std::pair<Theme::Mode, QString> modes[] = {
        {Theme::System, tr("Follow the system")}, {Theme::Light, tr("Light")}, {Theme::Dark, tr("Dark")}};
    for (const auto &entry : modes) {
        const Theme::Mode mode = entry.first;
        QAction *a = theme->addAction(entry.second, this, [this, mode] {
            QSettings().setValue(QStringLiteral("ui/theme"), Theme::toString(mode));
            Theme::apply(mode);
            Theme::applyToCharts(centralWidget());
        });
        a->setCheckable(true);
        a->setChecked(Theme::mode() == mode);
        themes->addAction(a);
    }
    QAction *notify = settings->addAction(tr("Desktop &notifications for new alerts"));
    notify->setCheckable(true);
    notify->setChecked(QSettings().value(QStringLiteral("ui/notifications"), true).toBool());
    notify->setEnabled(m_tray != nullptr);
    connect(notify, &QAction::toggled, this,
            [](bool on) { QSettings().setValue(QStringLiteral("ui/notifications"), on); });
    settings->addAction(tr("Kiosk &PIN…"), this, &MainWindow::setKioskPin);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(tr("&About OrderPulse"), this, [this] {
        QMessageBox::about(this, tr("About OrderPulse"),
                           tr("OrderPulse %1\nReal-time order analytics.").arg(QApplication::applicationVersion()));
    });
}

void MainWindow::buildToolBar()
{
    if (m_toolBar) {
        removeToolBar(m_toolBar);
        delete m_toolBar;
    }
    m_toolBar = addToolBar(tr("Replay"));
    m_toolBar->setObjectName(QStringLiteral("replayToolBar"));
    m_toolBar->setMovable(false);
    m_toolBar->setVisible(m_chromeVisible);
    const bool running = m_replay->isRunning();
    m_play = m_toolBar->addAction(m_paused ? tr("Play") : tr("Pause"));
    m_play->setCheckable(true);
    m_play->setChecked(m_paused);
    m_play->setEnabled(running);
    m_play->setShortcut(QKeySequence(Qt::Key_Space));
    m_play->setToolTip(tr("Pause or resume the replay (Space)"));
    connect(m_play, &QAction::toggled, this, [this](bool paused) {
        m_paused = paused;
        m_replay->setPaused(paused);
        m_play->setText(paused ? tr("Play") : tr("Pause"));
    });
    m_toolBar->addWidget(new QLabel(tr(" Speed: "), m_toolBar));
    m_speed = new QComboBox(m_toolBar);
    m_speed->addItem(tr("1×"), 1.0);
    m_speed->addItem(tr("10×"), 10.0);
    m_speed->addItem(tr("100×"), 100.0);
    m_speed->addItem(tr("Max"), 0.0);
    m_speed->setCurrentIndex(std::max(0, m_speed->findData(m_speedValue)));
    m_speed->setToolTip(tr("Event time per wall time"));
    m_toolBar->addWidget(m_speed);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_speedValue = m_speed->itemData(index).toDouble();
        m_replay->setSpeed(m_speedValue);
    });
    m_toolBar->addSeparator();
    m_progress = new QProgressBar(m_toolBar);
    m_progress->setRange(0, 1000);
    m_progress->setFormat(tr("%p %"));
    m_progress->setMaximumWidth(260);
    m_toolBar->addWidget(m_progress);
    m_toolBar->addSeparator();
    m_dataset = new QLabel(m_datasetNames.isEmpty() ? tr("No dataset open.")
                                                    : tr(" Dataset: %1").arg(m_datasetNames.join(QStringLiteral(", "))),
                           m_toolBar);
    m_toolBar->addWidget(m_dataset);
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Rebuilding while Qt is still delivering LanguageChange to the children would delete
    // widgets under its feet: do it once, from the event loop.
    if (event->type() == QEvent::LanguageChange && !m_rebuildPending) {
        m_rebuildPending = true;
        QMetaObject::invokeMethod(this, &MainWindow::rebuild, Qt::QueuedConnection);
    }
}

void MainWindow::rebuild()
{
    m_rebuildPending = false;
    const int current = currentPage();
    buildUi();
    m_stack->setCurrentIndex(current);
    m_nav->setCurrentRow(current);
    m_pageTitle->setText(page(current)->title());
    if (m_latest && m_latest->sources.size() == 1 && m_latest->sources.front().progress >= 0)
        m_progress->setValue(static_cast<int>(m_latest->sources.front().progress * 1000));
    render();
    checkStale();
}

void MainWindow::chooseLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
    Language::apply(code.isEmpty() ? Language::systemLanguage() : code);
}

void MainWindow::notifyAlerts()
{
    const int n = std::exchange(m_newAlerts, 0);
    if (!m_tray || n == 0 || !QSettings().value(QStringLiteral("ui/notifications"), true).toBool())
        return;
    m_tray->showMessage(tr("OrderPulse: new fraud alerts"),
                        tr("%n new alert(s); %1 unacknowledged in all.", nullptr, n)
                            .arg(Format::count(m_alerts->unacknowledgedCount())),
                        QSystemTrayIcon::Warning);
}

void MainWindow::addTableExports()
{
    for (QTableView *table : m_stack->findChildren<QTableView *>()) {
        table->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto *action = new QAction(tr("Export table (CSV)…"), table);
        connect(action, &QAction::triggered, table, [this, table] {
            const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), QString(), tr("CSV files (*.csv)"));
            QString error;
            if (!path.isEmpty() && !Exporter::writeCsv(path, Exporter::tableCsv(table->model()), &error))
                QMessageBox::warning(this, tr("Export table"), tr("Could not write %1: %2").arg(path, error));
        });
        table->addAction(action);
    }
}

void MainWindow::exportCurrentPage()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export current page to folder"));
    if (dir.isEmpty())
        return;
    QString error;
    Page *p = page(currentPage());
    const QStringList files = Exporter::exportPage(p, dir, p->captureName(), &error);
    if (!error.isEmpty())
        QMessageBox::warning(this, tr("Export current page"), tr("Could not export: %1").arg(error));
    m_statusText = tr("Exported %n file(s) to %1.", nullptr, static_cast<int>(files.size())).arg(dir);
    m_status->setText(m_statusText);
}

void MainWindow::setKioskPin()
{
    bool ok = false;
    const QString pin = QInputDialog::getText(this, tr("Kiosk PIN"),
                                              tr("PIN needed to leave kiosk mode (empty: none):"),
                                              QLineEdit::Password, QString(), &ok);
    if (ok)
        KioskPin::store(pin);
}

void MainWindow::openDataset()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open dataset"), QString(),
                                                      tr("Datasets (*.ndjson *.jsonl *.csv *.opb *.gz);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_replay->isRunning()) {
        QMessageBox::information(this, tr("Open dataset"), tr("A replay is running; open the dataset when it has finished."));
        return;
    }
    startReplay({path});
}

void MainWindow::startReplay(const QStringList &paths)
{
    m_datasetNames.clear();
    for (const QString &p : paths)
        m_datasetNames << QFileInfo(p).fileName();
    m_dataset->setText(tr(" Dataset: %1").arg(m_datasetNames.join(QStringLiteral(", "))));
    m_statusText = tr("Replaying…");
    m_status->setText(m_statusText);
    m_replay->setSpeed(m_speed->currentData().toDouble());
    m_play->setEnabled(true);
    m_replay->start(paths);
    m_lastArrivalMs = QDateTime::currentMSecsSinceEpoch();
}

QString MainWindow::navText(int index) const
{
    return m_nav->item(index)->text();
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
    m_pageTitle->setText(page(index)->title());
    render();
    Q_EMIT pageShown(index);
}

void MainWindow::applySnapshot(SnapshotPtr snapshot)
{
    m_latest = std::move(snapshot);
    m_lastArrivalMs = QDateTime::currentMSecsSinceEpoch();
    // Not from the worker: its sequence may repeat one already drawn.
    m_renderedSequence.assign(m_pages.size(), -1);
    m_alerts->update(m_latest->recentAlerts);
    render();
    checkStale();
    Q_EMIT snapshotArrived();
}

std::int64_t MainWindow::setFilter(const op::EventFilter &filter)
{
    m_filter = filter;
    m_filterBar->setFilter(filter, static_cast<FilterBar::Period>(m_filterPeriod));
    const std::int64_t generation = m_replay->setFilter(filter);
    m_play->setEnabled(true);
    m_statusText = filter.isEmpty() ? tr("Filter cleared: recomputing…") : tr("Filter changed: recomputing…");
    m_status->setText(m_statusText);
    return generation;
}

void MainWindow::onSnapshot(SnapshotPtr snapshot)
{
    // A new filter pass starts a new engine, whose sequence numbers start again.
    if (m_latest && snapshot->filterGeneration != m_latest->filterGeneration)
        m_renderedSequence.assign(m_pages.size(), -1);
    m_latest = std::move(snapshot);
    m_lastArrivalMs = QDateTime::currentMSecsSinceEpoch();
    if (!m_redraw.isActive())
        m_redraw.start();
    if (m_banner->isVisible())
        checkStale();
    Q_EMIT snapshotArrived();
}

void MainWindow::render()
{
    if (!m_latest)
        return;
    const op::Snapshot &s = *m_latest;
    m_alerts->update(s.recentAlerts);
    m_filterBar->setSnapshot(s);
    const auto index = static_cast<std::size_t>(m_stack->currentIndex());
    if (m_renderedSequence[index] != s.sequence) {
        m_pages[index]->setSnapshot(s);
        m_renderedSequence[index] = s.sequence;
    }
    if (!s.sources.empty() && s.sources.front().progress >= 0)
        m_progress->setValue(static_cast<int>(s.sources.front().progress * 1000));
    if (s.maxEventTime > 0 && m_replay->isRunning()) {
        m_statusText = tr("Replaying… event time %1 (KST)").arg(Format::dateTime(s.maxEventTime));
        m_status->setText(m_statusText);
    }
}

void MainWindow::updateAlertBadge()
{
    QListWidgetItem *item = m_nav->item(Fraud);
    const int n = m_alerts->unacknowledgedCount();
    item->setText(n > 0 ? tr("%1  (%2)").arg(page(Fraud)->title(), Format::count(n)) : page(Fraud)->title());
    QFont f = m_nav->font();
    f.setBold(n > 0);
    item->setFont(f);
    item->setForeground(n > 0 ? QBrush(QColor(0xC6, 0x28, 0x28)) : QBrush());
    item->setToolTip(n > 0 ? tr("%n unacknowledged alert(s)", nullptr, n) : QString());
}

void MainWindow::setChromeVisible(bool visible)
{
    m_chromeVisible = visible;
    menuBar()->setVisible(visible);
    statusBar()->setVisible(visible);
    m_toolBar->setVisible(visible);
    m_nav->setVisible(visible);
    m_filterBar->setVisible(visible);
    m_pageTitle->setVisible(!visible);
}

void MainWindow::setFontScale(double scale)
{
    if (scale == m_fontScale)
        return;
    m_fontScale = scale;
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * scale);
    setFont(f);
    rebuild(); // widgets that size their own fonts (tiles, charts) take the new base at construction
}

void MainWindow::setStaleWatch(int ms, bool evenWhenFinished)
{
    m_staleAfterMs = ms;
    m_staleEvenWhenFinished = evenWhenFinished;
    m_staleTimer.setInterval(std::clamp(ms / 4, 50, 1000));
    if (ms > 0)
        m_staleTimer.start();
    else
        m_staleTimer.stop();
    checkStale();
}

bool MainWindow::isStale() const
{
    if (m_staleAfterMs <= 0 || m_lastArrivalMs == 0)
        return false;
    if (!m_staleEvenWhenFinished && (!m_replay->isRunning() || m_paused))
        return false;
    return QDateTime::currentMSecsSinceEpoch() - m_lastArrivalMs > m_staleAfterMs;
}

QString MainWindow::staleText() const
{
    return tr("Data stale since %1: no new data from the source")
        .arg(Format::shortTime(m_lastArrivalMs, false));
}

void MainWindow::checkStale()
{
    const bool stale = isStale();
    if (stale)
        m_banner->setText(staleText());
    m_banner->setVisible(stale);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeGuard && !m_closeGuard()) {
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
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
