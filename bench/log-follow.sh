#!/usr/bin/env bash
# The log follower behind plugin_restarting (SPEC §5): against the packaged jar with the shipped JVM
# options and a 1 GB Logstash log, it starts at the end (nothing of the 1 GB is read), reads what is
# appended, follows a rotation, and its memory stays flat. Prints RSS and the sidecar's CPU time at
# each step, and whether plugin_restarting fired. Usage: bench/log-follow.sh [size in MB, default 1024]
source "$(dirname "$0")/lib.sh"
SIZE_MB="${1:-1024}"
build_if_needed
LOG_DIR="$(mktemp -d)"; trap 'cleanup; rm -rf "$LOG_DIR"' EXIT
LOG="$LOG_DIR/logstash-plain.log"
LINE='[2026-01-01T00:00:00,000][INFO ][logstash.outputs.http    ][main][splunk-microseg] Sent 125 events in 12 ms'
fill() { (set +o pipefail; yes "$LINE" | head -c "$(($2 * 1024 * 1024))" >> "$1"); }
restart() {
  cat >> "$LOG" <<'MSG'
[2026-01-01T00:00:00,123][ERROR][logstash.javapipeline    ][main][tcp-in] A plugin had an unrecoverable error. Will restart this plugin.
  Pipeline_id:main
  Plugin: <LogStash::Inputs::Tcp port=>5000, id=>"tcp-in", enable_metric=>true>
  Error: Address already in use
  Exception: Java::JavaNet::BindException
  Stack: sun.nio.ch.Net.bind0(Native Method)
MSG
}
cpu_ms() { awk '{printf "%d", ($14 + $15) * 1000 / 100}' "/proc/$1/stat"; }
report() { printf '%-44s RSS %6s MB, CPU %6s ms, plugin_restarting: %s\n' "$1" "$(rss_mb "$SIDECAR_PID")" "$(cpu_ms "$SIDECAR_PID")" \
  "$(curl -s "$SIDECAR_URL/api/health" | grep -q plugin_restarting && echo yes || echo no)"; }

fill "$LOG" "$SIZE_MB"
echo "log: $(du -h "$LOG" | cut -f1)"
start_simulator
POLL=1s LOGSTASH_LOG_PATH="$LOG" start_sidecar "@$ROOT/src/main/docker/jvm.options"
sleep 3
report "started beside a ${SIZE_MB} MB log"
sleep 5
report "5 s later (followed from the end)"
fill "$LOG" 256; sleep 12
report "256 MB appended"
for _ in 1 2 3; do restart; sleep 2; done
report "3 restarts of tcp-in appended"
mv "$LOG" "$LOG_DIR/logstash-plain-2026-01-01-1.log"; : > "$LOG"
fill "$LOG" 128; restart; sleep 8
report "rotated; 128 MB and 1 restart in the new file"
sleep 2
report "alive: $(kill -0 "$SIDECAR_PID" 2>/dev/null && echo yes || echo NO)"
echo "peak RSS: $(awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$SIDECAR_PID/status") MB"
