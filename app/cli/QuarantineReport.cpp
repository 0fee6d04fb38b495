#include "QuarantineReport.h"

#include "CliSupport.h"

namespace cli {

void QuarantineReport::add(const op::QuarantineRecord &record)
{
    ++m_count;
    if (m_first.size() < kShown) {
        op::QuarantineRecord kept;
        kept.source = record.source;
        kept.line = record.line;
        kept.offset = record.offset;
        kept.reason = record.reason;
        m_first.push_back(std::move(kept));
    }
}

void QuarantineReport::print() const
{
    for (const op::QuarantineRecord &r : m_first) {
        const QString where = r.line > 0 ? QStringLiteral("%1 line %2").arg(QString::fromStdString(r.source)).arg(r.line)
                                         : QStringLiteral("%1 offset %2").arg(QString::fromStdString(r.source)).arg(r.offset);
        printInfo(QStringLiteral("  quarantined: %1: %2").arg(where, QString::fromStdString(r.reason)));
    }
    if (m_count > static_cast<std::int64_t>(m_first.size()))
        printInfo(QStringLiteral("  ... and %1 more quarantined records").arg(m_count - static_cast<std::int64_t>(m_first.size())));
}

} // namespace cli
