#!/usr/bin/env bash
# Latency of the endpoints answered from memory, against /q/health/live under the same load (SPEC §10:
# p99 of /api/health and /api/stats within 2x of /q/health/live). Needs wrk (apt-get install wrk).
# Usage: bench/latency.sh [seconds per endpoint, default 10] [JVM options...]
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 1; }
SECONDS_EACH="${1:-10}"; shift || true
build_if_needed
start_simulator
POLL=1s start_sidecar "$@"
await_first_poll || { echo "no successful poll of Logstash within 30 s" >&2; exit 1; }
printf '%-16s %10s %10s %10s %12s\n' endpoint p50 p90 p99 requests/s
for path in /q/health/live /api/health /api/stats "/api/history?range=1h"; do
  wrk -t1 -c4 -d2s "$SIDECAR_URL$path" >/dev/null   # warm-up
  out="$(wrk -t1 -c4 -d"${SECONDS_EACH}s" --latency "$SIDECAR_URL$path")"
  p50=$(awk '$1=="50%" {print $2}' <<<"$out"); p90=$(awk '$1=="90%" {print $2}' <<<"$out"); p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  printf '%-16s %10s %10s %10s %12s\n' "${path%%\?*}" "$p50" "$p90" "$p99" "$rps"
done
