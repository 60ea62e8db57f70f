#!/usr/bin/env bash
# SPEC §15: a notification receiver in each of its failures, against the packaged jar with the shipped
# JVM options. The simulated Logstash turns unhealthy and healthy again every 15 s, so a notification
# is due every 15 s (each one superseding the unsent one before), while the receiver never answers,
# answers a byte a second, answers 500, answers 429 with Retry-After: 2, and refuses connections, two
# minutes each (10 minutes of a dead receiver). Prints /api/health's latency with a working receiver and
# in each fault, the RSS, heap after a full GC and thread count every 30 s, whether the sidecar lived,
# and whether the next notification went out when the receiver came back.
# Usage: bench/notify-faults.sh [seconds per fault, default 120]
# MODES="OK OK OK OK OK" runs the same with a working receiver, as the control for the RSS.
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
EACH="${1:-120}"
build_if_needed
if [ ! -f "$ROOT/target/test-classes/io/statussidecar/support/Receiver.class" ] \
    || [ "$ROOT/src/test/java/io/statussidecar/support/Receiver.java" -nt "$ROOT/target/test-classes/io/statussidecar/support/Receiver.class" ]; then
  (cd "$ROOT" && ./mvnw -B -q test-compile)
fi
start_simulator
RPORT="$(free_port)"; CPORT="$(free_port)"
java -cp "$ROOT/target/test-classes" io.statussidecar.support.Receiver "$RPORT" "$CPORT" >/dev/null 2>&1 &
PIDS+=($!)
CONTROL="http://127.0.0.1:$CPORT"
until curl -s -o /dev/null "$CONTROL/received"; do sleep 0.1; done
export SIDECAR_NOTIFY_URL="http://127.0.0.1:$RPORT/hook/secret" SIDECAR_NOTIFY_HOLD=2s SIDECAR_NOTIFY_REPEAT=1m \
  HEALTH_UNREACHABLE_GRACE=2s SIDECAR_INSTANCE_NAME=bench-1
SIDECAR_LOG="$(mktemp)"
POLL=1s start_sidecar @src/main/docker/jvm.options
JCMD="$(dirname "$(readlink -f "$(command -v "${JAVA:-java}")")")/jcmd"

flapper() { while true; do curl -s -o /dev/null "$SIM_URL/_simulator/fault/HTTP_500"; sleep 15
  curl -s -o /dev/null "$SIM_URL/_simulator/fault/NONE"; sleep 15; done; }
flapper & FLAP=$!; PIDS+=($FLAP)

p99() { wrk -t1 -c4 -d10s --latency "$SIDECAR_URL/api/health" | awk '$1=="99%" {print $2}'; }
heap() { "$JCMD" "$SIDECAR_PID" GC.run >/dev/null; "$JCMD" "$SIDECAR_PID" GC.heap_info | awk '/ total .* used / {for (i = 1; i <= NF; i++)
  if ($i == "used") { sub("K,?", "", $(i+1)); kb += $(i+1) }} END {printf "%.1f", kb / 1024}'; }
sample() { printf '  %4ds  rss %6s MB  heap after GC %5s MB  threads %3d  notifications %s\n' "$1" "$(rss_mb "$SIDECAR_PID")" "$(heap)" \
  "$(ls "/proc/$SIDECAR_PID/task" | wc -l)" "$(curl -s "$SIDECAR_URL/api/notifications" | python3 -c \
  'import json,sys; v=json.load(sys.stdin); print("sent %d failed %d dropped %d" % (v["sent"], v["failed"], v["dropped"]))')"; }

echo "receiver working (60 s, Logstash flapping every 15 s):"
sleep 50
echo "  /api/health p99 $(p99)"
sample 0
T=0
for mode in ${MODES:-NEVER DRIP ERROR_500 RATE_LIMITED REFUSE}; do
  curl -s -o /dev/null "$CONTROL/mode/$mode"
  echo "receiver $mode for $EACH s:"
  for _ in $(seq 1 $(( EACH / 30 ))); do
    sleep 20; T=$((T + 30))
    if [ $(( T % 60 )) = 30 ]; then echo "  /api/health p99 $(p99)"; else sleep 10; fi
    sample "$T"
  done
done
before="$(curl -s "$CONTROL/received" | head -n1)"
curl -s -o /dev/null "$CONTROL/mode/OK"
echo "receiver back: waiting for the next notification (the backoff is at most 5 minutes, the next change 15 s away)"
for i in $(seq 1 400); do
  now="$(curl -s "$CONTROL/received" | head -n1)"
  [ "$now" -gt "$before" ] && break; sleep 1
done
echo "  $(( now - before )) notification(s) arrived ${i} s after the receiver came back; the last:"
curl -s "$CONTROL/received" | tail -n +2 | python3 -c 'import json,sys; d=json.load(sys.stdin); print("   ", d["event"], d["status"], "previous", d["previous"])'
echo "  /api/health p99 with the receiver back: $(p99)"
sample "$((T + 30))"
kill "$FLAP"
kill -0 "$SIDECAR_PID" 2>/dev/null && echo "sidecar alive: yes" || echo "sidecar alive: NO"
echo "sidecar log: $(grep -c . "$SIDECAR_LOG") lines, $(grep -c 'Notification .* failed' "$SIDECAR_LOG") 'failed' warnings, $(grep -c 'given up' "$SIDECAR_LOG") 'given up'; secret in it: $(grep -c 'hook/secret' "$SIDECAR_LOG")"
