#pragma once

#include "analytics/Snapshot.h"

#include <QDialog>

class QFormLayout;

namespace opui {

// The drill-down of one restaurant (double-click in the ranking): its figures from the snapshot
// next to the average restaurant, its rank, and a button that filters the whole dashboard to it
// (its trend, items, delivery distribution and alerts are then the pages themselves).
class RestaurantDetail : public QDialog
{
    Q_OBJECT

public:
    RestaurantDetail(const op::MerchantRow &merchant, const op::Snapshot &snapshot,
                     QWidget *parent = nullptr);
    const op::MerchantRow &merchant() const { return m_merchant; }
    // The (caption, this restaurant, average) rows shown, for tests.
    QString valueText(int row) const;
    QString averageText(int row) const;
    int rows() const;

Q_SIGNALS:
    void filterRequested(const QString &merchantId);

private:
    op::MerchantRow m_merchant;
    QFormLayout *m_form = nullptr;
};

} // namespace opui
