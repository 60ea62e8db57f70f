#!/usr/bin/env bash
# Time to answer the last 1 000 lines of a 1 GB log (redacted, as every line served is), beside coreutils'
# tail -n 1000 on the same file, and the sidecar's RSS before and after (SPEC §10: under 100 ms and
# within 3x of tail, memory flat). Usage: bench/log-tail.sh [size in MB, default 1024] [JVM options...]
source "$(dirname "$0")/lib.sh"
SIZE_MB="${1:-1024}"; shift || true
build_if_needed
LOG_DIR="$(mktemp -d)"; trap 'cleanup; rm -rf "$LOG_DIR"' EXIT
LOG="$LOG_DIR/logstash-plain.log"
# yes stops on SIGPIPE when head has enough; that is not a failure.
(set +o pipefail; yes '[2026-01-01T00:00:00,000][INFO ][logstash.outputs.http    ] Sent 125 events to splunk-microseg in 12 ms {:pipeline_id=>"main"}' \
  | head -c "$((SIZE_MB * 1024 * 1024))" > "$LOG")
printf '\n[2026-01-01T00:00:01,000][ERROR][logstash.agent] the last entry\n' >> "$LOG"
echo "log:                     $(du -h "$LOG" | cut -f1) ($(stat -c %s "$LOG") bytes)"
start_simulator
LOGSTASH_LOG_PATH="$LOG" start_sidecar "$@"
sleep 2
echo "rss before:              $(rss_mb "$SIDECAR_PID") MB"
measure() { # measure LABEL QUERY: 20 requests, each on a new connection; prints the median and the slowest
  local times=()
  for _ in $(seq 1 20); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$SIDECAR_URL/api/logs?$2")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$1" '{a[NR]=$1} END {printf "%-24s median %.1f ms, max %.1f ms (20 requests)\n", l":", a[int((NR+1)/2)]*1000, a[NR]*1000}'
}
median_ms() { sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]*1000}'; }
# The 3x of SPEC §10, warm cache, after 300 requests to warm up, 200 of each after 50 more, medians: coreutils from spawn to
# exit (it starts, seeks to the end, reads backwards, writes; timed by python's perf_counter), the
# sidecar on one kept-alive connection (the answer's own cost: route, gate, reading, redaction, the
# response) and on a new connection per request (as a browser's download; Quarkus' first request on a
# connection costs about 1 ms more whatever the endpoint, in a bare Quarkus app too).
tail_ms="$(python3 - "$LOG" <<'PY'
import subprocess, sys, time
ts = []
for i in range(250):
    t = time.perf_counter()
    subprocess.run(["tail", "-n", "1000", sys.argv[1]], stdout=subprocess.DEVNULL, check=True)
    ts.append(time.perf_counter() - t)
ts = sorted(ts[50:])
print("%.2f" % (ts[len(ts) // 2] * 1000))
PY
)"
cfg="$(mktemp)"
for _ in $(seq 1 300); do printf 'url = "%s/api/logs?lines=1000"\noutput = /dev/null\n' "$SIDECAR_URL"; done >"$cfg"
curl -s -K "$cfg" >/dev/null # warm-up: the JIT compiles the reading and the redaction pass
for _ in $(seq 1 250); do printf 'url = "%s/api/logs?lines=1000"\noutput = /dev/null\n' "$SIDECAR_URL"; done >"$cfg"
kept_ms="$(curl -s -K "$cfg" -w '%{time_total}\n' | tail -n 200 | median_ms)"
for _ in $(seq 1 50); do curl -s -o /dev/null "$SIDECAR_URL/api/logs?lines=1000"; done
fresh_ms="$(for _ in $(seq 1 200); do curl -s -o /dev/null -w '%{time_total}\n' "$SIDECAR_URL/api/logs?lines=1000"; done | median_ms)"
echo "tail -n 1000:            median ${tail_ms} ms (spawn to exit, 200 runs)"
echo "lines=1000, kept-alive:  median ${kept_ms} ms ($(awk -v a="$kept_ms" -v b="$tail_ms" 'BEGIN {printf "%.1f", a/b}')x tail)"
echo "lines=1000, new conn.:   median ${fresh_ms} ms ($(awk -v a="$fresh_ms" -v b="$tail_ms" 'BEGIN {printf "%.1f", a/b}')x tail)"
for round in 1 2; do
  measure "lines=1000" "lines=1000"
  measure "lines=100000" "lines=100000"
  measure "lines=1000&level=ERROR" "lines=1000&level=ERROR"
  echo "rss after round $round:       $(rss_mb "$SIDECAR_PID") MB"
done
