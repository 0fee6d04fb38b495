#pragma once

#include "pages/Page.h"

class QBarCategoryAxis;
class QBarSeries;
class QCategoryAxis;
class QHorizontalBarSeries;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;

namespace opui {

class CustomerTableModel;
class HeatmapWidget;

// RFM segment sizes, the 5x5 R x F grid, grade distribution, the CLV distribution, and the
// searchable customer table.
class CustomersPage : public Page
{
    Q_OBJECT

public:
    explicit CustomersPage(QWidget *parent = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("customers"); }
    QString title() const override { return tr("Customers"); }

    QHorizontalBarSeries *segmentSeries() const { return m_segments; }
    QHorizontalBarSeries *gradeSeries() const { return m_grades; }
    HeatmapWidget *rfGrid() const { return m_rf; }
    QBarSeries *clvSeries() const { return m_clv; }
    QCategoryAxis *clvAxis() const { return m_clvAxis; }
    CustomerTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *search() const { return m_search; }

private:
    QHorizontalBarSeries *m_segments = nullptr;
    QBarCategoryAxis *m_segmentAxis = nullptr;
    QCategoryAxis *m_segmentValues = nullptr;
    QHorizontalBarSeries *m_grades = nullptr;
    QBarCategoryAxis *m_gradeAxis = nullptr;
    QCategoryAxis *m_gradeValues = nullptr;
    HeatmapWidget *m_rf = nullptr;
    QBarSeries *m_clv = nullptr;
    QCategoryAxis *m_clvAxis = nullptr; // bucket index -> label every few buckets
    QCategoryAxis *m_clvValues = nullptr;
    std::vector<op::HistogramBucket> m_clvBuckets;
    CustomerTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_asOf = nullptr;
};

} // namespace opui
