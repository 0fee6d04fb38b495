#pragma once

#include <tl/expected.hpp>

#include <QHostAddress>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

class QThread;

namespace op {

// The HTTP endpoint an operator (Prometheus, Kubernetes) scrapes: GET /metrics (Prometheus text
// format), /healthz (the process is alive and its loop turns) and /readyz (it consumes and its
// sinks accept writes). It runs its own thread with its own event loop, so the ingest loop, which
// does not run a Qt event loop, only publishes text and flags: nothing it does waits for a client.
class MetricsServer
{
public:
    MetricsServer();
    ~MetricsServer();
    MetricsServer(const MetricsServer &) = delete;
    MetricsServer &operator=(const MetricsServer &) = delete;

    // Listens on address:port (port 0 = any free port). Loopback unless told otherwise.
    tl::expected<void, std::string> start(const QHostAddress &address, std::uint16_t port);
    std::uint16_t port() const { return m_port.load(); }
    void stop();

    // The body of the next /metrics answers (from any thread).
    void publish(std::string metricsText);
    // /healthz answers 200 while the publisher calls heartbeat() at least every `staleMs`.
    void heartbeat();
    void setReady(bool ready, std::string reason = {});

    // What a request for `path` gets: status code, content type and body (used by the server
    // thread; public for tests).
    struct Response
    {
        int status = 200;
        std::string contentType;
        std::string body;
    };
    Response respond(const std::string &path) const;

    static constexpr std::int64_t kStaleMs = 15000;

private:
    mutable std::mutex m_mutex;
    std::string m_text;
    std::string m_notReadyReason = "starting";
    bool m_ready = false;
    std::atomic<std::int64_t> m_lastHeartbeatMs{0};
    std::atomic<std::uint16_t> m_port{0};
    QThread *m_thread = nullptr;
};

} // namespace op
