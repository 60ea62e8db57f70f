#!/usr/bin/env bash
# The JVM image's launch (JDK 25, the application's AOT cache, the shipped options) beside the plain jar
# on the same JDK and options, in one run: start-up to the first answer (median of 5 launches each),
# RSS after start and after 10 000 mixed requests (health, stats, the 1 h and 7-day history, metrics,
# a small log tail) and the thread count. The history rings are primitive arrays allocated at their
# full 7-day size at start (store.HistoryRing), so the history weighs as much from the first second as
# after a week. Usage: bench/startup-aot.sh [launches per variant, default 5]
source "$(dirname "$0")/lib.sh"
RUNS="${1:-5}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
build_if_needed
CACHE="$(mktemp -d)/app.aot"
JAVA="$JDK25/bin/java" sh "$ROOT/src/main/docker/aot-train.sh" "$APP" "$ROOT/src/main/docker/jvm.options" \
  "$ROOT/target/classes" "$ROOT/src/test/resources/fixtures/logstash" "$CACHE" | tail -n 1
start_simulator
LOG="$(mktemp)"; printf '[2026-01-01T00:00:00,000][INFO ][logstash.agent] line\n%.0s' $(seq 1 2000) > "$LOG"
export LOGSTASH_LOG_PATH="$LOG"
mixed() { # 10 000 requests, five kinds, sequential keep-alive from one curl
  local cfg; cfg="$(mktemp)" i=0
  for _ in $(seq 1 2000); do
    i=$((i + 1)); history="/api/history?range=1h"; [ $((i % 10)) = 0 ] && history="/api/history?range=7d"
    for p in /api/health /api/stats "$history" /q/metrics "/api/logs?lines=20"; do
      printf 'url = "%s%s"\noutput = /dev/null\n' "$SIDECAR_URL" "$p"
    done
  done >"$cfg"
  curl -s -K "$cfg" -w '%{http_code}\n' | grep -vc '^200$' || true
}
for variant in plain aot; do
  opts=("@$ROOT/src/main/docker/jvm.options")
  [ "$variant" = aot ] && opts=("-XX:AOTCache=$CACHE" "${opts[@]}")
  times=()
  for i in $(seq 1 "$RUNS"); do
    JAVA="$JDK25/bin/java" start_sidecar "${opts[@]}"
    times+=("$STARTUP_MS")
    if [ "$i" = "$RUNS" ]; then
      sleep 2; AFTER_START="$(rss_mb "$SIDECAR_PID")"
      footprint "$variant" "$SIDECAR_PID" "$(mixed)"
    fi
    kill "$SIDECAR_PID"; wait "$SIDECAR_PID" 2>/dev/null || true
  done
  startup_summary "$variant" "${times[@]}"
done
