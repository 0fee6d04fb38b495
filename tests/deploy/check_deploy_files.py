#!/usr/bin/env python3
"""Checks the deployment files under installer/deploy that cannot be built here (no container
engine, no cluster): they parse, they agree with each other and with the code, and the Dockerfile
installs exactly the packages scripts/setup installs. Usage: check_deploy_files.py SOURCE_DIR"""
import json
import pathlib
import re
import subprocess
import sys

import yaml

root = pathlib.Path(sys.argv[1])
deploy = root / "installer" / "deploy"
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


# --- Dockerfile: build stage = scripts/packages.txt, run-time packages are real Debian 12 ones.
docker = (deploy / "Dockerfile").read_text(encoding="utf-8")
check("COPY scripts/packages.txt" in docker and "/tmp/packages.txt | xargs apt-get install" in docker,
      "Dockerfile: the build stage must install scripts/packages.txt (the setup script's list)")
setup = (root / "scripts" / "setup").read_text(encoding="utf-8")
check("packages.txt" in setup, "scripts/setup no longer reads scripts/packages.txt")
stages = re.split(r"^FROM ", docker, flags=re.M)
check(len(stages) == 3 and stages[1].startswith("debian:12") and stages[2].startswith("debian:12"),
      "Dockerfile: two stages, both Debian 12")
runtime = stages[-1]
install = re.search(r"apt-get install -y --no-install-recommends(.*?)\\\s*\n\s*&&", runtime, flags=re.S)
check(install is not None, "Dockerfile: run-time stage has no apt-get install line")
if install:
    names = [n for n in re.split(r"[\s\\]+", install.group(1)) if n]
    check(len(names) >= 8, "Dockerfile: suspiciously few run-time packages: %s" % names)
    for name in names:
        known = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        check("install ok installed" in known.stdout,
              "Dockerfile: run-time package %s is not a Debian package installed by scripts/setup's list" % name)
check("orderpulse-cli" in docker and "EXPOSE 9464" in docker, "Dockerfile: worker entry point / metrics port")

# --- Kubernetes: ConfigMap + Deployment + Service, secrets by reference only.
docs = list(yaml.safe_load_all((deploy / "kubernetes" / "orderpulse-workers.yaml").read_text(encoding="utf-8")))
kinds = {d["kind"]: d for d in docs if d}
check(set(kinds) == {"ConfigMap", "Deployment", "Service"}, "kubernetes: kinds %s" % sorted(kinds))
if set(kinds) == {"ConfigMap", "Deployment", "Service"}:
    ini = kinds["ConfigMap"]["data"]["ingest.ini"]
    check("password" not in ini.lower(), "kubernetes: the ConfigMap must not hold a password")
    pod = kinds["Deployment"]["spec"]["template"]["spec"]
    container = pod["containers"][0]
    env = {e["name"]: e for e in container.get("env", [])}
    for var in ("ORDERPULSE_PG_PASSWORD", "ORDERPULSE_REDIS_PASSWORD", "ORDERPULSE_KAFKA_PASSWORD"):
        check(var in env and "secretKeyRef" in env[var].get("valueFrom", {}),
              "kubernetes: %s must come from a Secret reference" % var)
    check(container["livenessProbe"]["httpGet"]["path"] == "/healthz", "kubernetes: liveness probe /healthz")
    check(container["readinessProbe"]["httpGet"]["path"] == "/readyz", "kubernetes: readiness probe /readyz")
    check(kinds["Service"]["spec"]["selector"] == kinds["Deployment"]["spec"]["selector"]["matchLabels"],
          "kubernetes: the Service does not select the workers")
    metrics_port = re.search(r"^port=(\d+)", ini, flags=re.M)
    check(metrics_port is not None and int(metrics_port.group(1)) == container["ports"][0]["containerPort"],
          "kubernetes: metrics port in ingest.ini differs from the container port")

# --- Grafana: valid JSON; seed 002's panel queries; only metric names the worker exports.
dashboard = json.loads((deploy / "grafana" / "orderpulse-dashboard.json").read_text(encoding="utf-8"))
sql = [t["rawSql"] for p in dashboard["panels"] for t in p["targets"] if "rawSql" in t]
for table in ("realtime_stats", "popular_products", "suspicious_ips", "high_value_orders"):
    check(any("FROM " + table in q for q in sql), "grafana: no panel reads %s" % table)
exported = set(re.findall(r'"(orderpulse_[a-z_]+)"', (root / "core" / "metrics" / "IngestMetrics.cpp").read_text()))
for p in dashboard["panels"]:
    for t in p["targets"]:
        for metric in re.findall(r"orderpulse_[a-z_]+", t.get("expr", "")):
            base = re.sub(r"_(bucket|sum|count)$", "", metric)
            check(metric in exported or base in exported, "grafana: metric %s is not exported by the worker" % metric)
check(len({p["id"] for p in dashboard["panels"]}) == len(dashboard["panels"]), "grafana: panel ids repeat")

if failures:
    print("\n".join("FAIL: " + f for f in failures))
    sys.exit(1)
print("deployment files OK: Dockerfile, %d Kubernetes objects, %d Grafana panels" % (len(docs), len(dashboard["panels"])))
