#pragma once

#include "analytics/Alert.h"

#include <QObject>
#include <string>
#include <unordered_set>
#include <vector>

namespace opui {

// Which alerts the operator has acknowledged. The engine only raises alerts; acknowledging is
// a GUI action, so it lives here (owned by MainWindow, shared by the pages and the kiosk) and
// survives page rebuilds such as a language switch.
class AlertLedger : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Takes the snapshot's recent alerts (newest last); emits newAlert when an alert not seen
    // before arrives, and changed when the unacknowledged count moves.
    void update(const std::vector<op::Alert> &recent);
    bool isAcknowledged(const op::Alert &alert) const;
    void acknowledge(const op::Alert &alert);
    void acknowledgeAll();
    // Among the alerts of the latest update.
    int unacknowledgedCount() const;
    const std::vector<op::Alert> &current() const { return m_current; }

    static std::string keyOf(const op::Alert &alert);

Q_SIGNALS:
    void newAlert(const op::Alert &alert);
    void changed(int unacknowledged);

private:
    void recount();

    std::vector<op::Alert> m_current;
    std::unordered_set<std::string> m_seen;
    std::unordered_set<std::string> m_acknowledged;
    int m_unacknowledged = 0;
};

} // namespace opui
