#!/usr/bin/env bash
# The delivery windows of output_failing/output_dropping (SPEC §14) at their worst: a Logstash with
# many pipelines, each with two elasticsearch outputs whose counters hold non-2xx answers, polled every
# second for longer than the 5-minute window, against the packaged jar with the shipped JVM options.
# Prints how many samples the windows hold, their bytes (a class histogram after a full GC), the heap
# after that GC and the RSS. Usage: bench/output-windows.sh [pipelines, default 100] [seconds, default 330]
source "$(dirname "$0")/lib.sh"
PIPELINES="${1:-100}"
SECONDS_TO_RUN="${2:-330}"
build_if_needed
DIR="$(mktemp -d)"
python3 - "$ROOT/src/test/resources/fixtures/logstash/beats/8.4.0/node_stats.840.json" "$PIPELINES" "$DIR/stats.json" <<'PY'
import copy, json, sys
base = json.load(open(sys.argv[1])); pipe = next(iter(base["pipelines"].values()))
pipelines = {}
for i in range(int(sys.argv[2])):
    p = copy.deepcopy(pipe)
    p["plugins"]["outputs"] = [{"id": "es-%d-%d" % (i, o), "name": "elasticsearch",
        "events": {"in": 1000, "out": 1000, "duration_in_millis": 900},
        "bulk_requests": {"successes": 90, "with_errors": 4, "failures": 6, "responses": {"200": 94, "429": 5, "503": 1}},
        "documents": {"successes": 11000, "retryable_failures": 40, "non_retryable_failures": 2, "dlq_routed": 1}} for o in range(2)]
    pipelines["p%d" % i] = p
base["pipelines"] = pipelines
open(sys.argv[3], "w").write(json.dumps(base))
PY
printf '{"id":"x","version":"8.4.0"}' > "$DIR/node.json"
serve_logstash "$DIR/stats.json" "$DIR/node.json"
POLL=1s start_sidecar @src/main/docker/jvm.options
await_first_poll || true # the lines below say why
echo "pipelines:              $PIPELINES, 2 elasticsearch outputs each ($(( $(stat -c %s "$DIR/stats.json") / 1024 )) KiB of /_node/stats), polled every 1 s"
echo "RSS after the first poll: $(rss_mb "$SIDECAR_PID") MB"
sleep "$SECONDS_TO_RUN"
JCMD="$(dirname "$(readlink -f "$(command -v "${JAVA:-java}")")")/jcmd"
"$JCMD" "$SIDECAR_PID" GC.run >/dev/null
echo "after ${SECONDS_TO_RUN} s:"
"$JCMD" "$SIDECAR_PID" GC.class_histogram | awk '/Trends\$OutputSample$/ {printf "  OutputSample:         %d samples, %.1f KB (records alone)\n", $2, $3/1024}'
"$JCMD" "$SIDECAR_PID" GC.heap_info | awk '/ total .* used / {for (i = 1; i <= NF; i++) if ($i == "used") { sub("K,?", "", $(i+1)); kb += $(i+1) }}
  END {printf "  heap after full GC:   %.1f MB used\n", kb / 1024}'
echo "  RSS:                  $(rss_mb "$SIDECAR_PID") MB"
curl -s "$SIDECAR_URL/api/health" | python3 -c 'import json,sys; r=json.load(sys.stdin)["reasons"]; print("  reasons:             ", sorted({x["code"] for x in r}) or "none")'
kill -0 "$SIDECAR_PID" 2>/dev/null && echo "  alive:                yes" || echo "  alive:                NO"
