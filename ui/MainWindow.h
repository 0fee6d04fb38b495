#pragma once

#include "runtime/SnapshotTypes.h"

#include <QMainWindow>
#include <QTimer>

#include <vector>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;

namespace opui {

class Page;
class ReplayController;

// The application window: a page list on the left, the pages, and replay controls in a
// toolbar. Snapshots are coalesced: the latest one is drawn on a ~25 Hz clock, never once per
// event, and only into the visible page; a hidden page catches up when it is shown.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum PageIndex { Overview, Trends, Customers, Restaurants, Delivery, Fraud, Health, PageCount };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void startReplay(const QStringList &paths);

    int pageCount() const { return static_cast<int>(m_pages.size()); }
    Page *page(int index) const { return m_pages.at(static_cast<std::size_t>(index)); }
    int currentPage() const;
    void showPage(int index);
    // Takes a snapshot as if it had come from the worker and draws it at once (tests, capture).
    void applySnapshot(SnapshotPtr snapshot);
    SnapshotPtr latestSnapshot() const { return m_latest; }
    // Renders every page at `size` to dir/<page>.png; false with a message on failure.
    bool capturePages(const QString &dir, QSize size, QString *error);

Q_SIGNALS:
    void replayFinished(bool completed, const QString &error);

private:
    void onSnapshot(SnapshotPtr snapshot);
    void render();
    void buildToolBar();

    ReplayController *m_replay = nullptr;
    SnapshotPtr m_latest;
    QTimer m_redraw;
    std::vector<Page *> m_pages;
    std::vector<std::int64_t> m_renderedSequence; // per page; -1 = never
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QAction *m_play = nullptr;
    QComboBox *m_speed = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_dataset = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace opui
