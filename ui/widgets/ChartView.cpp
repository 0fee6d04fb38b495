#include "widgets/ChartView.h"

#include "common/Exporter.h"

#include <QAbstractSeries>
#include <QBrush>
#include <QContextMenuEvent>
#include <QFileDialog>
#include <QLegend>
#include <QLegendMarker>
#include <QMenu>
#include <QMessageBox>
#include <QPen>
#include <QWheelEvent>

namespace opui {

ChartView::ChartView(QChart *chart, QWidget *parent)
    : QChartView(chart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    // Horizontal: the charts are mostly over time; a vertical zoom would cut the bars' base.
    setRubberBand(QChartView::HorizontalRubberBand);
    setFocusPolicy(Qt::StrongFocus);
    setToolTip(tr("Wheel or drag: zoom · middle button or Shift+drag: pan · double-click: reset · "
                  "right-click: export"));
}

void ChartView::zoomBy(double factor)
{
    chart()->zoom(factor);
    m_zoomed = true;
}

void ChartView::pan(double dx, double dy)
{
    chart()->scroll(dx, dy);
    m_zoomed = true;
}

void ChartView::resetView()
{
    chart()->zoomReset();
    m_zoomed = false;
}

void ChartView::enableLegendToggles()
{
    m_togglesConnected = true;
    for (QLegendMarker *marker : chart()->legend()->markers()) {
        disconnect(marker, &QLegendMarker::clicked, this, nullptr);
        connect(marker, &QLegendMarker::clicked, this, [marker] {
            QAbstractSeries *series = marker->series();
            series->setVisible(!series->isVisible());
            marker->setVisible(true); // keep the marker, dimmed, so the series can come back
            const qreal alpha = series->isVisible() ? 1.0 : 0.35;
            QBrush label = marker->labelBrush();
            QColor c = label.color();
            c.setAlphaF(alpha);
            label.setColor(c);
            marker->setLabelBrush(label);
            QBrush brush = marker->brush();
            c = brush.color();
            c.setAlphaF(alpha);
            brush.setColor(c);
            marker->setBrush(brush);
        });
    }
}

void ChartView::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    if (!m_togglesConnected)
        enableLegendToggles();
}

void ChartView::wheelEvent(QWheelEvent *event)
{
    const QRectF plot = chart()->plotArea();
    const double x = std::clamp(event->position().x(), plot.left(), plot.right());
    const double f = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    QRectF r = plot;
    r.setLeft(x - (x - plot.left()) * f);
    r.setRight(x + (plot.right() - x) * f);
    chart()->zoomIn(r);
    m_zoomed = true;
    event->accept();
}

void ChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton ||
        (event->button() == Qt::LeftButton && event->modifiers().testFlag(Qt::ShiftModifier))) {
        m_panning = true;
        m_panFrom = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void ChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPointF delta = event->position() - m_panFrom;
        m_panFrom = event->position();
        pan(-delta.x(), delta.y());
        event->accept();
        return;
    }
    QChartView::mouseMoveEvent(event);
}

void ChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) { // QChartView would zoom out; ours is the context menu
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton && rubberBand() != QChartView::NoRubberBand)
        m_zoomed = true;
    QChartView::mouseReleaseEvent(event);
}

void ChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    resetView();
    event->accept();
}

void ChartView::keyPressEvent(QKeyEvent *event)
{
    const QRectF plot = chart()->plotArea();
    switch (event->key()) {
    case Qt::Key_Plus:
        zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        zoomBy(0.8);
        break;
    case Qt::Key_Left:
        pan(-plot.width() / 10, 0);
        break;
    case Qt::Key_Right:
        pan(plot.width() / 10, 0);
        break;
    case Qt::Key_Home:
        resetView();
        break;
    default:
        QChartView::keyPressEvent(event);
        return;
    }
    event->accept();
}

void ChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Reset view"), this, &ChartView::resetView)->setEnabled(m_zoomed);
    menu.addSeparator();
    menu.addAction(tr("Export picture (PNG)…"), this, &ChartView::exportPng);
    menu.addAction(tr("Export data (CSV)…"), this, &ChartView::exportCsv);
    menu.exec(event->globalPos());
}

void ChartView::exportPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart"), chart()->title() + QStringLiteral(".png"), tr("PNG pictures (*.png)"));
    if (!path.isEmpty() && !grab().save(path, "PNG"))
        QMessageBox::warning(this, tr("Export chart"), tr("Could not write %1.").arg(path));
}

void ChartView::exportCsv()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export chart data"), chart()->title() + QStringLiteral(".csv"), tr("CSV files (*.csv)"));
    QString error;
    if (!path.isEmpty() && !Exporter::writeCsv(path, Exporter::chartCsv(chart()), &error))
        QMessageBox::warning(this, tr("Export chart data"), tr("Could not write %1: %2").arg(path, error));
}

} // namespace opui
