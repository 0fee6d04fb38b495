#pragma once

// The SQL that SqliteSink runs once per batch, after staging: from the staged records that are new
// to the database ("fresh") into the tables of docs/storage.md. Statements only, no logic.
namespace op::SqliteBatchSql {

// The derived tables, from the staged records that are new to the database ("fresh").
inline constexpr const char *kOrdersFromPlacements =
    "INSERT INTO orders (order_id, order_time, customer_id, merchant_id, merchant_name, category, region, amount, "
    "delivery_fee, distance_km, promised_min, delivery_min, status, rating, ip_address, payment, late) "
    "SELECT order_id, order_time, customer_id, merchant_id, merchant_name, category, region, amount, delivery_fee, "
    "distance_km, promised_min, delivery_min, status, rating, ip_address, payment, late FROM stage_events "
    "WHERE fresh AND placement ORDER BY seq "
    // An outcome that came first made the row: its status, delivery_min and rating stand
    // (LifecycleMerge); the placement's delivery facts win over the outcome's.
    "ON CONFLICT (order_id) DO UPDATE SET order_time = excluded.order_time, customer_id = excluded.customer_id, "
    "merchant_id = excluded.merchant_id, merchant_name = excluded.merchant_name, category = excluded.category, "
    "region = excluded.region, amount = excluded.amount, delivery_fee = excluded.delivery_fee, "
    "distance_km = COALESCE(excluded.distance_km, orders.distance_km), "
    "promised_min = COALESCE(excluded.promised_min, orders.promised_min), "
    "delivery_min = COALESCE(orders.delivery_min, excluded.delivery_min), "
    "status = COALESCE(orders.status, excluded.status), rating = COALESCE(orders.rating, excluded.rating), "
    "ip_address = excluded.ip_address, payment = excluded.payment, late = excluded.late";

// Delivered and cancelled: the later one wins, a tie goes to cancelled (both are in order_events
// already, whichever batch brought them).
inline constexpr const char *kOrdersFromDelivered =
    "INSERT INTO orders (order_id, status, delivery_min, distance_km, promised_min) "
    "SELECT s.order_id, CASE WHEN EXISTS (SELECT 1 FROM order_events c WHERE c.order_id = s.order_id "
    "AND c.kind = 'cancelled' AND c.event_time_ms >= s.event_time_ms) THEN NULL ELSE 'delivered' END, "
    "s.delivery_min, s.distance_km, s.promised_min FROM stage_events s WHERE s.fresh AND s.kind = 'delivered' "
    "ON CONFLICT (order_id) DO UPDATE SET status = COALESCE(excluded.status, orders.status), "
    "delivery_min = COALESCE(excluded.delivery_min, orders.delivery_min), "
    "distance_km = COALESCE(orders.distance_km, excluded.distance_km), "
    "promised_min = COALESCE(orders.promised_min, excluded.promised_min)";

inline constexpr const char *kOrdersFromCancelled =
    "INSERT INTO orders (order_id, status, distance_km, promised_min) "
    "SELECT s.order_id, CASE WHEN EXISTS (SELECT 1 FROM order_events d WHERE d.order_id = s.order_id "
    "AND d.kind = 'delivered' AND d.event_time_ms > s.event_time_ms) THEN NULL ELSE 'cancelled' END, "
    "s.distance_km, s.promised_min FROM stage_events s WHERE s.fresh AND s.kind = 'cancelled' "
    "ON CONFLICT (order_id) DO UPDATE SET status = COALESCE(excluded.status, orders.status), "
    "distance_km = COALESCE(orders.distance_km, excluded.distance_km), "
    "promised_min = COALESCE(orders.promised_min, excluded.promised_min)";

inline constexpr const char *kOrdersFromRated =
    "INSERT INTO orders (order_id, rating, distance_km, promised_min) "
    "SELECT order_id, rating, distance_km, promised_min FROM stage_events WHERE fresh AND kind = 'rated' "
    "ON CONFLICT (order_id) DO UPDATE SET rating = COALESCE(excluded.rating, orders.rating), "
    "distance_km = COALESCE(orders.distance_km, excluded.distance_km), "
    "promised_min = COALESCE(orders.promised_min, excluded.promised_min)";

inline constexpr const char *kOrderItems =
    "INSERT INTO order_items (order_id, line, product_name, quantity, unit_price) "
    "SELECT s.order_id, i.line, i.product_name, i.quantity, i.unit_price FROM stage_items i "
    "JOIN stage_events s ON s.seq = i.seq WHERE s.fresh AND s.placement ON CONFLICT DO NOTHING";

inline constexpr const char *kCustomers =
    "INSERT INTO customers (customer_id, first_order, last_order, orders, sales) "
    "SELECT customer_id, MIN(order_time), MAX(order_time), COUNT(*), SUM(COALESCE(amount, 0)) FROM stage_events "
    "WHERE fresh AND placement GROUP BY customer_id "
    "ON CONFLICT (customer_id) DO UPDATE SET first_order = MIN(customers.first_order, excluded.first_order), "
    "last_order = MAX(customers.last_order, excluded.last_order), orders = customers.orders + excluded.orders, "
    "sales = customers.sales + excluded.sales";

inline constexpr const char *kMerchants =
    "INSERT INTO merchants (merchant_id, name, orders, sales) "
    "SELECT s.merchant_id, (SELECT x.merchant_name FROM stage_events x WHERE x.merchant_id = s.merchant_id "
    "AND x.fresh AND x.placement AND x.merchant_name <> '' ORDER BY x.event_time_ms DESC, x.order_id DESC LIMIT 1), "
    "COUNT(*), SUM(COALESCE(s.amount, 0)) FROM stage_events s WHERE s.fresh AND s.placement "
    "AND s.merchant_id <> '' GROUP BY s.merchant_id "
    "ON CONFLICT (merchant_id) DO UPDATE SET name = COALESCE(excluded.name, merchants.name), "
    "orders = merchants.orders + excluded.orders, sales = merchants.sales + excluded.sales";

// Windows take the placements that were on time, as the engine's windows do.
inline constexpr const char *kRealtimeStats =
    "INSERT INTO realtime_stats (stat_time, window_start, total_orders, total_sales, created_at) "
    "SELECT rt_end, rt_start, COUNT(*), SUM(COALESCE(amount, 0)), ? FROM stage_events "
    "WHERE fresh AND placement AND NOT late GROUP BY rt_start "
    "ON CONFLICT (stat_time) DO UPDATE SET total_orders = realtime_stats.total_orders + excluded.total_orders, "
    "total_sales = realtime_stats.total_sales + excluded.total_sales";

inline constexpr const char *kPopularProducts =
    "INSERT INTO popular_products (window_start, window_end, product_name, order_count, quantity, total_sales, "
    "created_at) SELECT s.pp_start, s.pp_end, i.product_name, COUNT(DISTINCT i.seq), SUM(i.quantity), "
    "SUM(i.quantity * i.unit_price), ? FROM stage_items i JOIN stage_events s ON s.seq = i.seq "
    "WHERE s.fresh AND s.placement AND NOT s.late GROUP BY s.pp_start, i.product_name "
    "ON CONFLICT (window_start, product_name) DO UPDATE SET "
    "order_count = popular_products.order_count + excluded.order_count, "
    "quantity = popular_products.quantity + excluded.quantity, "
    "total_sales = popular_products.total_sales + excluded.total_sales";

inline constexpr const char *kIpWindows =
    "INSERT INTO ip_windows (window_start, ip_address, order_count, total_spent, created_at) "
    "SELECT ip_start, ip_address, COUNT(*), SUM(COALESCE(amount, 0)), ? FROM stage_events "
    "WHERE fresh AND placement AND NOT late AND ip_address <> '' GROUP BY ip_start, ip_address "
    "ON CONFLICT (window_start, ip_address) DO UPDATE SET order_count = ip_windows.order_count + excluded.order_count, "
    "total_spent = ip_windows.total_spent + excluded.total_spent";

// Late ones too: a high-value order is one whatever its arrival.
inline constexpr const char *kHighValue =
    "INSERT INTO high_value_orders (order_time, order_id, product_name, quantity, total_price, ip_address, created_at) "
    "SELECT order_time, order_id, first_item, item_qty, amount, ip_address, ? FROM stage_events "
    "WHERE fresh AND placement AND amount >= ? ORDER BY seq ON CONFLICT (order_id) DO NOTHING";

// AOV and the count of ip_velocity alerts raised in each window the batch touched.
inline constexpr const char *kRealtimeTotals =
    "UPDATE realtime_stats SET avg_order_value = CASE WHEN total_orders > 0 "
    "THEN (total_sales + total_orders / 2) / total_orders ELSE 0 END, "
    "suspicious_ip_count = (SELECT COUNT(*) FROM alerts a WHERE a.rule = 'ip_velocity' "
    "AND a.event_time >= realtime_stats.window_start AND a.event_time < realtime_stats.stat_time) "
    "WHERE stat_time IN (SELECT rt_end FROM stage_events WHERE fresh AND placement AND NOT late)";


// customer_rfm over all customers (docs/storage.md), binds: the horizon's lower bound (order_time
// text), "now" (text), the CLV lifetime in months. The same rules as RfmScoring and GradeRules.
inline constexpr const char *kCustomerRfm =
    "INSERT INTO customer_rfm (customer_id, recency, frequency, monetary, r, f, m, segment, grade, clv) "
    "WITH recent AS (SELECT customer_id, COUNT(*) AS n, COALESCE(SUM(amount), 0) AS s FROM orders "
    "WHERE order_time IS NOT NULL AND order_time > ? GROUP BY customer_id), "
    "scored AS (SELECT c.*, NTILE(5) OVER (ORDER BY last_order, customer_id) AS rs, "
    "NTILE(5) OVER (ORDER BY orders, customer_id) AS fs, NTILE(5) OVER (ORDER BY sales, customer_id) AS ms "
    "FROM customers c) "
    "SELECT sc.customer_id, julianday(?) - julianday(sc.last_order), sc.orders, sc.sales, rs, fs, ms, CASE "
    " WHEN rs <= 2 AND fs <= 2 THEN 'Hibernating' WHEN rs <= 2 AND fs <= 4 THEN 'At Risk' "
    " WHEN rs <= 2 THEN 'Can''t Lose Them' WHEN rs = 3 AND fs <= 2 THEN 'About to Sleep' "
    " WHEN rs = 3 AND fs = 3 THEN 'Need Attention' WHEN rs <= 4 AND fs >= 4 THEN 'Loyal' "
    " WHEN rs = 4 AND fs = 1 THEN 'Promising' WHEN rs = 5 AND fs = 1 THEN 'New' "
    " WHEN fs <= 3 THEN 'Potential Loyalist' ELSE 'Champions' END, "
    "CASE WHEN COALESCE(r.s, 0) >= 3000000 AND COALESCE(r.n, 0) >= 15 THEN 'VIP' "
    " WHEN COALESCE(r.s, 0) >= 1000000 AND COALESCE(r.n, 0) >= 8 THEN 'GOLD' "
    " WHEN COALESCE(r.s, 0) >= 300000 AND COALESCE(r.n, 0) >= 3 THEN 'SILVER' ELSE 'BRONZE' END, "
    // CLV = M x 30 days x months / max(span, 30 days)
    "CAST(ROUND(sc.sales * 30.0 * ? / MAX(julianday(sc.last_order) - julianday(sc.first_order), 30.0)) AS INTEGER) "
    "FROM scored sc LEFT JOIN recent r ON r.customer_id = sc.customer_id WHERE true";

} // namespace op::SqliteBatchSql
