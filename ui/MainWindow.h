#pragma once

#include "runtime/EventFilter.h"
#include "runtime/SnapshotTypes.h"

#include <QMainWindow>
#include <QTimer>

#include <functional>
#include <vector>

class QAction;
class QActionGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;
class QSystemTrayIcon;
class QToolBar;

namespace opui {

class AlertLedger;
class FilterBar;
class Page;
class ReplayController;

// The application window: a page list on the left, the pages, a menu bar and replay controls in
// a toolbar. Snapshots are coalesced: the latest one is drawn on a ~25 Hz clock, never once per
// event, and only into the visible page; a hidden page catches up when it is shown.
// On a language change the pages are rebuilt (state that outlives them — the latest snapshot,
// acknowledged alerts, the current page — lives here).
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum PageIndex { Overview, Trends, Customers, Restaurants, Delivery, Fraud, Health, PageCount };
    // A running source publishes a snapshot about every 100 ms, even when no event arrives.
    static constexpr int kStaleAfterMs = 15000;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void startReplay(const QStringList &paths);

    int pageCount() const { return static_cast<int>(m_pages.size()); }
    Page *page(int index) const { return m_pages.at(static_cast<std::size_t>(index)); }
    QString navText(int index) const;
    int currentPage() const;
    void showPage(int index);
    // Takes a snapshot as if it had come from the worker and draws it at once (tests, capture).
    void applySnapshot(SnapshotPtr snapshot);
    SnapshotPtr latestSnapshot() const { return m_latest; }
    // Renders every page at `size` to dir/<page>.png; false with a message on failure.
    bool capturePages(const QString &dir, QSize size, QString *error);

    AlertLedger *alerts() const { return m_alerts; }

    // The global filter: every page shows figures the worker computed over the matching orders.
    // Returns the Snapshot::filterGeneration that snapshots under this filter carry.
    std::int64_t setFilter(const op::EventFilter &filter);
    const op::EventFilter &filter() const { return m_filter; }
    FilterBar *filterBar() const { return m_filterBar; }

    // Kiosk support: hide the menu bar, toolbar, status bar and page list; scale every font.
    void setChromeVisible(bool visible);
    void setFontScale(double scale);
    // The "data stale" banner shows when no snapshot arrived for `ms` (0: never). Unless
    // `evenWhenFinished`, only while a replay runs and is not paused by the user.
    void setStaleWatch(int ms, bool evenWhenFinished);
    bool isStale() const;
    QString staleText() const;
    QLabel *staleBanner() const { return m_banner; }
    bool isChromeVisible() const { return m_chromeVisible; }
    double fontScale() const { return m_fontScale; }
    // Asked before the window closes; false keeps it open (the kiosk's PIN).
    void setCloseGuard(std::function<bool()> guard) { m_closeGuard = std::move(guard); }

Q_SIGNALS:
    void replayFinished(bool completed, const QString &error);
    void pageShown(int index);
    void snapshotArrived();

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void onSnapshot(SnapshotPtr snapshot);
    void render();
    void buildUi();
    void buildMenus();
    void buildToolBar();
    void rebuild();
    void updateAlertBadge();
    void checkStale();
    void openDataset();
    void chooseLanguage(const QString &code);
    void notifyAlerts();
    void exportCurrentPage();
    void addTableExports();
    void setKioskPin();

    ReplayController *m_replay = nullptr;
    AlertLedger *m_alerts = nullptr;
    SnapshotPtr m_latest;
    QTimer m_redraw;
    QTimer m_staleTimer;
    QTimer m_notifyTimer; // coalesces new alerts into one desktop notification
    int m_newAlerts = 0;
    QSystemTrayIcon *m_tray = nullptr;
    std::int64_t m_lastArrivalMs = 0; // wall clock, UTC ms
    int m_staleAfterMs = 0;
    bool m_staleEvenWhenFinished = false;
    bool m_chromeVisible = true;
    bool m_rebuildPending = false;
    double m_fontScale = 1.0;
    QStringList m_datasetNames;
    QString m_statusText;
    std::function<bool()> m_closeGuard;

    std::vector<Page *> m_pages;
    std::vector<std::int64_t> m_renderedSequence; // per page; -1 = never
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_banner = nullptr;
    FilterBar *m_filterBar = nullptr;
    op::EventFilter m_filter;
    int m_filterPeriod = 0;
    QLabel *m_pageTitle = nullptr; // kiosk only: the page list is hidden there
    QToolBar *m_toolBar = nullptr;
    QAction *m_play = nullptr;
    QComboBox *m_speed = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_dataset = nullptr;
    QLabel *m_status = nullptr;
    double m_speedValue = 0.0;
    bool m_paused = false;
};

} // namespace opui
