#include "widgets/ChartKit.h"

#include "common/Format.h"
#include "widgets/ChartView.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QDateTime>
#include <QCursor>
#include <QPainter>
#include <QToolTip>
#include <QXYSeries>

#include <cmath>

namespace opui {

QChartView *ChartKit::makeView(const QString &title, QWidget *parent)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // Room on the right: the last label of a bottom axis is centred on the plot's edge.
    chart->setMargins(QMargins(4, 4, 40, 4));
    chart->setBackgroundRoundness(0);
    auto *view = new ChartView(chart, parent);
    view->setMinimumHeight(220);
    return view;
}

void ChartKit::scaleFonts(QWidget *root, double factor)
{
    const auto scaled = [factor](QFont f) {
        f.setPointSizeF(f.pointSizeF() * factor);
        return f;
    };
    for (QChartView *view : root->findChildren<QChartView *>()) {
        QChart *chart = view->chart();
        chart->setTitleFont(scaled(chart->titleFont()));
        chart->legend()->setFont(scaled(chart->legend()->font()));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsFont(scaled(axis->labelsFont()));
            axis->setTitleFont(scaled(axis->titleFont()));
        }
    }
}

double ChartKit::niceStep(double max, int targetTicks)
{
    if (max <= 0)
        return 1;
    const double raw = max / std::max(1, targetTicks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    const double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
    return std::max(1.0, nice * magnitude);
}

void ChartKit::setNiceAxis(QCategoryAxis *axis, double max, const std::function<QString(double)> &label,
                           int targetTicks)
{
    for (const QString &l : axis->categoriesLabels())
        axis->remove(l);
    const double step = niceStep(max, targetTicks);
    const int steps = std::max(1, static_cast<int>(std::ceil(max / step)));
    // A category spans (previous end, end]; the first one starts just below 0 so 0 is labelled.
    axis->setStartValue(-step * 1e-6);
    for (int i = 0; i <= steps; ++i)
        axis->append(label(step * i), step * i);
    axis->setRange(0, step * steps);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
}

void ChartKit::setTimeAxis(QCategoryAxis *axis, double fromMs, double toMs, bool withDate, int ticks)
{
    for (const QString &l : axis->categoriesLabels())
        axis->remove(l);
    if (toMs <= fromMs)
        toMs = fromMs + 60000;
    static constexpr double kSteps[] = {30e3, 60e3, 300e3, 600e3, 900e3, 1800e3, 3600e3, 3 * 3600e3, 6 * 3600e3,
                                        12 * 3600e3, 24 * 3600e3, 7 * 24 * 3600e3};
    double step = kSteps[std::size(kSteps) - 1];
    for (double s : kSteps) {
        if ((toMs - fromMs) / s <= ticks) {
            step = s;
            break;
        }
    }
    // Ticks on round display-zone times: shift by the zone offset before rounding.
    const double offset = Format::displayZone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(fromMs))) * 1000.0;
    double t = std::ceil((fromMs + offset) / step) * step - offset;
    axis->setStartValue(fromMs);
    for (; t <= toMs; t += step) {
        const auto ms = static_cast<op::TimestampMs>(t);
        const bool dated = withDate || step >= 24 * 3600e3;
        QString text = step < 60e3 ? Format::time(ms) : Format::shortTime(ms, dated);
        if (step >= 24 * 3600e3)
            text = text.left(5);
        if (t > fromMs)
            axis->append(text, t);
    }
    axis->setRange(fromMs, toMs);
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
}

void ChartKit::addBarTooltips(QAbstractBarSeries *series, std::function<QString(int, double)> text)
{
    QObject::connect(series, &QAbstractBarSeries::hovered, series,
                     [text = std::move(text)](bool status, int index, QBarSet *set) {
                         if (status && set && index >= 0 && index < set->count())
                             QToolTip::showText(QCursor::pos(), text(index, set->at(index)));
                         else
                             QToolTip::hideText();
                     });
}

void ChartKit::addLineTooltips(QXYSeries *series, std::function<QString(const QPointF &)> text)
{
    QObject::connect(series, &QXYSeries::hovered, series, [text = std::move(text)](const QPointF &point, bool state) {
        if (state)
            QToolTip::showText(QCursor::pos(), text(point));
        else
            QToolTip::hideText();
    });
}

} // namespace opui
