#include "widgets/HeatmapWidget.h"

#include "common/Format.h"

#include <QPainter>

#include <algorithm>

namespace opui {

HeatmapWidget::HeatmapWidget(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HeatmapWidget::setTitle(const QString &title)
{
    m_title = title;
    update();
}

void HeatmapWidget::setAxisTitles(const QString &rows, const QString &columns)
{
    m_rowTitle = rows;
    m_columnTitle = columns;
    update();
}

void HeatmapWidget::setLabels(const QStringList &rows, const QStringList &columns)
{
    m_rows = rows;
    m_columns = columns;
    update();
}

void HeatmapWidget::setValues(std::vector<std::vector<std::int64_t>> values)
{
    m_values = std::move(values);
    update();
}

QSize HeatmapWidget::minimumSizeHint() const
{
    const QFontMetrics fm(font());
    return {fm.horizontalAdvance(QStringLiteral("0000")) * static_cast<int>(std::max<qsizetype>(1, m_columns.size())) / 2,
            fm.height() * static_cast<int>(m_rows.size() + 4)};
}

void HeatmapWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QFontMetrics fm(font());
    const int line = fm.height();
    int rowLabelWidth = fm.horizontalAdvance(m_rowTitle) / 2;
    for (const QString &r : m_rows)
        rowLabelWidth = std::max(rowLabelWidth, fm.horizontalAdvance(r));
    rowLabelWidth += 8;

    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, 2, width(), line), Qt::AlignHCenter, m_title);
    p.setFont(font());

    const int top = line * 2 + 4;
    const int bottom = height() - line * 2 - 4;
    const QRect grid(rowLabelWidth, top, std::max(1, width() - rowLabelWidth - 8), std::max(1, bottom - top));
    const auto rows = static_cast<int>(m_rows.size());
    const auto cols = static_cast<int>(m_columns.size());
    if (rows == 0 || cols == 0)
        return;
    const double cw = grid.width() / static_cast<double>(cols);
    const double ch = grid.height() / static_cast<double>(rows);

    std::int64_t max = 0;
    for (const auto &row : m_values)
        for (std::int64_t v : row)
            max = std::max(max, v);

    const QColor low(0xF1, 0xF5, 0xFB);
    const QColor high(0x1F, 0x4E, 0x9A);
    const bool showValues = fm.horizontalAdvance(Format::count(max)) + 4 <= cw && line <= ch;
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const std::int64_t v = r < static_cast<int>(m_values.size()) && c < static_cast<int>(m_values[r].size())
                                       ? m_values[r][c]
                                       : 0;
            const double t = max > 0 ? static_cast<double>(v) / static_cast<double>(max) : 0.0;
            const QColor color = QColor::fromRgbF(low.redF() + (high.redF() - low.redF()) * t,
                                                  low.greenF() + (high.greenF() - low.greenF()) * t,
                                                  low.blueF() + (high.blueF() - low.blueF()) * t);
            const QRectF cell(grid.left() + c * cw, grid.top() + r * ch, cw - 1, ch - 1);
            p.fillRect(cell, color);
            if (showValues) {
                p.setPen(t > 0.5 ? Qt::white : Qt::black);
                p.drawText(cell, Qt::AlignCenter, Format::count(v));
            }
        }
    }
    p.setPen(palette().color(QPalette::Text));
    for (int r = 0; r < rows; ++r)
        p.drawText(QRectF(0, grid.top() + r * ch, rowLabelWidth - 6, ch), Qt::AlignRight | Qt::AlignVCenter, m_rows[r]);
    // Column labels: skip some when they do not fit.
    int every = 1;
    int widest = 0;
    for (const QString &c : m_columns)
        widest = std::max(widest, fm.horizontalAdvance(c) + 6);
    while (every * cw < widest && every < cols)
        ++every;
    for (int c = 0; c < cols; c += every)
        p.drawText(QRectF(grid.left() + c * cw - cw, grid.bottom() + 2, cw * 3, line), Qt::AlignHCenter | Qt::AlignTop,
                   m_columns[c]);
    p.drawText(QRect(grid.left(), grid.bottom() + line + 4, grid.width(), line), Qt::AlignHCenter, m_columnTitle);
    p.drawText(QRect(0, top - line - 2, rowLabelWidth + 200, line), Qt::AlignLeft, m_rowTitle);
}

} // namespace opui
