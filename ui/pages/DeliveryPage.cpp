#include "pages/DeliveryPage.h"

#include "common/Format.h"
#include "widgets/ChartKit.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace opui {

namespace {

QBarCategoryAxis *addCategoryAxis(QChart *chart, QAbstractSeries *series, const QString &title, const QStringList &labels)
{
    auto *axis = new QBarCategoryAxis(chart);
    axis->setTitleText(title);
    axis->setCategories(labels);
    chart->addAxis(axis, Qt::AlignBottom);
    series->attachAxis(axis);
    return axis;
}

QValueAxis *addValueAxis(QChart *chart, QAbstractSeries *series, const QString &title)
{
    auto *axis = new QValueAxis(chart);
    axis->setTitleText(title);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axis, Qt::AlignLeft);
    series->attachAxis(axis);
    return axis;
}

void setNiceRange(QValueAxis *axis, double max)
{
    const double step = ChartKit::niceStep(std::max(1.0, max), 5);
    axis->setRange(0, step * std::ceil(std::max(1.0, max) / step));
    axis->setTickCount(static_cast<int>(std::ceil(std::max(1.0, max) / step)) + 1);
}

} // namespace

DeliveryPage::DeliveryPage(QWidget *parent)
    : Page(parent)
{
    auto *layout = new QGridLayout(this);
    m_summary = new QLabel(this);
    layout->addWidget(m_summary, 0, 0, 1, 2);

    QChartView *hist = ChartKit::makeView(tr("Delivery time distribution"), this);
    QChart *hc = hist->chart();
    m_histogram = new QBarSeries(hc);
    m_histogram->setBarWidth(0.95);
    hc->addSeries(m_histogram);
    m_histAxis = new QBarCategoryAxis(hc);
    m_histAxis->setTitleText(tr("Delivery time (minutes)"));
    m_histCount = new QCategoryAxis(hc);
    m_histCount->setTitleText(tr("Delivered orders"));
    hc->addAxis(m_histAxis, Qt::AlignBottom);
    hc->addAxis(m_histCount, Qt::AlignLeft);
    m_histogram->attachAxis(m_histAxis);
    m_histogram->attachAxis(m_histCount);
    const QColor colors[3] = {QColor(0x2E, 0x7D, 0x32), QColor(0xEF, 0x6C, 0x00), QColor(0xC6, 0x28, 0x28)};
    for (int i = 0; i < 3; ++i) {
        m_markers[i] = new QLineSeries(hc);
        QPen pen(colors[i]);
        pen.setWidth(2);
        pen.setStyle(Qt::DashLine);
        m_markers[i]->setPen(pen);
        hc->addSeries(m_markers[i]);
        m_markers[i]->attachAxis(m_histAxis);
        m_markers[i]->attachAxis(m_histCount);
    }
    ChartKit::addBarTooltips(m_histogram, [this](int index, double value) {
        return tr("%1 min: %2 orders").arg(m_histAxis->at(index), Format::count(static_cast<std::int64_t>(value)));
    });
    layout->addWidget(hist, 1, 0, 1, 2);

    QChartView *dist = ChartKit::makeView(tr("Mean delivery time by distance"), this);
    QChart *dc = dist->chart();
    dc->legend()->hide();
    m_distance = new QBarSeries(dc);
    dc->addSeries(m_distance);
    addCategoryAxis(dc, m_distance, tr("Distance"),
                    {tr("0–1 km"), tr("1–2 km"), tr("2–3 km"), tr("3–5 km"), tr("5+ km")});
    m_distanceMinutes = addValueAxis(dc, m_distance, tr("Mean delivery time (min)"));
    ChartKit::addBarTooltips(m_distance, [](int, double value) { return Format::minutes(value); });
    layout->addWidget(dist, 2, 0);

    QChartView *late = ChartKit::makeView(tr("Late deliveries by hour of placement"), this);
    QChart *lc = late->chart();
    lc->legend()->hide();
    m_late = new QBarSeries(lc);
    lc->addSeries(m_late);
    QStringList hours;
    for (int h = 0; h < 24; ++h)
        hours << QString::number(h);
    QBarCategoryAxis *hourAxis = addCategoryAxis(lc, m_late, tr("Hour of day (KST)"), hours);
    // 24 categories leave about 20 px each: at the default size Qt Charts elides "10".."23".
    QFont small = hourAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.8);
    hourAxis->setLabelsFont(small);
    m_latePercent = addValueAxis(lc, m_late, tr("Late (%)"));
    ChartKit::addBarTooltips(m_late, [](int index, double value) {
        return tr("%1:00 – %2 late").arg(index).arg(Format::percent(value / 100.0));
    });
    layout->addWidget(late, 2, 1);
    layout->setRowStretch(1, 3);
    layout->setRowStretch(2, 2);
}

double DeliveryPage::markerX(double minutes) const
{
    return (minutes - m_bucketFrom) / m_bucketWidth - 0.5;
}

void DeliveryPage::setSnapshot(const op::Snapshot &s)
{
    const op::DeliveryReport &d = s.delivery;
    m_summary->setText(tr("Delivered orders: %1   mean: %2   p50: %3   p90: %4   p99: %5")
                           .arg(Format::count(d.count), Format::minutes(d.mean), Format::minutes(d.p50),
                                Format::minutes(d.p90), Format::minutes(d.p99)));

    m_histogram->clear();
    auto *set = new QBarSet(tr("Delivered orders"));
    QStringList labels;
    double max = 0;
    for (const op::HistogramBucket &b : d.histogram) {
        set->append(static_cast<double>(b.count));
        // Many buckets: their start alone, or the labels would not fit under the bars.
        labels << (d.histogram.size() > 20 ? QString::number(b.from) : QStringLiteral("%1–%2").arg(b.from).arg(b.to));
        max = std::max(max, static_cast<double>(b.count));
    }
    if (!d.histogram.empty()) {
        m_bucketFrom = d.histogram.front().from;
        m_bucketWidth = std::max(1e-9, d.histogram.front().to - d.histogram.front().from);
    }
    m_histogram->append(set);
    m_histAxis->setCategories(labels);
    ChartKit::setNiceAxis(m_histCount, std::max(1.0, max), [](double v) { return Format::count(static_cast<std::int64_t>(v)); });
    const std::optional<double> values[3] = {d.p50, d.p90, d.p99};
    const QString names[3] = {tr("p50"), tr("p90"), tr("p99")};
    for (int i = 0; i < 3; ++i) {
        QList<QPointF> line;
        if (values[i] && !d.histogram.empty()) {
            const double x = markerX(*values[i]);
            line = {{x, 0.0}, {x, m_histCount->max()}};
        }
        m_markers[i]->replace(line);
        m_markers[i]->setName(QStringLiteral("%1 = %2").arg(names[i], Format::minutes(values[i])));
    }

    m_distance->clear();
    auto *distSet = new QBarSet(tr("Mean delivery time"));
    max = 0;
    for (const op::DistanceBucket &b : d.byDistance) {
        distSet->append(b.mean.value_or(0.0));
        max = std::max(max, b.mean.value_or(0.0));
    }
    m_distance->append(distSet);
    setNiceRange(m_distanceMinutes, max);

    m_late->clear();
    auto *lateSet = new QBarSet(tr("Late"));
    max = 0;
    for (const std::optional<double> &r : d.lateRateByHour) {
        lateSet->append(r.value_or(0.0) * 100.0);
        max = std::max(max, r.value_or(0.0) * 100.0);
    }
    m_late->append(lateSet);
    setNiceRange(m_latePercent, max);
}

} // namespace opui
