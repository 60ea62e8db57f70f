#!/usr/bin/env bash
# A Logstash with very many pipelines (a valid /_node/stats of several MiB), against the packaged jar
# with the shipped JVM options: is it polled, how long do /api/health, /api/stats and a support bundle
# take, and what RSS does it need. Usage: bench/many-pipelines.sh [pipelines, default 4285 (6 MiB)]
source "$(dirname "$0")/lib.sh"
PIPELINES="${1:-4285}"
build_if_needed
DIR="$(mktemp -d)"
python3 - "$ROOT/src/test/resources/fixtures/logstash/beats/8.4.0/node_stats.840.json" "$PIPELINES" "$DIR/stats.json" <<'PY'
import json, sys
base = json.load(open(sys.argv[1])); pipe = next(iter(base["pipelines"].values()))
base["pipelines"] = {"p%d" % i: pipe for i in range(int(sys.argv[2]))}
open(sys.argv[3], "w").write(json.dumps(base))
PY
printf '{"id":"x","version":"8.4.0"}' > "$DIR/node.json"
serve_logstash "$DIR/stats.json" "$DIR/node.json"
POLL=2s start_sidecar @src/main/docker/jvm.options
await_first_poll || true # the lines below say why
echo "pipelines:              $PIPELINES ($(( $(stat -c %s "$DIR/stats.json") / 1024 )) KiB of /_node/stats)"
echo "last error:             $(curl -s "$SIDECAR_URL/api/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("lastError") or "none")' 2>/dev/null || echo "no stats")"
sleep 5
for path in /api/health /api/stats /api/support-bundle; do
  times="$(for _ in 1 2 3; do curl -s -o /dev/null -m 120 -w '%{http_code}:%{time_total}s ' "$SIDECAR_URL$path"; done)"
  printf '%-23s %s\n' "$path" "$times"
done
kill -0 "$SIDECAR_PID" 2>/dev/null && echo "alive:                  yes" || echo "alive:                  NO"
echo "peak RSS:               $(awk '/VmHWM/ {printf "%.1f", $2/1024}' "/proc/$SIDECAR_PID/status") MB"
