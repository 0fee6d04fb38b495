#include "pages/HealthPage.h"

#include "common/Format.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace opui {

namespace {

enum SourceColumn { Name, State, Progress, Rate, Bytes, Lag, Error, SourceColumnCount };

QLabel *addRow(QFormLayout *form, const QString &caption)
{
    auto *value = new QLabel(QStringLiteral("–"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(caption, value);
    return value;
}

} // namespace

HealthPage::HealthPage(QWidget *parent)
    : Page(parent)
{
    auto *layout = new QVBoxLayout(this);
    auto *sourcesBox = new QGroupBox(tr("Sources"), this);
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    m_sources = new QTableWidget(0, SourceColumnCount, sourcesBox);
    m_sources->setHorizontalHeaderLabels({tr("Source"), tr("State"), tr("Progress"), tr("Events/s"), tr("Bytes/s"),
                                          tr("Kafka lag"), tr("Last error")});
    m_sources->verticalHeader()->hide();
    m_sources->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_sources->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    sourcesLayout->addWidget(m_sources);
    m_sources->setMaximumHeight(160);
    layout->addWidget(sourcesBox);

    auto *eventsBox = new QGroupBox(tr("Events"), this);
    auto *form = new QFormLayout(eventsBox);
    m_accepted = addRow(form, tr("Accepted:"));
    m_quarantined = addRow(form, tr("Quarantined:"));
    m_late = addRow(form, tr("Late (after the watermark):"));
    m_duplicates = addRow(form, tr("Duplicates:"));
    m_watermark = addRow(form, tr("Watermark (KST):"));
    m_maxEvent = addRow(form, tr("Latest event time (KST):"));
    m_sequence = addRow(form, tr("Snapshot:"));
    layout->addWidget(eventsBox);
    layout->addStretch(1);
}

void HealthPage::setSnapshot(const op::Snapshot &s)
{
    m_sources->setRowCount(static_cast<int>(s.sources.size()));
    for (int row = 0; row < static_cast<int>(s.sources.size()); ++row) {
        const op::SourceHealth &h = s.sources[static_cast<std::size_t>(row)];
        std::int64_t lag = 0;
        for (const op::PartitionLag &p : h.lag)
            lag += p.lag;
        const QString cells[SourceColumnCount] = {
            QString::fromStdString(h.name),
            QString::fromStdString(h.state),
            h.progress >= 0 ? Format::percent(h.progress) : QStringLiteral("–"),
            Format::count(static_cast<std::int64_t>(h.messagesPerSecond)),
            Format::count(static_cast<std::int64_t>(h.bytesPerSecond)),
            h.lag.empty() ? QStringLiteral("–") : Format::count(lag),
            QString::fromStdString(h.lastError),
        };
        for (int c = 0; c < SourceColumnCount; ++c) {
            QTableWidgetItem *item = m_sources->item(row, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_sources->setItem(row, c, item);
            }
            item->setText(cells[c]);
        }
    }
    m_accepted->setText(Format::count(s.events.accepted));
    m_quarantined->setText(Format::count(s.events.quarantined));
    m_late->setText(Format::count(s.events.late));
    m_duplicates->setText(Format::count(s.events.duplicates));
    m_watermark->setText(s.watermark > 0 ? Format::dateTime(s.watermark) : QStringLiteral("–"));
    m_maxEvent->setText(s.maxEventTime > 0 ? Format::dateTime(s.maxEventTime) : QStringLiteral("–"));
    m_sequence->setText(tr("#%1").arg(s.sequence));
}

} // namespace opui
