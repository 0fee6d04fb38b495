#include "pages/HealthPage.h"

#include "common/Format.h"
#include "common/Labels.h"
#include "widgets/KpiTile.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
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
    auto *tiles = new QHBoxLayout;
    m_accepted = new KpiTile(tr("Events accepted"), this);
    m_quarantined = new KpiTile(tr("Quarantined"), this);
    m_late = new KpiTile(tr("Late (after the watermark)"), this);
    m_duplicates = new KpiTile(tr("Duplicates"), this);
    m_rate = new KpiTile(tr("Events/s"), this);
    for (KpiTile *t : {m_accepted, m_quarantined, m_late, m_duplicates, m_rate})
        tiles->addWidget(t);
    layout->addLayout(tiles);
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

    auto *eventsBox = new QGroupBox(tr("Event time"), this);
    auto *form = new QFormLayout(eventsBox);
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
            Labels::sourceName(h.name),
            Labels::sourceState(h.state),
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
    m_accepted->setValue(Format::count(s.events.accepted));
    m_quarantined->setValue(Format::count(s.events.quarantined));
    m_late->setValue(Format::count(s.events.late));
    m_duplicates->setValue(Format::count(s.events.duplicates));
    double rate = 0;
    for (const op::SourceHealth &h : s.sources)
        rate += h.messagesPerSecond;
    m_rate->setValue(Format::count(static_cast<std::int64_t>(rate)));
    m_watermark->setText(s.watermark > 0 ? Format::dateTime(s.watermark) : QStringLiteral("–"));
    m_maxEvent->setText(s.maxEventTime > 0 ? Format::dateTime(s.maxEventTime) : QStringLiteral("–"));
    m_sequence->setText(tr("#%1").arg(s.sequence));
}

} // namespace opui
