#pragma once

#include "pages/Page.h"

class QBarCategoryAxis;
class QBarSeries;
class QCategoryAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace opui {

// Delivery-time histogram with p50/p90/p99 markers, mean time by distance, late rate by hour.
class DeliveryPage : public Page
{
    Q_OBJECT

public:
    explicit DeliveryPage(QWidget *parent = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("delivery"); }
    QString title() const override { return tr("Delivery"); }

    QBarSeries *histogramSeries() const { return m_histogram; }
    // p50, p90, p99: vertical lines at the percentile, in the histogram's bucket coordinates.
    QLineSeries *marker(int i) const { return m_markers[i]; }
    // Bucket coordinate of a delivery time in minutes (bucket i is drawn centred on x = i).
    double markerX(double minutes) const;
    QBarSeries *distanceSeries() const { return m_distance; }
    QBarSeries *lateSeries() const { return m_late; }
    QLabel *summary() const { return m_summary; }

private:
    QLabel *m_summary = nullptr;
    QBarSeries *m_histogram = nullptr;
    QBarCategoryAxis *m_histAxis = nullptr;
    QCategoryAxis *m_histCount = nullptr;
    QLineSeries *m_markers[3] = {};
    double m_bucketFrom = 0;
    double m_bucketWidth = 5;
    QBarSeries *m_distance = nullptr;
    QValueAxis *m_distanceMinutes = nullptr;
    QBarSeries *m_late = nullptr;
    QValueAxis *m_latePercent = nullptr;
};

} // namespace opui
