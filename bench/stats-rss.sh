#!/usr/bin/env bash
# The sidecar's RSS after start and after 10 000 /api/stats requests, against the simulator.
# Usage: bench/stats-rss.sh [--native | JVM options...]
#   bench/stats-rss.sh @src/main/docker/jvm.options    the JVM as the image runs it (bench/jvm-shipped.sh)
#   bench/stats-rss.sh --native                         the native executable, once built
source "$(dirname "$0")/lib.sh"
build_if_needed
start_simulator
start_sidecar "$@"
await_first_poll || { echo "no successful poll of Logstash within 30 s" >&2; exit 1; }
sleep 1
echo "sidecar:                ${*:-(jar, default JVM options)}"
echo "start to first answer:  ${STARTUP_MS} ms"
echo "rss after start:        $(rss_mb "$SIDECAR_PID") MB"
t0=$(date +%s%N)
failed=$(requests 10000 /api/stats)
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "10000 /api/stats:       ${ms} ms, ${failed} non-200"
echo "rss after 10000:        $(rss_mb "$SIDECAR_PID") MB"
