#pragma once

#include <QAbstractTableModel>

#include <utility>
#include <vector>

namespace opui {

// Base of the snapshot table models: holds a vector of rows and replaces it per refresh with
// exactly one signal — dataChanged over the whole table when the row count is unchanged (keeps
// the selection and scroll position), one reset otherwise. Qt::UserRole gives the raw value to
// sort by (numbers as numbers).
template <typename Row>
class RowTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    void setRows(std::vector<Row> rows)
    {
        if (rows.size() == m_rows.size() && !m_rows.empty()) {
            m_rows = std::move(rows);
            Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
            return;
        }
        beginResetModel();
        m_rows = std::move(rows);
        endResetModel();
    }
    const std::vector<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
    }

protected:
    std::vector<Row> m_rows;
};

} // namespace opui
