#pragma once

#include <QStringList>
#include <QWidget>

#include <cstdint>
#include <vector>

namespace opui {

// A grid of counts drawn with QPainter: darker is more, each cell shows its count, rows and
// columns carry labels. Used for the 7x24 hour-of-week grid and the 5x5 R x F grid.
class HeatmapWidget : public QWidget
{
    Q_OBJECT

public:
    explicit HeatmapWidget(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setAxisTitles(const QString &rows, const QString &columns);
    void setLabels(const QStringList &rows, const QStringList &columns);
    // values[row][column]; every row as long as the column labels.
    void setValues(std::vector<std::vector<std::int64_t>> values);
    const std::vector<std::vector<std::int64_t>> &values() const { return m_values; }

    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_title;
    QString m_rowTitle;
    QString m_columnTitle;
    QStringList m_rows;
    QStringList m_columns;
    std::vector<std::vector<std::int64_t>> m_values;
};

} // namespace opui
