#include "kiosk/KioskController.h"

#include "MainWindow.h"
#include "common/AlertLedger.h"
#include "kiosk/KioskPin.h"
#include "kiosk/PinDialog.h"

#include <QAction>
#include <QGuiApplication>
#include <QScreen>

namespace opui {

KioskController::KioskController(MainWindow *window, KioskOptions options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(std::move(options))
{
    m_rotate.setInterval(std::max(100, m_options.rotateMs));
    connect(&m_rotate, &QTimer::timeout, this, &KioskController::rotate);
    m_hold.setSingleShot(true);
    m_hold.setInterval(std::max(100, m_options.alertHoldMs));
    connect(&m_hold, &QTimer::timeout, this, &KioskController::releaseHold);
    connect(window->alerts(), &AlertLedger::newAlert, this, &KioskController::onNewAlert);
    connect(window->alerts(), &AlertLedger::changed, this, &KioskController::onUnacknowledged);
    m_prompt = [this](QString *pin) {
        return PinDialog::ask(m_window, pin);
    };

    auto *exit = new QAction(window);
    exit->setShortcut(QKeySequence(Qt::Key_Escape));
    exit->setShortcutContext(Qt::ApplicationShortcut);
    connect(exit, &QAction::triggered, this, [this] {
        if (m_active)
            requestExit();
    });
    window->addAction(exit);
}

void KioskController::start()
{
    m_active = true;
    m_window->setChromeVisible(false);
    m_window->setFontScale(m_options.fontScale);
    m_window->setStaleWatch(m_options.staleAfterMs, true);
    m_window->setCloseGuard([this] { return !m_active || askPin(); });
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (m_options.screen >= 0 && m_options.screen < screens.size()) {
        m_window->setScreen(screens[m_options.screen]);
        m_window->setGeometry(screens[m_options.screen]->geometry());
    }
    m_window->showFullScreen();
    m_rotate.start();
}

void KioskController::stop()
{
    m_active = false;
    m_rotate.stop();
    m_hold.stop();
    m_holding = false;
    m_window->setChromeVisible(true);
    m_window->setFontScale(1.0);
    m_window->showNormal();
}

bool KioskController::askPin()
{
    if (m_options.pinHash.isEmpty())
        return true;
    QString pin;
    return m_prompt(&pin) && KioskPin::matches(pin, m_options.pinHash);
}

bool KioskController::requestExit()
{
    if (!askPin())
        return false;
    stop();
    return true;
}

void KioskController::rotate()
{
    if (m_holding)
        return;
    const int next = (m_window->currentPage() + 1) % m_window->pageCount();
    m_window->showPage(next);
    Q_EMIT rotated(next);
}

void KioskController::onNewAlert(const op::Alert &alert)
{
    if (!m_active || m_window->alerts()->isAcknowledged(alert))
        return;
    m_rotate.stop();
    m_window->showPage(MainWindow::Fraud);
    m_hold.start(); // a further alert restarts the hold
    if (!m_holding) {
        m_holding = true;
        Q_EMIT alertFocus(true);
    }
}

void KioskController::onUnacknowledged(int count)
{
    if (m_holding && count == 0)
        releaseHold();
}

void KioskController::releaseHold()
{
    m_hold.stop();
    if (!m_holding)
        return;
    m_holding = false;
    Q_EMIT alertFocus(false);
    if (m_active)
        m_rotate.start();
}

} // namespace opui
