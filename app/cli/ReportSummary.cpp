#include "ReportSummary.h"

#include "OutputFile.h"

#include "analytics/ReportJson.h"

namespace cli {

QString reportSummaryText(const op::Report &r)
{
    return QStringLiteral("events: %1 accepted, %2 quarantined, %3 duplicates, %4 late\n"
                          "orders: %5, sales: %6 won, average order: %7 won, customers: %8, merchants: %9\n")
        .arg(r.events.accepted)
        .arg(r.events.quarantined)
        .arg(r.events.duplicates)
        .arg(r.events.late)
        .arg(r.totals.orders)
        .arg(QString::fromStdString(op::groupThousands(r.totals.sales)))
        .arg(QString::fromStdString(op::groupThousands(r.totals.avgOrderValue)))
        .arg(r.totals.customers)
        .arg(r.totals.merchants);
}

tl::expected<void, QString> writeReportJson(const QString &path, const op::Report &report)
{
    OutputFile out;
    if (auto opened = out.open(path); !opened)
        return opened;
    out.write(op::reportToJson(report));
    return out.close();
}

} // namespace cli
