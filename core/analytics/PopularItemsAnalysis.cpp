#include "analytics/PopularItemsAnalysis.h"

#include "analytics/Snapshot.h"

#include <algorithm>

namespace op {

PopularItemsAnalysis::PopularItemsAnalysis(const EngineSettings &settings)
    : m_windowMs(std::max<TimestampMs>(1, settings.popularItemsWindowMs))
    , m_topN(static_cast<std::size_t>(std::max(0, settings.popularItemsTopN)))
    , m_allTimeTopN(static_cast<std::size_t>(std::max(0, settings.allTimeTopN)))
    , m_names(1024)
{
}

PopularItemsAnalysis::Window &PopularItemsAnalysis::windowFor(TimestampMs start)
{
    // Nearly always the newest window; out-of-order orders hit an older open one.
    for (auto it = m_open.rbegin(); it != m_open.rend(); ++it)
        if (it->start == start)
            return *it;
    Window fresh;
    if (!m_spare.empty()) {
        fresh = std::move(m_spare.back());
        m_spare.pop_back();
    }
    fresh.start = start;
    const auto pos = std::upper_bound(m_open.begin(), m_open.end(), start,
                                      [](TimestampMs s, const Window &w) { return s < w.start; });
    return *m_open.insert(pos, std::move(fresh));
}

void PopularItemsAnalysis::onOrderPlaced(const OrderEvent &order, const EventContext &context)
{
    if (order.items.empty())
        return;
    const std::uint64_t stamp = ++m_orderStamp;
    Window *window = context.late ? nullptr : &windowFor(floorTo(order.eventTime, m_windowMs));
    for (const OrderItem &item : order.items) {
        const std::uint32_t id = m_names.tryEmplace(item.name).first;
        const Money sales = static_cast<Money>(item.qty) * item.unitPrice;
        Aggregate &all = m_names.valueAt(id);
        all.quantity += item.qty;
        all.sales += sales;
        if (all.lastOrder != stamp) {
            all.lastOrder = stamp;
            ++all.orders;
        }
        if (window == nullptr)
            continue;
        if (window->byId.size() <= id)
            window->byId.resize(m_names.size());
        Aggregate &w = window->byId[id];
        w.quantity += item.qty;
        w.sales += sales;
        if (w.lastOrder != stamp) {
            if (w.orders == 0)
                window->touched.push_back(id);
            w.lastOrder = stamp;
            ++w.orders;
        }
    }
}

template <typename Lookup>
std::size_t PopularItemsAnalysis::selectTop(std::vector<std::uint32_t> &ids, std::size_t n, Lookup quantityOf) const
{
    m_candidates.clear();
    for (const std::uint32_t id : ids)
        m_candidates.push_back(Candidate{quantityOf(id), m_names.keyAt(id), id});
    const auto better = [](const Candidate &a, const Candidate &b) {
        if (a.quantity != b.quantity)
            return a.quantity > b.quantity;
        return a.name < b.name; // char_traits<char> compares as unsigned bytes
    };
    n = std::min(n, m_candidates.size());
    if (m_candidates.size() <= 2 * n)
        std::sort(m_candidates.begin(), m_candidates.end(), better);
    else
        std::partial_sort(m_candidates.begin(), m_candidates.begin() + static_cast<std::ptrdiff_t>(n),
                          m_candidates.end(), better);
    // Write back the whole permutation: closeFront resets every touched id afterwards.
    for (std::size_t i = 0; i < m_candidates.size(); ++i)
        ids[i] = m_candidates[i].id;
    return n;
}

void PopularItemsAnalysis::closeFront()
{
    Window &w = m_open.front();
    const std::size_t n = selectTop(w.touched, m_topN, [&w](std::uint32_t id) { return w.byId[id].quantity; });
    for (std::size_t i = 0; i < n; ++i) {
        const Aggregate &a = w.byId[w.touched[i]];
        m_closed.push_back(ClosedRow{w.start, w.touched[i], a.quantity, a.orders, a.sales});
    }
    m_lastClosedRows = n;
    for (const std::uint32_t id : w.touched)
        w.byId[id] = Aggregate{};
    w.touched.clear();
    m_spare.push_back(std::move(w));
    m_open.erase(m_open.begin());
}

void PopularItemsAnalysis::onWatermark(TimestampMs watermark)
{
    // The front window is the first to close; most calls find it still open.
    while (!m_open.empty() && m_open.front().start + m_windowMs <= watermark)
        closeFront();
}

void PopularItemsAnalysis::finish()
{
    while (!m_open.empty())
        closeFront();
}

void PopularItemsAnalysis::appendWindowRows(const Window &window, std::vector<PopularItemRow> &out) const
{
    std::vector<std::uint32_t> ids = window.touched;
    ids.resize(selectTop(ids, m_topN, [&window](std::uint32_t id) { return window.byId[id].quantity; }));
    int rank = 0;
    for (const std::uint32_t id : ids) {
        const Aggregate &a = window.byId[id];
        out.push_back(PopularItemRow{window.start, ++rank, std::string(m_names.keyAt(id)), a.quantity, a.orders, a.sales});
    }
}

void PopularItemsAnalysis::fillReport(Report &report) const
{
    auto &rows = report.popularItems;
    rows.clear();
    rows.reserve(m_closed.size() + m_open.size() * m_topN);
    int rank = 0;
    TimestampMs current = 0;
    for (const ClosedRow &c : m_closed) {
        if (rows.empty() || c.windowStart != current) {
            current = c.windowStart;
            rank = 0;
        }
        rows.push_back(PopularItemRow{c.windowStart, ++rank, std::string(m_names.keyAt(c.nameId)), c.quantity,
                                      c.orders, c.sales});
    }
    for (const Window &w : m_open) // a partial report: open windows as they stand
        appendWindowRows(w, rows);
}

void PopularItemsAnalysis::fillSnapshot(Snapshot &snapshot) const
{
    snapshot.topItemsNow.clear();
    int rank = 0;
    for (std::size_t i = m_closed.size() - m_lastClosedRows; i < m_closed.size(); ++i) {
        const ClosedRow &c = m_closed[i];
        snapshot.topItemsNow.push_back(
            PopularItemRow{c.windowStart, ++rank, std::string(m_names.keyAt(c.nameId)), c.quantity, c.orders, c.sales});
    }

    // O(distinct item names): a catalogue, small next to the order stream.
    std::vector<std::uint32_t> ids(m_names.size());
    for (std::uint32_t i = 0; i < ids.size(); ++i)
        ids[i] = i;
    ids.resize(selectTop(ids, m_allTimeTopN, [this](std::uint32_t id) { return m_names.valueAt(id).quantity; }));
    snapshot.topItemsAllTime.clear();
    rank = 0;
    for (const std::uint32_t id : ids) {
        const Aggregate &a = m_names.valueAt(id);
        snapshot.topItemsAllTime.push_back(PopularItemRow{0, ++rank, std::string(m_names.keyAt(id)), a.quantity, a.orders, a.sales});
    }
}

} // namespace op
