# Shared by the bench scripts: build once, start the simulator and the sidecar on free ports, measure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP="$ROOT/target/quarkus-app"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

build_if_needed() {
  if [ ! -f "$APP/quarkus-run.jar" ]; then
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

start_simulator() {
  local out; out="$(mktemp)"
  # The simulator is not in the production jar: it runs from the compiled classes.
  java -cp "$ROOT/target/classes:$APP/lib/main/*" io.statussidecar.simulator.SimulatorMain 0 "$ROOT/src/test/resources/fixtures/logstash" >"$out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 100); do [ -s "$out" ] && break; sleep 0.1; done
  SIM_URL="$(head -n1 "$out")"
}

# start_sidecar [--native | JVM options...]: sets SIDECAR_PID, SIDECAR_URL and STARTUP_MS (launch to
# first answered request). --native runs the native executable target/*-runner instead of the jar.
start_sidecar() {
  local port; port="$(free_port)"
  SIDECAR_URL="http://127.0.0.1:$port"
  local cmd
  if [ "${1:-}" = "--native" ]; then
    cmd=("$(ls "$ROOT"/target/*-runner | head -n1)")
  else
    cmd=(java "$@" -jar "$APP/quarkus-run.jar")
  fi
  local t0; t0=$(date +%s%N)
  PORT="$port" LOGSTASH_API_URL="$SIM_URL" SIDECAR_POLL_INTERVAL="${POLL:-5s}" \
    "${cmd[@]}" >"${SIDECAR_LOG:-/dev/null}" 2>&1 &
  SIDECAR_PID=$!
  PIDS+=($SIDECAR_PID)
  until curl -s -o /dev/null "$SIDECAR_URL/q/health/live"; do sleep 0.01; done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

# requests N PATH: N sequential keep-alive GETs from one curl process; prints the failures.
requests() {
  local n="$1" path="$2" cfg; cfg="$(mktemp)"
  for _ in $(seq 1 "$n"); do printf 'url = "%s%s"\noutput = /dev/null\n' "$SIDECAR_URL" "$path"; done >"$cfg"
  curl -s -K "$cfg" -w '%{http_code}\n' | grep -vc '^200$' || true
}
