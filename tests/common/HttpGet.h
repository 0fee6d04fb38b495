#pragma once

#include <QByteArray>

#include <cstdint>

namespace optest {

// One plain HTTP/1.1 request to 127.0.0.1:port, read until the server closes (the metrics endpoint
// answers one request per connection). status 0 = no answer.
struct HttpAnswer
{
    int status = 0;
    QByteArray headers;
    QByteArray body;
};

HttpAnswer httpRequest(std::uint16_t port, const QByteArray &raw, int timeoutMs = 5000);
HttpAnswer httpGet(std::uint16_t port, const QByteArray &path, int timeoutMs = 5000);

// A TCP port on 127.0.0.1 that was free a moment ago (bound and released: another process may
// take it, rarely), for servers that must be told their port. 0 when none could be bound.
int freeLoopbackPort();

} // namespace optest
