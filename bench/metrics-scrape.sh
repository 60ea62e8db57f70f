#!/usr/bin/env bash
# SPEC §10 metrics budget: one /q/metrics scrape with 500 plugins under 20 ms and under 2 MB
# allocated. The packaged jar with the shipped JVM options polls a Logstash whose one pipeline has
# PLUGINS plugins (the simulator's /_node/stats with its filters multiplied, served as a file).
# Time: curl's total per scrape, sequential, after a warm-up. Allocation: what every thread of the
# sidecar allocated across the scrapes (JFR's jdk.ThreadAllocationStatistics at the start and the end
# of a recording, taken with jcmd), divided by their number; the polls that fall in that time (one per
# 5 s) are counted in too.
# Usage: bench/metrics-scrape.sh [plugins, default 500] [scrapes, default 1000]
source "$(dirname "$0")/lib.sh"
PLUGINS="${1:-500}"
SCRAPES="${2:-1000}"
build_if_needed
start_simulator
DIR="$(mktemp -d)"
curl -sf "$SIM_URL/_node/stats" > "$DIR/base.json"
python3 - "$DIR/base.json" "$PLUGINS" "$DIR/stats.json" <<'PY'
import json, sys
base = json.load(open(sys.argv[1])); n = int(sys.argv[2])
p = base["pipelines"]["main"]; plugins = p["plugins"]
template = plugins["filters"][0]
inputs, outputs = plugins["inputs"], plugins["outputs"]
filters = []
for i in range(n - len(inputs) - len(outputs)):
    f = json.loads(json.dumps(template)); f["id"] = "filter-%03d-%s" % (i, "a1b2c3d4e5f6" * 3)
    f["events"]["out"] = f["events"]["in"] = 1000 + i; f["events"]["duration_in_millis"] = 10 * i
    filters.append(f)
plugins["filters"] = filters
open(sys.argv[3], "w").write(json.dumps(base))
print("plugins in main:", len(inputs) + len(filters) + len(outputs))
PY
curl -sf "$SIM_URL/_node" > "$DIR/node.json"
serve_logstash "$DIR/stats.json" "$DIR/node.json"
start_sidecar "@$ROOT/src/main/docker/jvm.options" ${SIDECAR_JVM_EXTRA:-}
until curl -sf -o /dev/null "$SIDECAR_URL/api/stats"; do sleep 0.2; done
sleep 1
scrape_cfg() {
  for _ in $(seq 1 "$1"); do printf 'url = "%s/q/metrics"\nheader = "Accept: text/plain"\noutput = /dev/null\n' "$SIDECAR_URL"; done
}
cat >"$DIR/allocation.jfc" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.ThreadAllocationStatistics"><setting name="enabled">true</setting><setting name="period">everyChunk</setting></event>
</configuration>
XML
allocated_during() { # allocated_during FILE: bytes all threads allocated between two statistics events
  jfr print --json --events jdk.ThreadAllocationStatistics "$1" | python3 -c '
import json, sys
events = json.load(sys.stdin)["recording"]["events"]
tid = lambda e: e["values"]["thread"]["javaThreadId"] if e["values"]["thread"] else 0
begin = min(e["values"]["startTime"] for e in events)
first = {tid(e): e["values"]["allocated"] for e in events if e["values"]["startTime"] == begin}
last = {tid(e): e["values"]["allocated"] for e in events}
print(sum(last[t] - first.get(t, 0) for t in last))  # a thread started meanwhile counts whole'
}
curl -s -H 'Accept: text/plain' "$SIDECAR_URL/q/metrics" > "$DIR/scrape.txt"
echo "series: $(grep -vc '^#' "$DIR/scrape.txt") samples, $(grep -c '^logstash_pipeline_plugin_' "$DIR/scrape.txt") of them plugin series, $(( $(stat -c %s "$DIR/scrape.txt") / 1024 )) KiB"
echo "folded: $(grep '^logstash_sidecar_plugins_folded' "$DIR/scrape.txt")"
scrape_cfg 300 | curl -s -K - >/dev/null   # warm-up
jcmd "$SIDECAR_PID" JFR.start name=allocation "settings=$DIR/allocation.jfc" >/dev/null
scrape_cfg "$SCRAPES" | curl -s -K - -w '%{time_total}\n' > "$DIR/times.txt"
jcmd "$SIDECAR_PID" JFR.stop name=allocation "filename=$DIR/allocation.jfr" >/dev/null
python3 - "$DIR/times.txt" 0 "$(allocated_during "$DIR/allocation.jfr")" "$SCRAPES" <<'PY'
import sys
t = sorted(float(x) * 1000 for x in open(sys.argv[1]) if x.strip())
q = lambda p: t[min(len(t) - 1, int(p * len(t)))]
print("scrape time over %d scrapes: median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms" % (len(t), q(.5), q(.9), q(.99), t[-1]))
per = (float(sys.argv[3]) - float(sys.argv[2])) / int(sys.argv[4])
print("allocated per scrape: %.2f MB (%.0f MB over %s scrapes)" % (per / 1e6, (float(sys.argv[3]) - float(sys.argv[2])) / 1e6, sys.argv[4]))
PY
kill -0 "$SIDECAR_PID" && echo "alive: yes, RSS $(rss_mb "$SIDECAR_PID") MB"
