<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
    <context>
        <name>Category</name>
        <message>
            <source>asian</source>
            <translation>asian</translation>
        </message>
        <message>
            <source>bunsik</source>
            <translation>bunsik</translation>
        </message>
        <message>
            <source>burger</source>
            <translation>burger</translation>
        </message>
        <message>
            <source>chicken</source>
            <translation>chicken</translation>
        </message>
        <message>
            <source>chinese</source>
            <translation>chinese</translation>
        </message>
        <message>
            <source>japanese</source>
            <translation>japanese</translation>
        </message>
        <message>
            <source>korean</source>
            <translation>korean</translation>
        </message>
        <message>
            <source>pizza</source>
            <translation>pizza</translation>
        </message>
        <message>
            <source>western</source>
            <translation>western</translation>
        </message>
        <message>
            <source>cafe</source>
            <translation>cafe</translation>
        </message>
        <message>
            <source>dessert</source>
            <translation>dessert</translation>
        </message>
    </context>
    <context>
        <name>Format</name>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
    </context>
    <context>
        <name>Segment</name>
        <message>
            <source>Hibernating</source>
            <translation>Hibernating</translation>
        </message>
        <message>
            <source>At Risk</source>
            <translation>At Risk</translation>
        </message>
        <message>
            <source>Can't Lose Them</source>
            <translation>Can't Lose Them</translation>
        </message>
        <message>
            <source>About to Sleep</source>
            <translation>About to Sleep</translation>
        </message>
        <message>
            <source>Need Attention</source>
            <translation>Need Attention</translation>
        </message>
        <message>
            <source>Loyal</source>
            <translation>Loyal</translation>
        </message>
        <message>
            <source>Promising</source>
            <translation>Promising</translation>
        </message>
        <message>
            <source>New</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Potential Loyalist</source>
            <translation>Potential Loyalist</translation>
        </message>
        <message>
            <source>Champions</source>
            <translation>Champions</translation>
        </message>
    </context>
    <context>
        <name>Source</name>
        <message>
            <source>file replay</source>
            <translation>file replay</translation>
        </message>
        <message>
            <source>kafka</source>
            <translation>kafka</translation>
        </message>
        <message>
            <source>sqlite</source>
            <translation>sqlite</translation>
        </message>
        <message>
            <source>postgresql</source>
            <translation>postgresql</translation>
        </message>
        <message>
            <source>redis</source>
            <translation>redis</translation>
        </message>
    </context>
    <context>
        <name>SourceState</name>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>paused</source>
            <translation>paused</translation>
        </message>
        <message>
            <source>stopped</source>
            <translation>stopped</translation>
        </message>
        <message>
            <source>finished</source>
            <translation>finished</translation>
        </message>
        <message>
            <source>error</source>
            <translation>error</translation>
        </message>
        <message>
            <source>reconnecting</source>
            <translation>reconnecting</translation>
        </message>
        <message>
            <source>connected</source>
            <translation>connected</translation>
        </message>
        <message>
            <source>idle</source>
            <translation>idle</translation>
        </message>
    </context>
    <context>
        <name>opui::AlertTableModel</name>
        <message>
            <source>IP velocity</source>
            <translation>IP velocity</translation>
        </message>
        <message>
            <source>High value</source>
            <translation>High value</translation>
        </message>
        <message>
            <source>Critical</source>
            <translation>Critical</translation>
        </message>
        <message>
            <source>Warning</source>
            <translation>Warning</translation>
        </message>
        <message>
            <source>%1 orders/min</source>
            <translation>%1 orders/min</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>Yes</translation>
        </message>
        <message>
            <source>No</source>
            <translation>No</translation>
        </message>
        <message>
            <source>Time (KST)</source>
            <translation>Time (KST)</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>Rule</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>Entity</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Acknowledged</source>
            <translation>Acknowledged</translation>
        </message>
    </context>
    <context>
        <name>opui::ChartView</name>
        <message>
            <source>Wheel or drag: zoom · middle button or Shift+drag: pan · double-click: reset · right-click: export</source>
            <translation>Wheel or drag: zoom · middle button or Shift+drag: pan · double-click: reset · right-click: export</translation>
        </message>
        <message>
            <source>Reset view</source>
            <translation>Reset view</translation>
        </message>
        <message>
            <source>Export picture (PNG)…</source>
            <translation>Export picture (PNG)…</translation>
        </message>
        <message>
            <source>Export data (CSV)…</source>
            <translation>Export data (CSV)…</translation>
        </message>
        <message>
            <source>Export chart</source>
            <translation>Export chart</translation>
        </message>
        <message>
            <source>PNG pictures (*.png)</source>
            <translation>PNG pictures (*.png)</translation>
        </message>
        <message>
            <source>Could not write %1.</source>
            <translation>Could not write %1.</translation>
        </message>
        <message>
            <source>Export chart data</source>
            <translation>Export chart data</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Could not write %1: %2</translation>
        </message>
    </context>
    <context>
        <name>opui::CustomerTableModel</name>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Last order (KST)</source>
            <translation>Last order (KST)</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Spent</source>
            <translation>Spent</translation>
        </message>
        <message>
            <source>R</source>
            <translation>R</translation>
        </message>
        <message>
            <source>F</source>
            <translation>F</translation>
        </message>
        <message>
            <source>M</source>
            <translation>M</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>Segment</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>CLV</source>
            <translation>CLV</translation>
        </message>
    </context>
    <context>
        <name>opui::CustomersPage</name>
        <message>
            <source>Customers per RFM segment</source>
            <translation>Customers per RFM segment</translation>
        </message>
        <message>
            <source>Segment</source>
            <translation>Segment</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>%1: %2 customers</source>
            <translation>%1: %2 customers</translation>
        </message>
        <message>
            <source>Customers by recency (R) and frequency (F) score</source>
            <translation>Customers by recency (R) and frequency (F) score</translation>
        </message>
        <message>
            <source>R score</source>
            <translation>R score</translation>
        </message>
        <message>
            <source>F score</source>
            <translation>F score</translation>
        </message>
        <message>
            <source>Customers per grade</source>
            <translation>Customers per grade</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>Grade</translation>
        </message>
        <message>
            <source>Search customer, segment or grade</source>
            <translation>Search customer, segment or grade</translation>
        </message>
        <message>
            <source>as of %1</source>
            <translation>as of %1</translation>
        </message>
        <message>
            <source>CLV distribution</source>
            <translation>CLV distribution</translation>
        </message>
        <message>
            <source>CLV (₩)</source>
            <translation>CLV (₩)</translation>
        </message>
    </context>
    <context>
        <name>opui::DeliveryPage</name>
        <message>
            <source>Delivery time distribution</source>
            <translation>Delivery time distribution</translation>
        </message>
        <message>
            <source>Delivery time (minutes)</source>
            <translation>Delivery time (minutes)</translation>
        </message>
        <message>
            <source>Delivered orders</source>
            <translation>Delivered orders</translation>
        </message>
        <message>
            <source>%1 min: %2 orders</source>
            <translation>%1 min: %2 orders</translation>
        </message>
        <message>
            <source>Mean delivery time by distance</source>
            <translation>Mean delivery time by distance</translation>
        </message>
        <message>
            <source>Distance</source>
            <translation>Distance</translation>
        </message>
        <message>
            <source>0–1 km</source>
            <translation>0–1 km</translation>
        </message>
        <message>
            <source>1–2 km</source>
            <translation>1–2 km</translation>
        </message>
        <message>
            <source>2–3 km</source>
            <translation>2–3 km</translation>
        </message>
        <message>
            <source>3–5 km</source>
            <translation>3–5 km</translation>
        </message>
        <message>
            <source>5+ km</source>
            <translation>5+ km</translation>
        </message>
        <message>
            <source>Mean delivery time (min)</source>
            <translation>Mean delivery time (min)</translation>
        </message>
        <message>
            <source>Late deliveries by hour of placement</source>
            <translation>Late deliveries by hour of placement</translation>
        </message>
        <message>
            <source>Hour of day (KST)</source>
            <translation>Hour of day (KST)</translation>
        </message>
        <message>
            <source>Late (%)</source>
            <translation>Late (%)</translation>
        </message>
        <message>
            <source>%1:00 – %2 late</source>
            <translation>%1:00 – %2 late</translation>
        </message>
        <message>
            <source>Delivered orders: %1   mean: %2   p50: %3   p90: %4   p99: %5</source>
            <translation>Delivered orders: %1   mean: %2   p50: %3   p90: %4   p99: %5</translation>
        </message>
        <message>
            <source>p50</source>
            <translation>p50</translation>
        </message>
        <message>
            <source>p90</source>
            <translation>p90</translation>
        </message>
        <message>
            <source>p99</source>
            <translation>p99</translation>
        </message>
        <message>
            <source>Mean delivery time</source>
            <translation>Mean delivery time</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
    </context>
    <context>
        <name>opui::FilterBar</name>
        <message>
            <source>Period:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>All time</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>Last hour</translation>
        </message>
        <message>
            <source>Last 6 hours</source>
            <translation>Last 6 hours</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>Last 24 hours</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Last 7 days</translation>
        </message>
        <message>
            <source>Orders placed in this period before the latest event</source>
            <translation>Orders placed in this period before the latest event</translation>
        </message>
        <message>
            <source>Region:</source>
            <translation>Region:</translation>
        </message>
        <message>
            <source>Category:</source>
            <translation>Category:</translation>
        </message>
        <message>
            <source>Restaurant:</source>
            <translation>Restaurant:</translation>
        </message>
        <message>
            <source>Clear filter</source>
            <translation>Clear filter</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Filtered</source>
            <translation>Filtered</translation>
        </message>
    </context>
    <context>
        <name>opui::FraudPage</name>
        <message>
            <source>Recent alerts</source>
            <translation>Recent alerts</translation>
        </message>
        <message>
            <source>Rule:</source>
            <translation>Rule:</translation>
        </message>
        <message>
            <source>All rules</source>
            <translation>All rules</translation>
        </message>
        <message>
            <source>Severity:</source>
            <translation>Severity:</translation>
        </message>
        <message>
            <source>All severities</source>
            <translation>All severities</translation>
        </message>
        <message>
            <source>Acknowledge</source>
            <translation>Acknowledge</translation>
        </message>
        <message>
            <source>Acknowledge the selected alerts, or every shown alert when none is selected (Ctrl+K)</source>
            <translation>Acknowledge the selected alerts, or every shown alert when none is selected (Ctrl+K)</translation>
        </message>
        <message>
            <source>High-value orders</source>
            <translation>High-value orders</translation>
        </message>
        <message>
            <source>Open alerts: %1   shown: %2 (IP velocity %3, high value %4)   unacknowledged: %5</source>
            <translation>Open alerts: %1   shown: %2 (IP velocity %3, high value %4)   unacknowledged: %5</translation>
        </message>
        <message>
            <source>Fraud &amp; Alerts</source>
            <translation>Fraud &amp; Alerts</translation>
        </message>
    </context>
    <context>
        <name>opui::HealthPage</name>
        <message>
            <source>Events accepted</source>
            <translation>Events accepted</translation>
        </message>
        <message>
            <source>Quarantined</source>
            <translation>Quarantined</translation>
        </message>
        <message>
            <source>Late (after the watermark)</source>
            <translation>Late (after the watermark)</translation>
        </message>
        <message>
            <source>Duplicates</source>
            <translation>Duplicates</translation>
        </message>
        <message>
            <source>Events/s</source>
            <translation>Events/s</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Sources</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Bytes/s</source>
            <translation>Bytes/s</translation>
        </message>
        <message>
            <source>Kafka lag</source>
            <translation>Kafka lag</translation>
        </message>
        <message>
            <source>Last error</source>
            <translation>Last error</translation>
        </message>
        <message>
            <source>Event time</source>
            <translation>Event time</translation>
        </message>
        <message>
            <source>Watermark (KST):</source>
            <translation>Watermark (KST):</translation>
        </message>
        <message>
            <source>Latest event time (KST):</source>
            <translation>Latest event time (KST):</translation>
        </message>
        <message>
            <source>Snapshot:</source>
            <translation>Snapshot:</translation>
        </message>
        <message>
            <source>#%1</source>
            <translation>#%1</translation>
        </message>
        <message>
            <source>Sources &amp; Health</source>
            <translation>Sources &amp; Health</translation>
        </message>
    </context>
    <context>
        <name>opui::ItemTableModel</name>
        <message>
            <source>#</source>
            <translation>#</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>Qty</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
    </context>
    <context>
        <name>opui::MainWindow</name>
        <message>
            <source>Replay finished.</source>
            <translation>Replay finished.</translation>
        </message>
        <message>
            <source>Replay stopped.</source>
            <translation>Replay stopped.</translation>
        </message>
        <message>
            <source>Could not replay: %1</source>
            <translation>Could not replay: %1</translation>
        </message>
        <message>
            <source>OrderPulse</source>
            <translation>OrderPulse</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Open dataset…</source>
            <translation>&amp;Open dataset…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Full screen</source>
            <translation>&amp;Full screen</translation>
        </message>
        <message>
            <source>&amp;Alerts</source>
            <translation>&amp;Alerts</translation>
        </message>
        <message>
            <source>Acknowledge &amp;all alerts</source>
            <translation>Acknowledge &amp;all alerts</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>System default</source>
            <translation>System default</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About OrderPulse</source>
            <translation>&amp;About OrderPulse</translation>
        </message>
        <message>
            <source>About OrderPulse</source>
            <translation>About OrderPulse</translation>
        </message>
        <message>
            <source>OrderPulse %1
