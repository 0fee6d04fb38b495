#pragma once

#include <QString>

#include <functional>

class QAbstractBarSeries;
class QChart;
class QChartView;
class QCategoryAxis;
class QPointF;
class QWidget;
class QXYSeries;

namespace opui {

// Small helpers shared by every chart: a plain chart view (no OpenGL: it crashes under the
// offscreen platform), and category axes whose tick labels we write ourselves, so money gets
// ₩ and grouping and times are shown in the display zone (QValueAxis/QDateTimeAxis cannot).
class ChartKit
{
public:
    static QChartView *makeView(const QString &title, QWidget *parent);
    // Multiplies the fonts of every chart under `root` (titles, legends, axes): chart fonts come
    // from the chart theme, not from the widget font, so the kiosk's large type needs this.
    static void scaleFonts(QWidget *root, double factor);

    // About targetTicks ticks (fewer where long labels share a narrow axis) at "nice" values 0, step, 2*step, ... covering [0, max]; labels from `label`.
    static void setNiceAxis(QCategoryAxis *axis, double max, const std::function<QString(double)> &label,
                            int targetTicks = 5);
    // About `ticks` labels between fromMs and toMs (UTC ms), shown in the display zone.
    static void setTimeAxis(QCategoryAxis *axis, double fromMs, double toMs, bool withDate, int ticks = 6);
    static double niceStep(double max, int targetTicks);

    // Hover tooltips: the text for the hovered bar (category index, value) or line point.
    static void addBarTooltips(QAbstractBarSeries *series, std::function<QString(int, double)> text);
    static void addLineTooltips(QXYSeries *series, std::function<QString(const QPointF &)> text);
};

} // namespace opui
