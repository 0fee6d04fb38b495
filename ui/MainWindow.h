#pragma once

#include "runtime/SnapshotTypes.h"

#include <QMainWindow>
#include <QTimer>

class QLabel;
class QProgressBar;

namespace opui {

class ReplayController;

// The application window. The full pages arrive with the desktop-application issue; for now it
// replays a dataset on the ingest thread and shows the live headline figures. Snapshots are
// coalesced: the latest one is drawn on a ~25 Hz clock, never once per event.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void startReplay(const QStringList &paths);

private:
    void onSnapshot(SnapshotPtr snapshot);
    void render();

    ReplayController *m_replay = nullptr;
    SnapshotPtr m_latest;
    QTimer m_redraw;
    QLabel *m_dataset = nullptr;
    QLabel *m_orders = nullptr;
    QLabel *m_sales = nullptr;
    QLabel *m_aov = nullptr;
    QLabel *m_customers = nullptr;
    QLabel *m_alerts = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_progress = nullptr;
};

} // namespace opui
