#!/usr/bin/env bash
# SPEC §10 dashboard budget: the page and all it loads under 250 KB, first render of live data under
# 500 ms on loopback. The packaged jar with the shipped JVM options against the simulator, Debian's
# chromium driven by playwright-core (installed under target/, pinned).
# Usage: bench/dashboard.sh [runs]
source "$(dirname "$0")/lib.sh"
RUNS="${1:-20}"
command -v /usr/bin/chromium >/dev/null || { echo "needs Debian's chromium (apt-get install -y chromium)"; exit 1; }
NODE_DIR="$ROOT/target/bench-node"
if [ ! -d "$NODE_DIR/node_modules/playwright-core" ]; then
  npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" playwright-core@1.64.1 >/dev/null
fi
build_if_needed
start_simulator
start_sidecar "@$ROOT/src/main/docker/jvm.options"
# One poll in the store, so the page has live data to draw.
until curl -sf -o /dev/null "$SIDECAR_URL/api/stats"; do sleep 0.1; done
# A sidecar an operator opens has been answering probes and scrapes for a while: its JIT has compiled
# what the page asks for. 100 of each of the page's requests first, so the loads measure the page and
# the sidecar as it runs, not the first seconds of a JVM (which bench/startup-aot.sh measures).
for _ in $(seq 1 100); do
  for p in / /api/health /api/stats "/api/history?range=1h" /api/pipelines/graph /assets/dashboard.js /assets/pipeline-view.js /assets/dashboard.css \
      /webjars/uplot/dist/uPlot.iife.min.js /webjars/uplot/dist/uPlot.min.css; do
    printf 'url = "%s%s"\noutput = /dev/null\n' "${SIDECAR_URL%/}" "$p"
  done
done | curl -s -K - >/dev/null
cp "$ROOT/bench/dashboard.mjs" "$NODE_DIR/dashboard.mjs"
node "$NODE_DIR/dashboard.mjs" "$SIDECAR_URL/" "$RUNS"
