#pragma once

#include "pages/Page.h"

class QFormLayout;
class QLabel;
class QProgressBar;
class QTableWidget;

namespace opui {

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
    QLabel *accepted() const { return m_accepted; }
    QLabel *quarantined() const { return m_quarantined; }
    QLabel *late() const { return m_late; }
    QLabel *duplicates() const { return m_duplicates; }

private:
    QTableWidget *m_sources = nullptr;
    QLabel *m_accepted = nullptr;
    QLabel *m_quarantined = nullptr;
    QLabel *m_late = nullptr;
    QLabel *m_duplicates = nullptr;
    QLabel *m_watermark = nullptr;
    QLabel *m_maxEvent = nullptr;
    QLabel *m_sequence = nullptr;
};

} // namespace opui
