#!/bin/sh
# Makes the JVM image's AOT cache (JDK 25, JEP 483/514/515) from a training run of real requests: the
# packaged sidecar runs with the shipped JVM options and -XX:AOTCacheOutput against the simulated
# Logstash, is asked what operators, probes and Prometheus ask (every endpoint, the dashboard and its
# assets, both exposition formats, the log tail, a support bundle, hot threads), and is stopped; the
# JVM writes the cache as it exits. An AOT cache is valid only for the JVM that made it and the same
# class path, so this runs with the java that will run the sidecar, on the application where it will
# run: in the image build (src/main/docker/Dockerfile.jvm) and in .ci/aot-check.
#
# Usage: aot-train.sh APP_DIR JVM_OPTIONS SIMULATOR_CLASSES FIXTURES CACHE
#   APP_DIR            target/quarkus-app (as it will be run)
#   JVM_OPTIONS        src/main/docker/jvm.options
#   SIMULATOR_CLASSES  a class-path entry holding io/statussidecar/simulator (target/classes); only the
#                      training uses it, the image does not keep it
#   FIXTURES           src/test/resources/fixtures/logstash
#   CACHE              where to write the cache (APP_DIR/app.aot)
# POSIX sh and wget only (busybox in the Alpine image). JAVA selects the java (default: on the PATH);
# `./mvnw package -Daot` runs this with the JDK that runs Maven.
set -eu
APP_DIR="$1"; JVM_OPTIONS="$2"; SIM_CP="$3"; FIXTURES="$4"; CACHE="$5"
JAVA="${JAVA:-java}"
feature="$("$JAVA" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')"
if [ "${feature:-0}" -lt 25 ]; then
  echo "an AOT cache needs JDK 25 or newer to make and to use it; $JAVA is $("$JAVA" -version 2>&1 | head -n 1)" >&2
  exit 2
fi
PORT="${TRAINING_PORT:-3999}"
WORK="$(mktemp -d)"
SIM_PID=""; SIDECAR_PID=""
stop() {
  [ -n "$SIDECAR_PID" ] && kill "$SIDECAR_PID" 2>/dev/null || true
  [ -n "$SIM_PID" ] && kill "$SIM_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT

"$JAVA" -cp "$SIM_CP:$APP_DIR/lib/main/*" io.statussidecar.simulator.SimulatorMain 0 "$FIXTURES" all "$WORK/logstash-plain.log" \
  >"$WORK/simulator.out" 2>&1 &
SIM_PID=$!
i=0
until [ -s "$WORK/simulator.out" ]; do i=$((i + 1)); [ "$i" -lt 300 ] || { echo "the simulator did not start"; exit 1; }; sleep 0.1; done
SIM_URL="$(head -n 1 "$WORK/simulator.out")"

PORT="$PORT" LOGSTASH_API_URL="$SIM_URL" LOGSTASH_LOG_PATH="$WORK/logstash-plain.log" SIDECAR_POLL_INTERVAL=1s \
  "$JAVA" "-XX:AOTCacheOutput=$CACHE" "@$JVM_OPTIONS" -jar "$APP_DIR/quarkus-run.jar" >"$WORK/sidecar.out" 2>&1 &
SIDECAR_PID=$!
BASE="http://127.0.0.1:$PORT"
i=0
until wget -q -O /dev/null "$BASE/q/health/live"; do
  i=$((i + 1)); [ "$i" -lt 600 ] || { cat "$WORK/sidecar.out"; echo "the sidecar did not start"; exit 1; }; sleep 0.1
done

get() { wget -q -O /dev/null "$@" 2>/dev/null || true; } # 4xx/5xx answers are part of the training too
for round in 1 2 3 4 5 6 7 8 9 10; do
  for path in /api/health /api/stats /q/health/live /q/health/ready /q/health/started / \
      /assets/dashboard.js /assets/dashboard.css /webjars/uplot/dist/uPlot.iife.min.js /webjars/uplot/dist/uPlot.min.css \
      /api/pipelines/graph "/api/history?range=1h" "/api/history?range=5m" "/api/history?range=24h" "/api/history?range=7d" \
      "/api/logs?lines=100" "/api/logs?lines=1000&download=true" "/api/logs?level=WARN" "/api/logs?q=splunk" \
      /api/notifications "/api/history?range=bad" "/api/logs?lines=0" /api/nothing; do
    get "$BASE$path"
  done
  get --header 'Accept: text/plain' "$BASE/q/metrics"
  get --header 'Accept: application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1' "$BASE/q/metrics"
  sleep 1
done
get "$BASE/api/hot-threads"
get "$BASE/api/hot-threads?human=true&threads=5"
get "$BASE/api/support-bundle"

# The cache is written as the JVM exits (a forked JVM assembles it): wait for that.
kill "$SIDECAR_PID"
wait "$SIDECAR_PID" 2>/dev/null || true
SIDECAR_PID=""
[ -s "$CACHE" ] || { cat "$WORK/sidecar.out"; echo "no AOT cache written to $CACHE"; exit 1; }
echo "AOT cache: $CACHE ($(wc -c <"$CACHE") bytes), trained on $("$JAVA" -version 2>&1 | head -n 1)"
