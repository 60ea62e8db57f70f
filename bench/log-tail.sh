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
measure() { # measure LABEL QUERY: 20 requests, prints the median and the slowest, in ms
  local times=()
  for _ in $(seq 1 20); do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$SIDECAR_URL/api/logs?$2")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v l="$1" '{a[NR]=$1} END {printf "%-24s median %.1f ms, max %.1f ms (20 requests)\n", l":", a[int((NR+1)/2)]*1000, a[NR]*1000}'
}
# coreutils on the same file, warm cache, for the 3x of SPEC §10.
tail_times=()
for _ in $(seq 1 20); do
  t0=$(date +%s%N); tail -n 1000 "$LOG" > /dev/null; tail_times+=("$(( $(date +%s%N) - t0 ))")
done
printf '%s\n' "${tail_times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%-24s median %.1f ms, max %.1f ms (20 runs)\n", "tail -n 1000:", a[int((NR+1)/2)]/1e6, a[NR]/1e6}'
for round in 1 2; do
  measure "lines=1000" "lines=1000"
  measure "lines=100000" "lines=100000"
  measure "lines=1000&level=ERROR" "lines=1000&level=ERROR"
  echo "rss after round $round:       $(rss_mb "$SIDECAR_PID") MB"
done
