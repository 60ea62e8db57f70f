#!/usr/bin/env bash
# SPEC §11: each way a Logstash can misbehave on the wire, against the packaged jar with the shipped JVM
# options (48 MB heap); then 50 concurrent requests of each endpoint. Prints, per fault, whether the
# sidecar lived, its peak RSS so far, the p99 of /api/stats during the fault and the lastError it gave.
# Usage: bench/hostile.sh [seconds per fault, default 15]
source "$(dirname "$0")/lib.sh"
SECONDS_PER_FAULT="${1:-15}"
build_if_needed
LOG_DIR="$(mktemp -d)"
python3 - "$LOG_DIR/logstash.log" <<'PY'
import sys
# 100 MB of Logstash's log.format json: no line starts like a plain-format entry.
with open(sys.argv[1], "w") as f:
    i = 0; n = 0
    while n < 100 * 1024 * 1024:
        line = '{"level":"%s","loggerName":"logstash.outputs.http","timeMillis":%d,"logEvent":{"message":"Sent batch %d"}}\n' % (
            "ERROR" if i % 97 == 0 else "INFO", 1764000000000 + i, i)
        f.write(line); n += len(line); i += 1
PY
start_simulator
POLL=1s LOGSTASH_CONNECT_TIMEOUT=1s LOGSTASH_READ_TIMEOUT=2s HEALTH_UNREACHABLE_GRACE=4s LOGSTASH_LOG_PATH="$LOG_DIR/logstash.log" \
  start_sidecar @src/main/docker/jvm.options
await_first_poll || { echo "no successful poll of Logstash within 30 s" >&2; exit 1; }

peak_mb() { awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$1/status" 2>/dev/null || echo "-"; }
alive() { kill -0 "$SIDECAR_PID" 2>/dev/null && echo yes || echo NO; }

# p99 of /api/stats (ms) over the given seconds, one keep-alive client, and the last lastError.
probe() {
  python3 - "$SIDECAR_URL" "$1" <<'PY'
import http.client, json, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); end = time.time() + float(sys.argv[2]); lat = []; err = None
c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
while time.time() < end:
    t = time.perf_counter()
    try:
        c.request("GET", "/api/stats"); r = c.getresponse(); body = r.read()
    except Exception as e:
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=10); lat.append(10000.0); continue
    lat.append((time.perf_counter() - t) * 1000)
    try: err = json.loads(body).get("lastError")
    except Exception: pass
    time.sleep(0.02)
lat.sort()
print("%.1f\t%s" % (lat[int(len(lat) * 0.99) - 1] if lat else float("nan"), (err or "")[:90]))
PY
}

printf '%-10s %-6s %-13s %-14s %s\n' fault alive "peak RSS MB" "stats p99 ms" lastError
for fault in HANG HUGE ENDLESS DRIP HALF OVERSIZED GARBAGE HTTP_500 REFUSE; do
  curl -s -o /dev/null "$SIM_URL/_simulator/fault/$fault" || true
  result="$(probe "$SECONDS_PER_FAULT")"
  printf '%-10s %-6s %-13s %-14s %s\n' "$fault" "$(alive)" "$(peak_mb "$SIDECAR_PID")" "${result%%$'\t'*}" "${result#*$'\t'}"
  # REFUSE closes the simulator's port: it stays closed, so it comes last.
  [ "$fault" = REFUSE ] || curl -s -o /dev/null "$SIM_URL/_simulator/fault/NONE"
  sleep 2
done

echo
printf '%-36s %-6s %-13s %s\n' "50 concurrent requests of" alive "peak RSS MB" statuses
for path in /api/stats /api/health "/api/history?range=7d" "/api/logs?lines=100000" "/api/logs?lines=100000&q=x" \
    /api/support-bundle /api/hot-threads /q/health/live /q/metrics /; do
  statuses="$(seq 1 50 | xargs -P 50 -I{} curl -s -o /dev/null -m 120 -w '%{http_code}\n' "$SIDECAR_URL$path" | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
  printf '%-36s %-6s %-13s %s\n' "$path" "$(alive)" "$(peak_mb "$SIDECAR_PID")" "$statuses"
done
echo "rss now: $(rss_mb "$SIDECAR_PID") MB"
