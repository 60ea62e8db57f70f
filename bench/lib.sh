# Shared by the bench scripts: build once, start the simulator and the sidecar on free ports, measure.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP="$ROOT/target/quarkus-app"
PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

# A jar older than the sources would measure the code as it was: build again then.
build_if_needed() {
  if [ ! -f "$APP/quarkus-run.jar" ] || [ -n "$(cd "$ROOT" && find src/main pom.xml -newer "$APP/quarkus-run.jar" -print -quit)" ]; then
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

# serve_logstash STATS_FILE NODE_FILE: a Logstash that answers /_node/stats with one file and every
# other path with the other (no health report: 404, as before 8.16); sets SIM_URL.
serve_logstash() {
  local port; port="$(free_port)"
  python3 - "$port" "$1" "$2" <<'PY' &
import http.server, sys
stats, node = open(sys.argv[2], "rb").read(), open(sys.argv[3], "rb").read()
class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_GET(self):
        if self.path.startswith("/_health_report"):
            self.send_response(404); self.send_header("Content-Length", "0"); self.end_headers(); return
        b = stats if self.path.startswith("/_node/stats") else node
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(b))); self.end_headers(); self.wfile.write(b)
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
  PIDS+=($!)
  SIM_URL="http://127.0.0.1:$port"
  until curl -s -o /dev/null "$SIM_URL/_node"; do sleep 0.1; done
}

# start_sidecar [--native | JVM options...]: sets SIDECAR_PID, SIDECAR_URL and STARTUP_MS (launch to
# first answered request). --native runs the native executable target/*-runner instead of the jar;
# JAVA picks the java that runs the jar (default: the one on the PATH).
start_sidecar() {
  local port; port="$(free_port)"
  SIDECAR_URL="http://127.0.0.1:$port"
  local cmd
  if [ "${1:-}" = "--native" ]; then
    cmd=("$(ls "$ROOT"/target/*-runner | head -n1)")
  else
    cmd=("${JAVA:-java}" "$@" -jar "$APP/quarkus-run.jar")
  fi
  local t0; t0=$(date +%s%N)
  PORT="$port" LOGSTASH_API_URL="$SIM_URL" SIDECAR_POLL_INTERVAL="${POLL:-5s}" \
    "${cmd[@]}" >"${SIDECAR_LOG:-/dev/null}" 2>&1 &
  SIDECAR_PID=$!
  PIDS+=($SIDECAR_PID)
  until curl -s -o /dev/null "$SIDECAR_URL/q/health/live"; do sleep 0.01; done
  STARTUP_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}

# await_first_poll: until /api/stats answers 200 (a poll of Logstash succeeded), at most 30 s; 1 if it never did.
await_first_poll() {
  for _ in $(seq 1 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$SIDECAR_URL/api/stats")" = 200 ] && return 0; sleep 0.1
  done
  return 1
}

# startup_summary LABEL MS...: the median, the fastest and the slowest of a set of launches.
startup_summary() {
  local label="$1"; shift
  printf '%s\n' "$@" | sort -n | awk -v v="$label" '{a[NR]=$1} END {printf "%s: start to first answer, median of %d: %d ms (min %d, max %d)\n", v, NR, a[int((NR+1)/2)], a[1], a[NR]}'
}

# footprint LABEL PID FAILED: RSS now and the thread count, after a load that FAILED requests did not pass.
footprint() {
  echo "$1: rss after start ${AFTER_START} MB, after 10000 requests $(rss_mb "$2") MB ($3 non-200), $(ls "/proc/$2/task" | wc -l) threads"
}

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }

# requests N PATH: N sequential keep-alive GETs from one curl process; prints the failures.
requests() {
  local n="$1" path="$2" cfg; cfg="$(mktemp)"
  for _ in $(seq 1 "$n"); do printf 'url = "%s%s"\noutput = /dev/null\n' "$SIDECAR_URL" "$path"; done >"$cfg"
  curl -s -K "$cfg" -w '%{http_code}\n' | grep -vc '^200$' || true
}
