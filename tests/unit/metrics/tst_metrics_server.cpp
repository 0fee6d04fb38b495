// The Prometheus text writer and the HTTP endpoint that serves it (/metrics, /healthz, /readyz).
#include "HttpGet.h"

#include "metrics/MetricsServer.h"
#include "metrics/PrometheusText.h"

#include <QTest>

#include <array>

using namespace op;

namespace {

optest::HttpAnswer request(std::uint16_t port, const QByteArray &raw)
{
    return optest::httpRequest(port, raw);
}

optest::HttpAnswer get(std::uint16_t port, const QByteArray &path)
{
    return optest::httpGet(port, path);
}

} // namespace

class TestMetricsServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesCountersGaugesAndEscapesLabels()
    {
        PrometheusText t;
        t.counterFamily("orderpulse_events_total", "Records by result.",
                        {{{{"result", "accepted"}}, 1200}, {{{"result", "quarantined"}}, 3}});
        t.gauge("orderpulse_watermark_delay_seconds", "Event time behind the newest event.", 10.5);
        t.gauge("orderpulse_source_up", "Source state.", 1, {{"reason", "a \"quoted\" \\ path\nnext"}});
        const std::string expected =
            "# HELP orderpulse_events_total Records by result.\n"
            "# TYPE orderpulse_events_total counter\n"
            "orderpulse_events_total{result=\"accepted\"} 1200\n"
            "orderpulse_events_total{result=\"quarantined\"} 3\n"
            "# HELP orderpulse_watermark_delay_seconds Event time behind the newest event.\n"
            "# TYPE orderpulse_watermark_delay_seconds gauge\n"
            "orderpulse_watermark_delay_seconds 10.5\n"
            "# HELP orderpulse_source_up Source state.\n"
            "# TYPE orderpulse_source_up gauge\n"
            "orderpulse_source_up{reason=\"a \\\"quoted\\\" \\\\ path\\nnext\"} 1\n";
        QCOMPARE(QString::fromStdString(t.text()), QString::fromStdString(expected));
    }

    void histogramBucketsAreCumulative()
    {
        PrometheusText t;
        const std::array<double, 3> bounds{0.01, 0.1, 1};
        const std::array<std::int64_t, 4> counts{5, 3, 0, 2}; // the last one is above 1 s
        t.histogram("orderpulse_sink_flush_seconds", "Flush latency.", bounds, counts, 4.25);
        const std::string text = t.text();
        QVERIFY(text.find("orderpulse_sink_flush_seconds_bucket{le=\"0.01\"} 5\n") != std::string::npos);
        QVERIFY(text.find("orderpulse_sink_flush_seconds_bucket{le=\"0.1\"} 8\n") != std::string::npos);
        QVERIFY(text.find("orderpulse_sink_flush_seconds_bucket{le=\"1\"} 8\n") != std::string::npos);
        QVERIFY(text.find("orderpulse_sink_flush_seconds_bucket{le=\"+Inf\"} 10\n") != std::string::npos);
        QVERIFY(text.find("orderpulse_sink_flush_seconds_sum 4.25\n") != std::string::npos);
        QVERIFY(text.find("orderpulse_sink_flush_seconds_count 10\n") != std::string::npos);
        QVERIFY(text.find("# TYPE orderpulse_sink_flush_seconds histogram\n") != std::string::npos);
    }

    void servesMetricsHealthAndReadiness()
    {
        MetricsServer server;
        auto started = server.start(QHostAddress::LocalHost, 0);
        QVERIFY2(started.has_value(), started ? "" : started.error().c_str());
        QVERIFY(server.port() != 0);

        server.publish("orderpulse_up 1\n");
        optest::HttpAnswer a = get(server.port(), "/metrics");
        QCOMPARE(a.status, 200);
        QCOMPARE(a.body, QByteArray("orderpulse_up 1\n"));
        QVERIFY(a.headers.contains("text/plain; version=0.0.4"));

        server.publish("orderpulse_up 2\n");
        QCOMPARE(get(server.port(), "/metrics?x=1").body, QByteArray("orderpulse_up 2\n"));

        QCOMPARE(get(server.port(), "/healthz").status, 200);
        a = get(server.port(), "/readyz");
        QCOMPARE(a.status, 503);
        QVERIFY(a.body.contains("starting"));
        server.setReady(true);
        QCOMPARE(get(server.port(), "/readyz").status, 200);
        server.setReady(false, "PostgreSQL reconnecting");
        QVERIFY(get(server.port(), "/readyz").body.contains("PostgreSQL reconnecting"));

        QCOMPARE(get(server.port(), "/nothing").status, 404);
        QCOMPARE(request(server.port(), "POST /metrics HTTP/1.1\r\n\r\n").status, 405);
        QCOMPARE(request(server.port(), "garbage\r\n\r\n").status, 400);
        QCOMPARE(request(server.port(), QByteArray(9000, 'x')).status, 400);
    }

    void refusesAPortInUse()
    {
        MetricsServer first;
        QVERIFY(first.start(QHostAddress::LocalHost, 0).has_value());
        MetricsServer second;
        auto again = second.start(QHostAddress::LocalHost, first.port());
        QVERIFY(!again.has_value());
        QVERIFY(again.error().find("cannot listen") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMetricsServer)
#include "tst_metrics_server.moc"
