#pragma once

#include <QChartView>

namespace opui {

// Every chart's view: zoom with the wheel or a rubber band (drag), pan with the middle button,
// Shift+drag or the arrow keys, reset with Home, a double-click or the context menu; clicking a
// legend marker hides or shows its series; the context menu exports the picture (PNG) and the
// data (CSV). No OpenGL: it crashes under the offscreen platform.
class ChartView : public QChartView
{
    Q_OBJECT

public:
    explicit ChartView(QChart *chart, QWidget *parent = nullptr);

    void zoomBy(double factor);
    void pan(double dx, double dy);
    void resetView();
    bool isZoomed() const { return m_zoomed; }
    // Connects the legend markers (call after the series are added; makeView's users do).
    void enableLegendToggles();

    void exportPng();
    void exportCsv();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    QPointF m_panFrom;
    bool m_panning = false;
    bool m_zoomed = false;
    bool m_togglesConnected = false;
};

} // namespace opui
