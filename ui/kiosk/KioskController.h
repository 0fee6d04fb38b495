#pragma once

#include "kiosk/KioskOptions.h"

#include <QObject>
#include <QTimer>
#include <functional>

namespace op {
struct Alert;
}

namespace opui {

class MainWindow;

// Runs a MainWindow as a wall screen: full screen on the chosen screen, no menus, toolbars or
// page list, large type, pages rotating on a timer. A new unacknowledged alert brings the Fraud
// page forward and holds it until every alert is acknowledged or the hold times out. The
// stale-data banner is always on. Leaving the kiosk (Esc) or closing the window needs the PIN.
class KioskController : public QObject
{
    Q_OBJECT

public:
    KioskController(MainWindow *window, KioskOptions options, QObject *parent = nullptr);

    void start();
    // Back to the normal window (menus, toolbar); no PIN asked here — see requestExit().
    void stop();
    bool isActive() const { return m_active; }
    bool isHoldingAlert() const { return m_holding; }
    const KioskOptions &options() const { return m_options; }

    // Asks for the PIN (if one is set) and leaves the kiosk when it is right.
    bool requestExit();
    // How the PIN is asked: a dialog by default; tests put a function here. Returns false when
    // the user cancelled.
    void setPinPrompt(std::function<bool(QString *pin)> prompt) { m_prompt = std::move(prompt); }

Q_SIGNALS:
    void rotated(int page);
    void alertFocus(bool holding);

private:
    bool askPin();
    void rotate();
    void onNewAlert(const op::Alert &alert);
    void onUnacknowledged(int count);
    void releaseHold();

    MainWindow *m_window;
    KioskOptions m_options;
    QTimer m_rotate;
    QTimer m_hold;
    bool m_active = false;
    bool m_holding = false;
    std::function<bool(QString *)> m_prompt;
};

} // namespace opui
