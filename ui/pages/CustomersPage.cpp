#include "pages/CustomersPage.h"

#include "common/Format.h"
#include "common/Labels.h"
#include "models/CustomerTableModel.h"
#include "widgets/ChartKit.h"
#include "widgets/HeatmapWidget.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QCoreApplication>
#include <QGridLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>

namespace opui {

namespace {

QString countLabel(double v)
{
    return Format::count(static_cast<std::int64_t>(v));
}

} // namespace

CustomersPage::CustomersPage(QWidget *parent)
    : Page(parent)
{
    auto *layout = new QGridLayout(this);

    QChartView *segments = ChartKit::makeView(tr("Customers per RFM segment"), this);
    QChart *sc = segments->chart();
    sc->legend()->hide();
    m_segments = new QHorizontalBarSeries(sc);
    sc->addSeries(m_segments);
    m_segmentAxis = new QBarCategoryAxis(sc);
    m_segmentAxis->setTitleText(tr("Segment"));
    QStringList names;
    for (const char *n : op::kSegmentNames)
        names << Labels::segment(n);
    m_segmentAxis->setCategories(names);
    m_segmentValues = new QCategoryAxis(sc);
    m_segmentValues->setTitleText(tr("Customers"));
    sc->addAxis(m_segmentAxis, Qt::AlignLeft);
    sc->addAxis(m_segmentValues, Qt::AlignBottom);
    m_segments->attachAxis(m_segmentAxis);
    m_segments->attachAxis(m_segmentValues);
    ChartKit::addBarTooltips(m_segments, [this](int index, double value) {
        return tr("%1: %2 customers").arg(m_segmentAxis->at(index), countLabel(value));
    });
    layout->addWidget(segments, 0, 0);

    m_rf = new HeatmapWidget(this);
    m_rf->setTitle(tr("Customers by recency (R) and frequency (F) score"));
    m_rf->setAxisTitles(tr("R score"), tr("F score"));
    m_rf->setLabels({QStringLiteral("R5"), QStringLiteral("R4"), QStringLiteral("R3"), QStringLiteral("R2"), QStringLiteral("R1")},
                    {QStringLiteral("F1"), QStringLiteral("F2"), QStringLiteral("F3"), QStringLiteral("F4"), QStringLiteral("F5")});
    layout->addWidget(m_rf, 0, 1);

    QChartView *grades = ChartKit::makeView(tr("Customers per grade"), this);
    QChart *gc = grades->chart();
    gc->legend()->hide();
    m_grades = new QHorizontalBarSeries(gc);
    gc->addSeries(m_grades);
    m_gradeAxis = new QBarCategoryAxis(gc);
    m_gradeAxis->setTitleText(tr("Grade"));
    QStringList gradeNames;
    for (const char *g : op::kGradeNames)
        gradeNames << QString::fromLatin1(g);
    m_gradeAxis->setCategories(gradeNames);
    m_gradeValues = new QCategoryAxis(gc);
    m_gradeValues->setTitleText(tr("Customers"));
    gc->addAxis(m_gradeAxis, Qt::AlignLeft);
    gc->addAxis(m_gradeValues, Qt::AlignBottom);
    m_grades->attachAxis(m_gradeAxis);
    m_grades->attachAxis(m_gradeValues);
    ChartKit::addBarTooltips(m_grades, [this](int index, double value) {
        return tr("%1: %2 customers").arg(m_gradeAxis->at(index), countLabel(value));
    });
    layout->addWidget(grades, 0, 2);

    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *searchRow = new QHBoxLayout;
    m_search = new QLineEdit(tableBox);
    m_search->setPlaceholderText(tr("Search customer, segment or grade"));
    m_search->setClearButtonEnabled(true);
    searchRow->addWidget(m_search, 1);
    m_asOf = new QLabel(tableBox);
    searchRow->addWidget(m_asOf);
    tableLayout->addLayout(searchRow);
    m_model = new CustomerTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    auto *view = new QTableView(tableBox);
    view->setModel(m_proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(CustomerTableModel::Spent, Qt::DescendingOrder);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(CustomerTableModel::Customer, QHeaderView::Stretch);
    view->horizontalHeader()->setSectionResizeMode(CustomerTableModel::Segment, QHeaderView::Stretch);
    tableLayout->addWidget(view);
    layout->addWidget(tableBox, 1, 0, 1, 2);

    QChartView *clv = ChartKit::makeView(tr("CLV distribution"), this);
    QChart *cc = clv->chart();
    cc->legend()->hide();
    m_clv = new QBarSeries(cc);
    m_clv->setBarWidth(0.9);
    cc->addSeries(m_clv);
    // Up to 21 buckets in a narrow chart: a value axis over the bucket index, labelled every
    // few buckets, instead of a category per bar whose labels would be elided.
    m_clvAxis = new QCategoryAxis(cc);
    m_clvAxis->setTitleText(tr("CLV (₩)"));
    m_clvAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_clvValues = new QCategoryAxis(cc);
    m_clvValues->setTitleText(tr("Customers"));
    cc->addAxis(m_clvAxis, Qt::AlignBottom);
    cc->addAxis(m_clvValues, Qt::AlignLeft);
    m_clv->attachAxis(m_clvAxis);
    m_clv->attachAxis(m_clvValues);
    ChartKit::addBarTooltips(m_clv, [this](int index, double value) {
        const QString range = index < static_cast<int>(m_clvBuckets.size())
                                  ? QStringLiteral("%1–%2").arg(Format::money(static_cast<op::Money>(m_clvBuckets[static_cast<std::size_t>(index)].from)),
                                                               Format::money(static_cast<op::Money>(m_clvBuckets[static_cast<std::size_t>(index)].to)))
                                  : QString();
        return tr("%1: %2 customers").arg(range, countLabel(value));
    });
    layout->addWidget(clv, 1, 2);
    layout->setRowStretch(0, 1);
    layout->setRowStretch(1, 1);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 3);
    layout->setColumnStretch(2, 2);

    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
}

void CustomersPage::setSnapshot(const op::Snapshot &s)
{
    const op::CustomerSummary &c = s.customers;
    m_segments->clear();
    auto *segmentSet = new QBarSet(tr("Customers"));
    double max = 0;
    for (std::int64_t n : c.segmentCounts) {
        segmentSet->append(static_cast<double>(n));
        max = std::max(max, static_cast<double>(n));
    }
    m_segments->append(segmentSet);
    ChartKit::setNiceAxis(m_segmentValues, std::max(1.0, max), countLabel);

    m_grades->clear();
    auto *gradeSet = new QBarSet(tr("Customers"));
    max = 0;
    for (std::int64_t n : c.gradeCounts) {
        gradeSet->append(static_cast<double>(n));
        max = std::max(max, static_cast<double>(n));
    }
    m_grades->append(gradeSet);
    ChartKit::setNiceAxis(m_gradeValues, std::max(1.0, max), countLabel);

    m_clv->clear();
    auto *clvSet = new QBarSet(tr("Customers"));
    max = 0;
    for (const op::HistogramBucket &b : c.clvHistogram) {
        clvSet->append(static_cast<double>(b.count));
        max = std::max(max, static_cast<double>(b.count));
    }
    m_clvBuckets = c.clvHistogram;
    m_clv->append(clvSet);
    for (const QString &l : m_clvAxis->categoriesLabels())
        m_clvAxis->remove(l);
    // A label at the left edge of every fifth bucket: the value where that bucket starts (no ₩:
    // the axis title has it, and the labels must fit a narrow chart).
    const int n = static_cast<int>(c.clvHistogram.size());
    m_clvAxis->setStartValue(-0.5);
    for (int i = 0; i < n; i += 5)
        m_clvAxis->append(Format::compactMoney(static_cast<op::Money>(c.clvHistogram[static_cast<std::size_t>(i)].from)).mid(1), i - 0.5);
    m_clvAxis->setRange(-0.5, std::max(0.5, n - 0.5));
    ChartKit::setNiceAxis(m_clvValues, std::max(1.0, max), countLabel);

    // Rows R5 (most recent) at the top down to R1; columns F1..F5.
    std::vector<std::vector<std::int64_t>> grid;
    for (int r = 5; r >= 1; --r)
        grid.emplace_back(c.rfGrid[static_cast<std::size_t>(r - 1)].begin(), c.rfGrid[static_cast<std::size_t>(r - 1)].end());
    m_rf->setValues(std::move(grid));

    m_model->setTable(c.table);
    m_asOf->setText(c.computedAtEventTime > 0 ? tr("as of %1").arg(Format::dateTime(c.computedAtEventTime)) : QString());
}

} // namespace opui
