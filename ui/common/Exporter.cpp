#include "common/Exporter.h"

#include "common/Format.h"

#include <QAbstractBarSeries>
#include <QAbstractItemModel>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QTableView>
#include <QXYSeries>

namespace opui {

namespace {

// Epoch milliseconds after 2001: the x of a time chart; written as a display-zone time as well.
bool looksLikeTime(double x)
{
    return x > 1e12 && x < 1e13;
}

QStringList categoriesOf(QAbstractSeries *series)
{
    for (QAbstractAxis *axis : series->attachedAxes())
        if (auto *bar = qobject_cast<QBarCategoryAxis *>(axis))
            return bar->categories();
    return {};
}

} // namespace

QString Exporter::csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString Exporter::chartCsv(const QChart *chart)
{
    QString out = QStringLiteral("series,x,x_time,y\n");
    for (QAbstractSeries *series : chart->series()) {
        if (const auto *xy = qobject_cast<const QXYSeries *>(series)) {
            for (const QPointF &p : xy->points()) {
                const QString time =
                    looksLikeTime(p.x()) ? Format::dateTime(static_cast<op::TimestampMs>(p.x())) : QString();
                out += QStringLiteral("%1,%2,%3,%4\n")
                           .arg(csvField(xy->name()), QString::number(p.x(), 'g', 15), time,
                                QString::number(p.y(), 'g', 15));
            }
        } else if (const auto *bars = qobject_cast<const QAbstractBarSeries *>(series)) {
            const QStringList categories = categoriesOf(series);
            for (const QBarSet *set : bars->barSets()) {
                for (int i = 0; i < set->count(); ++i) {
                    const QString category = i < categories.size() ? categories.at(i) : QString::number(i);
                    out += QStringLiteral("%1,%2,,%3\n")
                               .arg(csvField(set->label().isEmpty() ? bars->name() : set->label()),
                                    csvField(category), QString::number(set->at(i), 'g', 15));
                }
            }
        }
    }
    return out;
}

QString Exporter::tableCsv(const QAbstractItemModel *model)
{
    QStringList header;
    for (int c = 0; c < model->columnCount(); ++c)
        header << csvField(model->headerData(c, Qt::Horizontal).toString());
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int r = 0; r < model->rowCount(); ++r) {
        QStringList row;
        for (int c = 0; c < model->columnCount(); ++c)
            row << csvField(model->index(r, c).data().toString());
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

bool Exporter::writeCsv(const QString &path, const QString &csv, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = f.errorString();
        return false;
    }
    f.write("\xEF\xBB\xBF");
    f.write(csv.toUtf8());
    return f.flush();
}

QStringList Exporter::exportPage(QWidget *page, const QString &dir, const QString &name, QString *error)
{
    QStringList written;
    const QDir d(dir);
    const QString png = d.filePath(name + QStringLiteral(".png"));
    if (!page->grab().save(png, "PNG")) {
        *error = QStringLiteral("cannot write '%1'").arg(png);
        return written;
    }
    written << png;
    int n = 0;
    for (QChartView *view : page->findChildren<QChartView *>()) {
        const QString base = d.filePath(QStringLiteral("%1-chart-%2").arg(name).arg(++n));
        if (!view->grab().save(base + QStringLiteral(".png"), "PNG") ||
            !writeCsv(base + QStringLiteral(".csv"), chartCsv(view->chart()), error)) {
            if (error->isEmpty())
                *error = QStringLiteral("cannot write '%1.png'").arg(base);
            return written;
        }
        written << base + QStringLiteral(".png") << base + QStringLiteral(".csv");
    }
    n = 0;
    for (QTableView *table : page->findChildren<QTableView *>()) {
        const QString path = d.filePath(QStringLiteral("%1-table-%2.csv").arg(name).arg(++n));
        if (!writeCsv(path, tableCsv(table->model()), error))
            return written;
        written << path;
    }
    return written;
}

} // namespace opui
