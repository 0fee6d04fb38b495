// What `ingest --metrics-port` serves: every figure of the input under a conventional name.
#include "metrics/IngestMetrics.h"
#include "metrics/LatencyHistogram.h"

#include <QTest>

#include <thread>

using namespace op;

class TestIngestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void histogramCountsObservationsFromAnotherThread()
    {
        LatencyHistogram h;
        std::thread writer([&h]() {
            for (int i = 0; i < 1000; ++i)
                h.observe(i < 900 ? 0.004 : 3.0);
        });
        writer.join();
        h.observe(60); // above every bound
        const LatencyHistogram::Counts c = h.counts();
        QCOMPARE(c.count, 1001);
        QCOMPARE(c.buckets[1], 900); // (0.001, 0.005]
        QCOMPARE(c.buckets[10], 100); // (2.5, 5]
        QCOMPARE(c.buckets[12], 1);   // +Inf
        QVERIFY(qAbs(c.sum - (900 * 0.004 + 100 * 3.0 + 60)) < 1e-6);
    }

    void rendersEveryFigure()
    {
        IngestMetricsInput in;
        in.events = {1000, 7, 3, 2};
        in.messages = 1007;
        in.bytes = 400000;
        in.lag = {{"orders", 0, 12, 500}, {"orders", 1, 0, 507}};
        in.watermarkDelaySeconds = 10;
        in.sinkQueueDepth = 2;
        in.sinkQueueCapacity = 8;
        in.connections = {{"kafka", "running"}, {"postgresql", "reconnecting"}};
        in.alertsIpVelocity = 4;
        in.alertsHighValue = 9;
        in.residentBytes = processResidentBytes();
        QVERIFY(in.residentBytes > 1024 * 1024);
        const QString text = QString::fromStdString(renderIngestMetrics(in));
        for (const char *line :
             {"orderpulse_events_total{result=\"accepted\"} 1000", "orderpulse_events_total{result=\"quarantined\"} 7",
              "orderpulse_events_total{result=\"duplicate\"} 3", "orderpulse_events_total{result=\"late\"} 2",
              "orderpulse_kafka_messages_total 1007", "orderpulse_kafka_consumer_lag{topic=\"orders\",partition=\"0\"} 12",
              "orderpulse_kafka_consumer_lag{topic=\"orders\",partition=\"1\"} 0",
              "orderpulse_watermark_delay_seconds 10", "orderpulse_sink_queue_depth 2",
              "orderpulse_sink_flush_seconds_count 0",
              "orderpulse_connection_up{component=\"kafka\",state=\"running\"} 1",
              "orderpulse_connection_up{component=\"postgresql\",state=\"reconnecting\"} 0",
              "orderpulse_alerts_total{rule=\"ip_velocity\"} 4", "orderpulse_alerts_total{rule=\"high_value\"} 9",
              "# TYPE orderpulse_process_resident_memory_bytes gauge"})
            QVERIFY2(text.contains(QLatin1String(line)), line);
        // Every sample line is "name{labels} value" or "name value".
        for (const QString &l : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (l.startsWith(QLatin1Char('#')))
                continue;
            QVERIFY2(l.startsWith(QLatin1String("orderpulse_")), qPrintable(l));
            bool ok = false;
            l.section(QLatin1Char(' '), -1).toDouble(&ok);
            QVERIFY2(ok, qPrintable(l));
        }
    }
};

QTEST_GUILESS_MAIN(TestIngestMetrics)
#include "tst_ingest_metrics.moc"
