#include "pages/RestaurantsPage.h"

#include "common/Format.h"
#include "models/MerchantTableModel.h"
#include "pages/RestaurantDetail.h"
#include "widgets/ChartKit.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChartView>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QSortFilterProxyModel>
#include <QTableView>

#include <algorithm>

namespace opui {

RestaurantsPage::RestaurantsPage(QWidget *parent)
    : Page(parent)
{
    auto *layout = new QHBoxLayout(this);
    m_model = new MerchantTableModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::UserRole);
    auto *view = new QTableView(this);
    m_view = view;
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setToolTip(tr("Double-click a restaurant for its details"));
    connect(view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        RestaurantDetail *detail = openDetail(index.row());
        detail->setAttribute(Qt::WA_DeleteOnClose);
        detail->show();
    });
    view->setModel(m_proxy);
    view->setSortingEnabled(true);
    view->sortByColumn(MerchantTableModel::Sales, Qt::DescendingOrder);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(MerchantTableModel::Name, QHeaderView::Stretch);
    layout->addWidget(view, 3);

    QChartView *chart = ChartKit::makeView(tr("Top 10 restaurants by sales"), this);
    QChart *c = chart->chart();
    c->legend()->hide();
    m_top = new QHorizontalBarSeries(c);
    c->addSeries(m_top);
    m_topAxis = new QBarCategoryAxis(c);
    m_topAxis->setTitleText(tr("Restaurant"));
    m_salesAxis = new QCategoryAxis(c);
    m_salesAxis->setTitleText(tr("Sales (₩)"));
    c->addAxis(m_topAxis, Qt::AlignLeft);
    c->addAxis(m_salesAxis, Qt::AlignBottom);
    m_top->attachAxis(m_topAxis);
    m_top->attachAxis(m_salesAxis);
    ChartKit::addBarTooltips(m_top, [this](int index, double value) {
        return tr("%1: %2").arg(m_topAxis->at(index), Format::money(static_cast<op::Money>(value)));
    });
    layout->addWidget(chart, 2);
}

RestaurantDetail *RestaurantsPage::openDetail(int proxyRow)
{
    const int row = m_proxy->mapToSource(m_proxy->index(proxyRow, 0)).row();
    auto *detail = new RestaurantDetail(m_model->rows().at(static_cast<std::size_t>(row)), m_snapshot, this);
    connect(detail, &RestaurantDetail::filterRequested, this, &RestaurantsPage::filterRequested);
    return detail;
}

void RestaurantsPage::setSnapshot(const op::Snapshot &s)
{
    // Only what the drill-down reads: the totals and the merchants (not the customer table).
    m_snapshot.totals = s.totals;
    m_snapshot.merchants = s.merchants;
    m_model->setRows(s.merchants);

    std::vector<const op::MerchantRow *> top;
    for (const op::MerchantRow &m : s.merchants)
        top.push_back(&m);
    const auto n = std::min<std::size_t>(10, top.size());
    std::partial_sort(top.begin(), top.begin() + static_cast<std::ptrdiff_t>(n), top.end(),
                      [](const op::MerchantRow *a, const op::MerchantRow *b) {
                          return a->sales != b->sales ? a->sales > b->sales : a->merchantId < b->merchantId;
                      });
    top.resize(n);
    // A horizontal bar chart draws its first category at the bottom: add the biggest last.
    std::reverse(top.begin(), top.end());
    m_top->clear();
    auto *set = new QBarSet(tr("Sales"));
    QStringList names;
    double max = 0;
    for (const op::MerchantRow *m : top) {
        set->append(static_cast<double>(m->sales));
        QString name = QString::fromStdString(m->name.empty() ? m->merchantId : m->name);
        // Category labels must be unique; two branches may share a name.
        if (names.contains(name))
            name += QStringLiteral(" (%1)").arg(QString::fromStdString(m->merchantId));
        names << name;
        max = std::max(max, static_cast<double>(m->sales));
    }
    m_top->append(set);
    m_topAxis->setCategories(names);
    ChartKit::setNiceAxis(m_salesAxis, std::max(1000.0, max), [](double v) { return Format::money(static_cast<op::Money>(v)); }, 3);
}

} // namespace opui
