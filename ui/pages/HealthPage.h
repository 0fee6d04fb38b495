#pragma once

#include "pages/Page.h"

class QLabel;
class QTableWidget;

namespace opui {

class KpiTile;

// Sources & Health: each source's state, progress and throughput; the engine's event counts.
class HealthPage : public Page
{
    Q_OBJECT

public:
    explicit HealthPage(QWidget *parent = nullptr);
    void setSnapshot(const op::Snapshot &snapshot) override;
    QString captureName() const override { return QStringLiteral("health"); }
    QString title() const override { return tr("Sources & Health"); }

    QTableWidget *sourceTable() const { return m_sources; }
    KpiTile *accepted() const { return m_accepted; }
    KpiTile *quarantined() const { return m_quarantined; }
    KpiTile *late() const { return m_late; }
    KpiTile *duplicates() const { return m_duplicates; }

private:
    QTableWidget *m_sources = nullptr;
    KpiTile *m_accepted = nullptr;
    KpiTile *m_quarantined = nullptr;
    KpiTile *m_late = nullptr;
    KpiTile *m_duplicates = nullptr;
    KpiTile *m_rate = nullptr;
    QLabel *m_watermark = nullptr;
    QLabel *m_maxEvent = nullptr;
    QLabel *m_sequence = nullptr;
};

} // namespace opui
