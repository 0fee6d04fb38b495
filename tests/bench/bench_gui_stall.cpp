// GUI thread stall while the replay worker ingests at full speed with every page alive.
//   bench_gui_stall FILE.ndjson   (run with QT_QPA_PLATFORM=offscreen or under Xvfb)
// A 5 ms probe timer on the GUI thread records how late each tick fires: that lateness is how long
// the event loop was busy (redraws, model updates). Pages rotate every 300 ms so that each one is
// redrawn from live snapshots. Baseline in the same run: the same probe and rotation with no replay.
#include "BenchSupport.h"

#include "MainWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

struct Stalls
{
    std::vector<double> lateMs;
    double percentile(double p) const
    {
        if (lateMs.empty())
            return 0;
        std::vector<double> v = lateMs;
        const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p / 100.0 * static_cast<double>(v.size())))) - 1;
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(rank), v.end());
        return v[rank];
    }
    double max() const { return lateMs.empty() ? 0 : *std::max_element(lateMs.begin(), lateMs.end()); }
};

constexpr int kProbeMs = 5;

// Runs the event loop until `done` says so, probing and rotating pages.
Stalls measure(QApplication &app, opui::MainWindow &window, const std::function<bool()> &done)
{
    Stalls stalls;
    QElapsedTimer clock;
    clock.start();
    qint64 last = clock.nsecsElapsed();
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QObject::connect(&probe, &QTimer::timeout, [&]() {
        const qint64 now = clock.nsecsElapsed();
        stalls.lateMs.push_back(std::max(0.0, static_cast<double>(now - last) / 1e6 - kProbeMs));
        last = now;
        if (done())
            app.quit();
    });
    QTimer rotate;
    rotate.setInterval(300);
    QObject::connect(&rotate, &QTimer::timeout,
                     [&]() { window.showPage((window.currentPage() + 1) % window.pageCount()); });
    probe.start();
    rotate.start();
    app.exec();
    return stalls;
}

void print(const char *what, const Stalls &s)
{
    std::printf("%-28s probes %7zu  stall p50 %6.2f ms  p99 %6.2f ms  max %7.2f ms\n", what, s.lateMs.size(),
                s.percentile(50), s.percentile(99), s.max());
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_gui_stall FILE.ndjson\n");
        return 2;
    }
    opui::MainWindow window;
    window.resize(1600, 1000);
    window.show();

    QElapsedTimer idle;
    idle.start();
    const Stalls baseline = measure(app, window, [&]() { return idle.elapsed() >= 3000; });

    bool finished = false;
    QString error;
    QObject::connect(&window, &opui::MainWindow::replayFinished, [&](bool completed, const QString &message) {
        finished = true;
        if (!completed)
            error = message;
    });
    const double wall0 = bench::wallSeconds();
    window.startReplay({QString::fromLocal8Bit(argv[1])});
    const Stalls busy = measure(app, window, [&]() { return finished; });
    const double wall = bench::wallSeconds() - wall0;
    if (!error.isEmpty()) {
        std::fprintf(stderr, "replay failed: %s\n", qPrintable(error));
        return 1;
    }
    const SnapshotPtr last = window.latestSnapshot();
    const std::int64_t orders = last ? last->totals.orders : 0;
    std::printf("replayed %lld orders in %.2f s wall (%.0f orders/s) with %d pages alive, peak RSS %.0f MiB\n",
                static_cast<long long>(orders), wall, static_cast<double>(orders) / wall, window.pageCount(),
                bench::peakRssMiB());
    print("baseline (no replay)", baseline);
    print("replay at max speed", busy);

    // Where the time goes: each page redrawn from the final (largest) snapshot.
    if (last) {
        for (int i = 0; i < window.pageCount(); ++i) {
            window.showPage(i);
            auto next = std::make_shared<op::Snapshot>(*last);
            next->sequence = last->sequence + 1 + i;
            QElapsedTimer t;
            t.start();
            window.applySnapshot(next);
            app.processEvents();
            std::printf("  page %d redraw from the final snapshot: %7.2f ms\n", i, static_cast<double>(t.nsecsElapsed()) / 1e6);
        }
    }
    return 0;
}
