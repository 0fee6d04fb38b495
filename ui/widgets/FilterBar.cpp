#include "widgets/FilterBar.h"

#include "common/Labels.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>

namespace opui {

namespace {

constexpr op::TimestampMs kHourMs = 3600 * 1000;

op::TimestampMs periodLength(int period)
{
    switch (period) {
    case FilterBar::LastHour:
        return kHourMs;
    case FilterBar::Last6Hours:
        return 6 * kHourMs;
    case FilterBar::Last24Hours:
        return 24 * kHourMs;
    case FilterBar::Last7Days:
        return 7 * 24 * kHourMs;
    default:
        return 0;
    }
}

} // namespace

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(new QLabel(tr("Period:"), this));
    m_period = new QComboBox(this);
    m_period->addItems(
        {tr("All time"), tr("Last hour"), tr("Last 6 hours"), tr("Last 24 hours"), tr("Last 7 days")});
    m_period->setToolTip(tr("Orders placed in this period before the latest event"));
    layout->addWidget(m_period);
    layout->addWidget(new QLabel(tr("Region:"), this));
    m_region = new QComboBox(this);
    layout->addWidget(m_region);
    layout->addWidget(new QLabel(tr("Category:"), this));
    m_category = new QComboBox(this);
    layout->addWidget(m_category);
    layout->addWidget(new QLabel(tr("Restaurant:"), this));
    m_merchant = new QComboBox(this);
    m_merchant->setMinimumContentsLength(16);
    m_merchant->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    layout->addWidget(m_merchant);
    m_clear = new QPushButton(tr("Clear filter"), this);
    layout->addWidget(m_clear);
    m_state = new QLabel(this);
    layout->addWidget(m_state);
    layout->addStretch(1);
    for (QComboBox *box : {m_region, m_category})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents); // the choices arrive with the data
    for (QComboBox *box : {m_region, m_category, m_merchant})
        fill(box, {});
    for (QComboBox *box : {m_period, m_region, m_category, m_merchant})
        connect(box, &QComboBox::currentIndexChanged, this, &FilterBar::emitFilter);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        setFilter({}, AllTime);
        emitFilter();
    });
}

void FilterBar::fill(QComboBox *box, const std::vector<std::pair<QString, QString>> &items)
{
    const QString selected = box->currentData().toString();
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(tr("All"), QString());
    for (const auto &[key, text] : items)
        box->addItem(text, key);
    box->setCurrentIndex(std::max(0, box->findData(selected)));
}

void FilterBar::setSnapshot(const op::Snapshot &s)
{
    m_latestEventTime = std::max(m_latestEventTime, s.maxEventTime);
    if (!s.filterChoices || s.filterChoices == m_choices)
        return;
    m_choices = s.filterChoices;
    std::vector<std::pair<QString, QString>> regions;
    for (const std::string &r : m_choices->regions)
        regions.emplace_back(QString::fromStdString(r), QString::fromStdString(r));
    std::vector<std::pair<QString, QString>> categories;
    for (const std::string &c : m_choices->categories)
        categories.emplace_back(QString::fromStdString(c), Labels::category(c));
    std::vector<std::pair<QString, QString>> merchants;
    for (const auto &[id, name] : m_choices->merchants)
        merchants.emplace_back(QString::fromStdString(id),
                               name.empty() ? QString::fromStdString(id) : QString::fromStdString(name));
    std::sort(merchants.begin(), merchants.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
    fill(m_region, regions);
    fill(m_category, categories);
    fill(m_merchant, merchants);
}

void FilterBar::setFilter(const op::EventFilter &filter, Period period)
{
    m_updating = true;
    m_current = filter;
    m_period->setCurrentIndex(period);
    const auto select = [](QComboBox *box, const std::string &key) {
        const QString k = QString::fromStdString(key);
        int index = box->findData(k);
        if (index < 0 && !k.isEmpty()) { // not among the choices yet: show it anyway
            box->addItem(k, k);
            index = box->count() - 1;
        }
        box->setCurrentIndex(std::max(0, index));
    };
    select(m_region, filter.region);
    select(m_category, filter.category);
    select(m_merchant, filter.merchantId);
    m_state->setText(filter.isEmpty() ? QString() : tr("Filtered"));
    m_updating = false;
}

FilterBar::Period FilterBar::period() const
{
    return static_cast<Period>(m_period->currentIndex());
}

op::EventFilter FilterBar::filter() const
{
    op::EventFilter f;
    f.region = m_region->currentData().toString().toStdString();
    f.category = m_category->currentData().toString().toStdString();
    f.merchantId = m_merchant->currentData().toString().toStdString();
    const op::TimestampMs length = periodLength(m_period->currentIndex());
    if (length > 0 && m_latestEventTime > 0)
        f.from = m_latestEventTime - length;
    return f;
}

void FilterBar::emitFilter()
{
    if (m_updating)
        return;
    const op::EventFilter f = filter();
    if (f == m_current)
        return;
    m_current = f;
    m_state->setText(f.isEmpty() ? QString() : tr("Filtered"));
    Q_EMIT filterChanged(f);
}

} // namespace opui
