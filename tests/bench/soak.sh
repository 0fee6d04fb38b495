#!/usr/bin/env bash
# Soak benchmark (issue 8; on demand, never in CI): MINUTES at RATE orders/s through
#   produce -> mock Kafka (12 partitions) -> ingest -> PostgreSQL + Redis
# sampling the worker's /metrics every 10 s: RSS, consumer lag, sink queue depth, flush latency.
#   tests/bench/soak.sh BUILD_DIR [MINUTES=30] [RATE=5000] [OUT_DIR=soak-results]
# Writes OUT_DIR/samples.csv, OUT_DIR/summary.txt and OUT_DIR/soak.svg. Runs as root (PostgreSQL
# runs as the postgres user, as in STACK.md).
set -euo pipefail
build=$(cd "$1" && pwd)
minutes=${2:-30}
rate=${3:-5000}
out=$(mkdir -p "${4:-soak-results}" && cd "${4:-soak-results}" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cli="$build/app/orderpulse-cli"
work=$(mktemp -d /tmp/orderpulse-soak.XXXXXX)
chmod 755 "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
pids=()
pgbin=/usr/lib/postgresql/15/bin
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

orders=$((minutes * 60 * rate))
echo "soak: generating $orders orders" >&2
"$cli" generate -o "$work/orders.ndjson" --orders "$orders" --customers 50000 --merchants 500 --days 60 --seed 99 2>/dev/null

pgport=$(free_port)
mkdir "$work/pg" && chown postgres "$work/pg"
runuser -u postgres -- "$pgbin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$work/pg" -w -l "$work/pg/log" \
    -o "-p $pgport -c listen_addresses=127.0.0.1 -k $work/pg" start >/dev/null
rport=$(free_port)
redis-server --port "$rport" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --pidfile "$work/redis.pid" >/dev/null

"$cli" mock-kafka --brokers 1 --partitions 12 --topic orders >"$work/mock.out" 2>/dev/null &
pids+=($!)
for _ in $(seq 50); do grep -q bootstrap= "$work/mock.out" 2>/dev/null && break; sleep 0.1; done
brokers=$(head -1 "$work/mock.out" | sed 's/^bootstrap=//')

mport=$(free_port)
"$cli" ingest --brokers "$brokers" --topic orders --group soak --postgres "postgresql://postgres@127.0.0.1:$pgport/postgres" \
    --redis "redis://127.0.0.1:$rport/0" --metrics-port "$mport" --idle-exit 60 >"$work/ingest.out" 2>"$work/ingest.err" &
ingest=$!
pids+=($ingest)
"$cli" produce --brokers "$brokers" --topic orders --rate "$rate" "$work/orders.ndjson" 2>"$work/produce.err" &
producer=$!
pids+=($producer)

echo "seconds,rss_bytes,lag,queue_depth,flush_count,flush_sum,flush_le_0_1,flush_le_1,accepted" >"$out/samples.csv"
start=$(date +%s)
metric() { awk -v m="$1" 'index($0, m) == 1 { v = $NF } END { print (v == "" ? 0 : v) }' "$work/metrics"; }
while kill -0 "$producer" 2>/dev/null; do
    sleep 10
    curl -s "http://127.0.0.1:$mport/metrics" >"$work/metrics" || continue
    lag=$(awk '/^orderpulse_kafka_consumer_lag\{/ { s += $NF } END { print s + 0 }' "$work/metrics")
    echo "$(( $(date +%s) - start )),$(metric orderpulse_process_resident_memory_bytes),$lag,$(metric orderpulse_sink_queue_depth),$(metric orderpulse_sink_flush_seconds_count),$(metric orderpulse_sink_flush_seconds_sum),$(metric 'orderpulse_sink_flush_seconds_bucket{le="0.1"}'),$(metric 'orderpulse_sink_flush_seconds_bucket{le="1"}'),$(metric 'orderpulse_events_total{result="accepted"}')" >>"$out/samples.csv"
done
wait "$producer"
wait "$ingest" || true
tail -3 "$work/ingest.err" >&2
python3 "$here/soak_report.py" "$out/samples.csv" "$out/soak.svg" "$minutes" "$rate" | tee "$out/summary.txt"
