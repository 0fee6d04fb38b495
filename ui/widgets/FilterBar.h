#pragma once

#include "analytics/Snapshot.h"
#include "runtime/EventFilter.h"

#include <QWidget>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace opui {

// The global filter: period (relative to the latest event time), region, category, restaurant.
// It only says what is wanted (filterChanged); the worker recomputes every figure over the
// matching orders, and every page draws those.
class FilterBar : public QWidget
{
    Q_OBJECT

public:
    enum Period
    {
        AllTime,
        LastHour,
        Last6Hours,
        Last24Hours,
        Last7Days
    };

    explicit FilterBar(QWidget *parent = nullptr);

    // Refreshes the choices from the snapshot (keeps the selection); remembers the latest event time.
    void setSnapshot(const op::Snapshot &snapshot);
    // Shows `filter` as the selection without emitting filterChanged.
    void setFilter(const op::EventFilter &filter, Period period);
    op::EventFilter filter() const;
    Period period() const;

    QComboBox *periodBox() const { return m_period; }
    QComboBox *regionBox() const { return m_region; }
    QComboBox *categoryBox() const { return m_category; }
    QComboBox *merchantBox() const { return m_merchant; }

Q_SIGNALS:
    void filterChanged(const op::EventFilter &filter);

private:
    void emitFilter();
    static void fill(QComboBox *box, const std::vector<std::pair<QString, QString>> &items);

    QComboBox *m_period = nullptr;
    QComboBox *m_region = nullptr;
    QComboBox *m_category = nullptr;
    QComboBox *m_merchant = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_state = nullptr;
    std::shared_ptr<const op::FilterChoices> m_choices;
    op::TimestampMs m_latestEventTime = 0;
    op::EventFilter m_current;
    bool m_updating = false;
};

} // namespace opui
