#!/usr/bin/env python3
"""Summarises tests/bench/soak.sh's samples: RSS growth after warm-up, lag, sink queue, flush
latency, and draws them as an SVG (no plotting library needed).
Usage: soak_report.py samples.csv out.svg MINUTES RATE"""
import csv
import sys

rows = [{k: float(v) for k, v in r.items()} for r in csv.DictReader(open(sys.argv[1]))]
if len(rows) < 4:
    sys.exit("too few samples")
minutes, rate = sys.argv[3], sys.argv[4]
warm = [r for r in rows if r["seconds"] >= 120] or rows  # after a 2-minute warm-up
first, last = warm[0]["rss_bytes"], warm[-1]["rss_bytes"]
peak = max(r["rss_bytes"] for r in rows)
growth = (last - first) / first * 100 if first else 0.0
flushes = rows[-1]["flush_count"]
mean_flush = rows[-1]["flush_sum"] / flushes if flushes else 0.0
within_100ms = rows[-1]["flush_le_0_1"] / flushes * 100 if flushes else 0.0
within_1s = rows[-1]["flush_le_1"] / flushes * 100 if flushes else 0.0
print(f"soak: {minutes} min at {rate} orders/s, {len(rows)} samples every 10 s, {int(rows[-1]['accepted'])} events accepted")
print(f"RSS after warm-up: {first / 2**20:.1f} MiB -> {last / 2**20:.1f} MiB ({growth:+.1f} %), peak {peak / 2**20:.1f} MiB")
print(f"consumer lag: max {int(max(r['lag'] for r in rows))}, last {int(rows[-1]['lag'])} messages; "
      f"sink queue depth max {int(max(r['queue_depth'] for r in rows))}")
print(f"flushes: {int(flushes)}, mean {mean_flush * 1000:.1f} ms, {within_100ms:.1f} % <= 100 ms, {within_1s:.1f} % <= 1 s")

# SVG: RSS (MiB) and lag (messages) over time, each scaled to its own axis.
W, H, L, R, T, B = 900, 360, 70, 70, 30, 40
tmax = max(r["seconds"] for r in rows) or 1
rss_max = max(r["rss_bytes"] for r in rows) / 2**20 * 1.1 or 1
lag_max = max(max(r["lag"] for r in rows) * 1.1, 1)


def x(t):
    return L + (W - L - R) * t / tmax


def y(v, vmax):
    return H - B - (H - T - B) * v / vmax


def line(key, vmax, scale, colour):
    pts = " ".join(f"{x(r['seconds']):.1f},{y(r[key] * scale, vmax):.1f}" for r in rows)
    return f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{pts}"/>'


svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W / 2}" y="18" text-anchor="middle">Soak: {minutes} min at {rate} orders/s (produce, ingest, PostgreSQL, Redis)</text>',
       f'<line x1="{L}" y1="{H - B}" x2="{W - R}" y2="{H - B}" stroke="black"/>',
       f'<line x1="{L}" y1="{T}" x2="{L}" y2="{H - B}" stroke="black"/>',
       f'<line x1="{W - R}" y1="{T}" x2="{W - R}" y2="{H - B}" stroke="black"/>']
for i in range(6):
    t = tmax * i / 5
    svg.append(f'<text x="{x(t):.0f}" y="{H - B + 16}" text-anchor="middle">{t / 60:.0f} min</text>')
    svg.append(f'<text x="{L - 6}" y="{y(rss_max * i / 5, rss_max) + 4:.0f}" text-anchor="end" fill="#1f77b4">{rss_max * i / 5:.0f}</text>')
    svg.append(f'<text x="{W - R + 6}" y="{y(lag_max * i / 5, lag_max) + 4:.0f}" fill="#d62728">{lag_max * i / 5:.0f}</text>')
svg.append(line("rss_bytes", rss_max, 1 / 2**20, "#1f77b4"))
svg.append(line("lag", lag_max, 1, "#d62728"))
svg.append(f'<text x="{L + 10}" y="{T + 14}" fill="#1f77b4">RSS (MiB, left)</text>')
svg.append(f'<text x="{L + 10}" y="{T + 30}" fill="#d62728">consumer lag (messages, right)</text>')
svg.append("</svg>")
open(sys.argv[2], "w").write("\n".join(svg))
