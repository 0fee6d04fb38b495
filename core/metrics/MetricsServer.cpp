#include "metrics/MetricsServer.h"

#include <QByteArray>
#include <QDateTime>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

namespace op {

namespace {

constexpr qsizetype kMaxRequestBytes = 8192;
constexpr int kClientTimeoutMs = 5000;

std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

const char *statusText(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 503:
        return "Service Unavailable";
    default:
        return "Bad Request";
    }
}

// Answers one request per connection (HTTP/1.0 style, "Connection: close"), which is all a
// Prometheus scraper or a kubelet probe needs.
void serveClient(QTcpSocket *socket, const MetricsServer &server)
{
    auto *timeout = new QTimer(socket);
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, socket, &QTcpSocket::abort);
    timeout->start(kClientTimeoutMs);
    QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::errorOccurred, socket, &QObject::deleteLater);
    QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, &server]() {
        if (socket->property("answered").toBool())
            return;
        const QByteArray pending = socket->peek(kMaxRequestBytes + 1);
        const qsizetype end = pending.indexOf("\r\n\r\n");
        if (end < 0 && pending.size() <= kMaxRequestBytes)
            return; // wait for the rest of the header
        socket->setProperty("answered", true);
        const QByteArray requestLine = pending.left(pending.indexOf("\r\n"));
        const QList<QByteArray> parts = requestLine.split(' ');
        MetricsServer::Response response;
        if (end < 0 || parts.size() != 3 || !parts[2].startsWith("HTTP/")) {
            response = {400, "text/plain; charset=utf-8", "bad request\n"};
        } else if (parts[0] != "GET" && parts[0] != "HEAD") {
            response = {405, "text/plain; charset=utf-8", "only GET\n"};
        } else {
            QByteArray path = parts[1];
            if (const qsizetype q = path.indexOf('?'); q >= 0)
                path.truncate(q);
            response = server.respond(path.toStdString());
            if (parts[0] == "HEAD")
                response.body.clear();
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + statusText(response.status)
                         + "\r\nContent-Type: " + QByteArray::fromStdString(response.contentType)
                         + "\r\nContent-Length: " + QByteArray::number(static_cast<qsizetype>(response.body.size()))
                         + "\r\nConnection: close\r\n\r\n";
        out += QByteArray::fromStdString(response.body);
        socket->write(out);
        socket->disconnectFromHost();
    });
}

} // namespace

MetricsServer::MetricsServer() = default;

MetricsServer::~MetricsServer()
{
    stop();
}

tl::expected<void, std::string> MetricsServer::start(const QHostAddress &address, std::uint16_t port)
{
    if (m_thread)
        return tl::make_unexpected(std::string("the metrics server is already running"));
    heartbeat();
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("metrics"));
    auto *tcp = new QTcpServer;
    tcp->moveToThread(m_thread);
    QObject::connect(m_thread, &QThread::finished, tcp, &QObject::deleteLater);
    QObject::connect(tcp, &QTcpServer::newConnection, tcp, [tcp, this]() {
        while (QTcpSocket *socket = tcp->nextPendingConnection())
            serveClient(socket, *this);
    });
    m_thread->start();

    std::string error;
    QMetaObject::invokeMethod(
        tcp,
        [&]() {
            if (tcp->listen(address, port))
                m_port = tcp->serverPort();
            else
                error = tcp->errorString().toStdString();
        },
        Qt::BlockingQueuedConnection);
    if (!error.empty()) {
        stop();
        return tl::make_unexpected("cannot listen on " + address.toString().toStdString() + ":"
                                   + std::to_string(port) + ": " + error);
    }
    return {};
}

void MetricsServer::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_port = 0;
}

void MetricsServer::publish(std::string metricsText)
{
    std::lock_guard lock(m_mutex);
    m_text = std::move(metricsText);
}

void MetricsServer::heartbeat()
{
    m_lastHeartbeatMs = nowMs();
}

void MetricsServer::setReady(bool ready, std::string reason)
{
    std::lock_guard lock(m_mutex);
    m_ready = ready;
    m_notReadyReason = std::move(reason);
}

MetricsServer::Response MetricsServer::respond(const std::string &path) const
{
    const std::string textType = "text/plain; charset=utf-8";
    if (path == "/metrics") {
        std::lock_guard lock(m_mutex);
        return {200, "text/plain; version=0.0.4; charset=utf-8", m_text};
    }
    if (path == "/healthz") {
        const std::int64_t silentMs = nowMs() - m_lastHeartbeatMs.load();
        if (silentMs > kStaleMs)
            return {503, textType, "stalled: no progress for " + std::to_string(silentMs / 1000) + " s\n"};
        return {200, textType, "ok\n"};
    }
    if (path == "/readyz") {
        std::lock_guard lock(m_mutex);
        if (!m_ready)
            return {503, textType, "not ready: " + m_notReadyReason + "\n"};
        return {200, textType, "ready\n"};
    }
    return {404, textType, "not found; try /metrics, /healthz or /readyz\n"};
}

} // namespace op
