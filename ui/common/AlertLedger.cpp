#include "common/AlertLedger.h"

namespace opui {

std::string AlertLedger::keyOf(const op::Alert &a)
{
    // rule + entity + time + order: an IP that fires again later is a new alert.
    return std::to_string(static_cast<int>(a.rule)) + '|' + a.entity + '|' + std::to_string(a.eventTime) +
           '|' + a.orderId;
}

void AlertLedger::update(const std::vector<op::Alert> &recent)
{
    std::vector<const op::Alert *> fresh;
    for (const op::Alert &a : recent) {
        if (m_seen.insert(keyOf(a)).second && !a.acknowledged)
            fresh.push_back(&a);
    }
    m_current = recent;
    recount();
    for (const op::Alert *a : fresh)
        Q_EMIT newAlert(*a);
}

bool AlertLedger::isAcknowledged(const op::Alert &alert) const
{
    return alert.acknowledged || m_acknowledged.count(keyOf(alert)) != 0;
}

void AlertLedger::acknowledge(const op::Alert &alert)
{
    if (m_acknowledged.insert(keyOf(alert)).second)
        recount();
}

void AlertLedger::acknowledgeAll()
{
    for (const op::Alert &a : m_current)
        m_acknowledged.insert(keyOf(a));
    recount();
}

int AlertLedger::unacknowledgedCount() const
{
    return m_unacknowledged;
}

void AlertLedger::recount()
{
    int n = 0;
    for (const op::Alert &a : m_current)
        n += isAcknowledged(a) ? 0 : 1;
    if (n == m_unacknowledged)
        return;
    m_unacknowledged = n;
    Q_EMIT changed(n);
}

} // namespace opui
