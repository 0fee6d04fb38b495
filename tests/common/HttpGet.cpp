#include "HttpGet.h"

#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

namespace optest {

HttpAnswer httpRequest(std::uint16_t port, const QByteArray &raw, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(timeoutMs))
        return {};
    socket.write(raw);
    socket.waitForBytesWritten(timeoutMs);
    QByteArray all;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(timeoutMs))
        all += socket.readAll();
    all += socket.readAll();
    HttpAnswer answer;
    const qsizetype split = all.indexOf("\r\n\r\n");
    answer.headers = all.left(split);
    answer.body = split >= 0 ? all.mid(split + 4) : QByteArray();
    const QList<QByteArray> first = answer.headers.left(answer.headers.indexOf("\r\n")).split(' ');
    answer.status = first.size() >= 2 ? first[1].toInt() : 0;
    return answer;
}

HttpAnswer httpGet(std::uint16_t port, const QByteArray &path, int timeoutMs)
{
    return httpRequest(port, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n", timeoutMs);
}

int freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace optest
