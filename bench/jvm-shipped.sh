#!/usr/bin/env bash
# The JVM build with the shipped options (src/main/docker/jvm.options, as Dockerfile.jvm runs it):
# start-up time, and RSS after start and after 10 000 /api/stats requests (SPEC §10: under 128 MB).
cd "$(dirname "$0")/.." && exec bench/stats-rss.sh @src/main/docker/jvm.options