Real-time order analytics.</source>
            <translation>OrderPulse %1
Real-time order analytics.</translation>
        </message>
        <message>
            <source>Replay</source>
            <translation>Replay</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Play</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Pause or resume the replay (Space)</source>
            <translation>Pause or resume the replay (Space)</translation>
        </message>
        <message>
            <source> Speed: </source>
            <translation> Speed: </translation>
        </message>
        <message>
            <source>1×</source>
            <translation>1×</translation>
        </message>
        <message>
            <source>10×</source>
            <translation>10×</translation>
        </message>
        <message>
            <source>100×</source>
            <translation>100×</translation>
        </message>
        <message>
            <source>Max</source>
            <translation>Max</translation>
        </message>
        <message>
            <source>Event time per wall time</source>
            <translation>Event time per wall time</translation>
        </message>
        <message>
            <source>%p %</source>
            <translation>%p %</translation>
        </message>
        <message>
            <source>No dataset open.</source>
            <translation>No dataset open.</translation>
        </message>
        <message>
            <source> Dataset: %1</source>
            <translation> Dataset: %1</translation>
        </message>
        <message>
            <source>Open dataset</source>
            <translation>Open dataset</translation>
        </message>
        <message>
            <source>Datasets (*.ndjson *.jsonl *.csv *.opb *.gz);;All files (*)</source>
            <translation>Datasets (*.ndjson *.jsonl *.csv *.opb *.gz);;All files (*)</translation>
        </message>
        <message>
            <source>A replay is running; open the dataset when it has finished.</source>
            <translation>A replay is running; open the dataset when it has finished.</translation>
        </message>
        <message>
            <source>Replaying…</source>
            <translation>Replaying…</translation>
        </message>
        <message>
            <source>Replaying… event time %1 (KST)</source>
            <translation>Replaying… event time %1 (KST)</translation>
        </message>
        <message>
            <source>%1  (%2)</source>
            <translation>%1  (%2)</translation>
        </message>
        <message numerus="yes">
            <source>%n unacknowledged alert(s)</source>
            <translation>
                <numerusform>%n unacknowledged alert</numerusform>
                <numerusform>%n unacknowledged alerts</numerusform>
            </translation>
        </message>
        <message>
            <source>Data stale since %1: no new data from the source</source>
            <translation>Data stale since %1: no new data from the source</translation>
        </message>
        <message>
            <source>cannot create directory '%1'</source>
            <translation>cannot create directory '%1'</translation>
        </message>
        <message>
            <source>cannot write '%1'</source>
            <translation>cannot write '%1'</translation>
        </message>
        <message>
            <source>Desktop &amp;notifications for new alerts</source>
            <translation>Desktop &amp;notifications for new alerts</translation>
        </message>
        <message>
            <source>Kiosk &amp;PIN…</source>
            <translation>Kiosk &amp;PIN…</translation>
        </message>
        <message>
            <source>OrderPulse: new fraud alerts</source>
            <translation>OrderPulse: new fraud alerts</translation>
        </message>
        <message numerus="yes">
            <source>%n new alert(s); %1 unacknowledged in all.</source>
            <translation>
                <numerusform>%n new alert; %1 unacknowledged in all.</numerusform>
                <numerusform>%n new alerts; %1 unacknowledged in all.</numerusform>
            </translation>
        </message>
        <message>
            <source>Kiosk PIN</source>
            <translation>Kiosk PIN</translation>
        </message>
        <message>
            <source>PIN needed to leave kiosk mode (empty: none):</source>
            <translation>PIN needed to leave kiosk mode (empty: none):</translation>
        </message>
        <message>
            <source>Filter cleared: recomputing…</source>
            <translation>Filter cleared: recomputing…</translation>
        </message>
        <message>
            <source>Filter changed: recomputing…</source>
            <translation>Filter changed: recomputing…</translation>
        </message>
        <message>
            <source>&amp;Export current page (PNG + CSV)…</source>
            <translation>&amp;Export current page (PNG + CSV)…</translation>
        </message>
        <message>
            <source>Export table (CSV)…</source>
            <translation>Export table (CSV)…</translation>
        </message>
        <message>
            <source>Export table</source>
            <translation>Export table</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Could not write %1: %2</translation>
        </message>
        <message>
            <source>Export current page to folder</source>
            <translation>Export current page to folder</translation>
        </message>
        <message>
            <source>Export current page</source>
            <translation>Export current page</translation>
        </message>
        <message>
            <source>Could not export: %1</source>
            <translation>Could not export: %1</translation>
        </message>
        <message numerus="yes">
            <source>Exported %n file(s) to %1.</source>
            <translation>
                <numerusform>Exported %n file to %1.</numerusform>
                <numerusform>Exported %n files to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Theme</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>Follow the system</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>Light</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>Dark</translation>
        </message>
    </context>
    <context>
        <name>opui::MerchantTableModel</name>
        <message>
            <source>Restaurant</source>
            <translation>Restaurant</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Avg order</source>
            <translation>Avg order</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>Rating</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>Delivery</translation>
        </message>
        <message>
            <source>Late</source>
            <translation>Late</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
    </context>
    <context>
        <name>opui::OverviewPage</name>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Average order</source>
            <translation>Average order</translation>
        </message>
        <message>
            <source>Customers</source>
            <translation>Customers</translation>
        </message>
        <message>
            <source>Open alerts</source>
            <translation>Open alerts</translation>
        </message>
        <message>
            <source>Events/s</source>
            <translation>Events/s</translation>
        </message>
        <message>
            <source>Orders and sales per 30 s window</source>
            <translation>Orders and sales per 30 s window</translation>
        </message>
        <message>
            <source>Sales (₩)</source>
            <translation>Sales (₩)</translation>
        </message>
        <message>
            <source>Window start (KST)</source>
            <translation>Window start (KST)</translation>
        </message>
        <message>
            <source>Orders per window</source>
            <translation>Orders per window</translation>
        </message>
        <message>
            <source>Sales per window (₩)</source>
            <translation>Sales per window (₩)</translation>
        </message>
        <message>
            <source>%1: %2 orders</source>
            <translation>%1: %2 orders</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Top items in the latest window</source>
            <translation>Top items in the latest window</translation>
        </message>
        <message>
            <source>Latest alerts</source>
            <translation>Latest alerts</translation>
        </message>
        <message>
            <source>Overview</source>
            <translation>Overview</translation>
        </message>
    </context>
    <context>
        <name>opui::PinDialog</name>
        <message>
            <source>Kiosk PIN</source>
            <translation>Kiosk PIN</translation>
        </message>
        <message>
            <source>Enter the PIN to leave the kiosk or change settings:</source>
            <translation>Enter the PIN to leave the kiosk or change settings:</translation>
        </message>
    </context>
    <context>
        <name>opui::RestaurantDetail</name>
        <message>
            <source>Restaurant: %1</source>
            <translation>Restaurant: %1</translation>
        </message>
        <message>
            <source>Rank %1 of %2 by sales · %3 of all sales</source>
            <translation>Rank %1 of %2 by sales · %3 of all sales</translation>
        </message>
        <message>
            <source>This restaurant</source>
            <translation>This restaurant</translation>
        </message>
        <message>
            <source>Average restaurant</source>
            <translation>Average restaurant</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Average order</source>
            <translation>Average order</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>Rating</translation>
        </message>
        <message>
            <source>Mean delivery time</source>
            <translation>Mean delivery time</translation>
        </message>
        <message>
            <source>Late deliveries</source>
            <translation>Late deliveries</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>Cancelled</translation>
        </message>
        <message>
            <source>Show the dashboard for this restaurant</source>
            <translation>Show the dashboard for this restaurant</translation>
        </message>
        <message>
            <source>Filters every page to this restaurant: its trend, items, delivery times and alerts</source>
            <translation>Filters every page to this restaurant: its trend, items, delivery times and alerts</translation>
        </message>
    </context>
    <context>
        <name>opui::RestaurantsPage</name>
        <message>
            <source>Top 10 restaurants by sales</source>
            <translation>Top 10 restaurants by sales</translation>
        </message>
        <message>
            <source>Restaurant</source>
            <translation>Restaurant</translation>
        </message>
        <message>
            <source>Sales (₩)</source>
            <translation>Sales (₩)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>Sales</translation>
        </message>
        <message>
            <source>Restaurants</source>
            <translation>Restaurants</translation>
        </message>
        <message>
            <source>Double-click a restaurant for its details</source>
            <translation>Double-click a restaurant for its details</translation>
        </message>
    </context>
    <context>
        <name>opui::TrendsPage</name>
        <message>
            <source>Granularity:</source>
            <translation>Granularity:</translation>
        </message>
        <message>
            <source>Hourly</source>
            <translation>Hourly</translation>
        </message>
        <message>
            <source>Daily</source>
            <translation>Daily</translation>
        </message>
        <message>
            <source>Orders and sales per hour</source>
            <translation>Orders and sales per hour</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Sales (₩)</source>
            <translation>Sales (₩)</translation>
        </message>
        <message>
            <source>Hour (KST)</source>
            <translation>Hour (KST)</translation>
        </message>
        <message>
            <source>Orders per hour</source>
            <translation>Orders per hour</translation>
        </message>
        <message>
            <source>Sales per hour (₩)</source>
            <translation>Sales per hour (₩)</translation>
        </message>
        <message>
            <source>%1: %2 orders</source>
            <translation>%1: %2 orders</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Orders and sales per day</source>
            <translation>Orders and sales per day</translation>
        </message>
        <message>
            <source>Day (KST)</source>
            <translation>Day (KST)</translation>
        </message>
        <message>
            <source>Orders per day</source>
            <translation>Orders per day</translation>
        </message>
        <message>
            <source>Sales per day (₩)</source>
            <translation>Sales per day (₩)</translation>
        </message>
        <message>
            <source>Orders by hour of week</source>
            <translation>Orders by hour of week</translation>
        </message>
        <message>
            <source>Hour of day (KST)</source>
            <translation>Hour of day (KST)</translation>
        </message>
        <message>
            <source>Mon</source>
            <translation>Mon</translation>
        </message>
        <message>
            <source>Tue</source>
            <translation>Tue</translation>
        </message>
        <message>
            <source>Wed</source>
            <translation>Wed</translation>
        </message>
        <message>
            <source>Thu</source>
            <translation>Thu</translation>
        </message>
        <message>
            <source>Fri</source>
            <translation>Fri</translation>
        </message>
        <message>
            <source>Sat</source>
            <translation>Sat</translation>
        </message>
        <message>
            <source>Sun</source>
            <translation>Sun</translation>
        </message>
        <message>
            <source>Trends</source>
            <translation>Trends</translation>
        </message>
    </context>
</TS>
