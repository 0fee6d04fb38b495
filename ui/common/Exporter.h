#pragma once

#include <QString>
#include <QStringList>

class QAbstractItemModel;
class QChart;
class QWidget;

namespace opui {

// Writes what the user sees to files: a chart's or a page's picture (PNG), a chart's series or a
// table's rows (CSV, RFC 4180 quoting, UTF-8 with BOM so spreadsheet programs read Korean).
class Exporter
{
public:
    static QString chartCsv(const QChart *chart);
    static QString tableCsv(const QAbstractItemModel *model);
    static QString csvField(const QString &text);
    static bool writeCsv(const QString &path, const QString &csv, QString *error);
    // The page as dir/<name>.png, each chart as dir/<name>-chart-<n>.png/.csv, each table as
    // dir/<name>-table-<n>.csv. Returns the files written; `error` set on failure.
    static QStringList exportPage(QWidget *page, const QString &dir, const QString &name, QString *error);
};

} // namespace opui
