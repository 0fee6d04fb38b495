#include "pages/RestaurantDetail.h"

#include "common/Format.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace opui {

namespace {

// The mean restaurant: every figure averaged over the restaurants that have it.
struct Average
{
    double orders = 0;
    double sales = 0;
    double aov = 0;
    std::optional<double> rating;
    std::optional<double> delivery;
    double late = 0;
    double cancel = 0;
};

Average averageOf(const std::vector<op::MerchantRow> &rows)
{
    Average a;
    if (rows.empty())
        return a;
    double ratingSum = 0;
    double deliverySum = 0;
    int rated = 0;
    int delivered = 0;
    for (const op::MerchantRow &m : rows) {
        a.orders += static_cast<double>(m.orders);
        a.sales += static_cast<double>(m.sales);
        a.aov += static_cast<double>(m.avgOrderValue);
        a.late += m.lateRate;
        a.cancel += m.cancelRate;
        if (m.rating) {
            ratingSum += *m.rating;
            ++rated;
        }
        if (m.deliveryMin) {
            deliverySum += *m.deliveryMin;
            ++delivered;
        }
    }
    const auto n = static_cast<double>(rows.size());
    a.orders /= n;
    a.sales /= n;
    a.aov /= n;
    a.late /= n;
    a.cancel /= n;
    if (rated > 0)
        a.rating = ratingSum / rated;
    if (delivered > 0)
        a.delivery = deliverySum / delivered;
    return a;
}

QString ratingText(std::optional<double> r)
{
    return r ? Format::number(*r, 2) : QStringLiteral("–");
}

} // namespace

RestaurantDetail::RestaurantDetail(const op::MerchantRow &m, const op::Snapshot &s, QWidget *parent)
    : QDialog(parent)
    , m_merchant(m)
{
    const QString name = QString::fromStdString(m.name.empty() ? m.merchantId : m.name);
    setWindowTitle(tr("Restaurant: %1").arg(name));
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(
        QStringLiteral("<b>%1</b> (%2)").arg(name.toHtmlEscaped(), QString::fromStdString(m.merchantId)),
        this);
    QFont f = heading->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    heading->setFont(f);
    layout->addWidget(heading);

    int rank = 1;
    for (const op::MerchantRow &o : s.merchants)
        rank += o.sales > m.sales ? 1 : 0;
    const double share =
        s.totals.sales > 0 ? static_cast<double>(m.sales) / static_cast<double>(s.totals.sales) : 0.0;
    layout->addWidget(
        new QLabel(tr("Rank %1 of %2 by sales · %3 of all sales")
                       .arg(Format::count(rank), Format::count(static_cast<std::int64_t>(s.merchants.size())),
                            Format::percent(share)),
                   this));

    const Average avg = averageOf(s.merchants);
    m_form = new QFormLayout;
    m_form->addRow(
        QString(),
        new QLabel(
            QStringLiteral("<b>%1</b>\t<b>%2</b>").arg(tr("This restaurant"), tr("Average restaurant")),
            this));
    const auto add = [this](const QString &caption, const QString &value, const QString &average) {
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *v = new QLabel(value, row);
        v->setObjectName(QStringLiteral("value"));
        v->setMinimumWidth(140);
        auto *a = new QLabel(average, row);
        a->setObjectName(QStringLiteral("average"));
        h->addWidget(v);
        h->addWidget(a, 1);
        m_form->addRow(caption, row);
    };
    add(tr("Orders"), Format::count(m.orders), Format::number(avg.orders, 1));
    add(tr("Sales"), Format::money(m.sales), Format::money(static_cast<op::Money>(avg.sales)));
    add(tr("Average order"), Format::money(m.avgOrderValue), Format::money(static_cast<op::Money>(avg.aov)));
    add(tr("Rating"), ratingText(m.rating), ratingText(avg.rating));
    add(tr("Mean delivery time"), Format::minutes(m.deliveryMin), Format::minutes(avg.delivery));
    add(tr("Late deliveries"), Format::percent(m.lateRate), Format::percent(avg.late));
    add(tr("Cancelled"), Format::percent(m.cancelRate), Format::percent(avg.cancel));
    layout->addLayout(m_form);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *filter =
        buttons->addButton(tr("Show the dashboard for this restaurant"), QDialogButtonBox::ActionRole);
    filter->setToolTip(
        tr("Filters every page to this restaurant: its trend, items, delivery times and alerts"));
    connect(filter, &QPushButton::clicked, this, [this] {
        Q_EMIT filterRequested(QString::fromStdString(m_merchant.merchantId));
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

int RestaurantDetail::rows() const
{
    return m_form->rowCount() - 1; // the header row
}

QString RestaurantDetail::valueText(int row) const
{
    QWidget *w = m_form->itemAt(row + 1, QFormLayout::FieldRole)->widget();
    return w->findChild<QLabel *>(QStringLiteral("value"))->text();
}

QString RestaurantDetail::averageText(int row) const
{
    QWidget *w = m_form->itemAt(row + 1, QFormLayout::FieldRole)->widget();
    return w->findChild<QLabel *>(QStringLiteral("average"))->text();
}

} // namespace opui
