#!/usr/bin/env bash
# The status sidecar beside a Logstash that runs in Docker on a Linux host (official image 8.8+).
# Logstash is started again once, with three things the sidecar needs: LOG_STYLE=file (the image
# logs to the console only without it), its log directory on a named volume, and its API published
# on the host's loopback only. The sidecar uses the host's network (Linux Docker has no
# host.docker.internal) and reads the log volume read-only.
set -euo pipefail
SIDECAR_IMAGE="${SIDECAR_IMAGE:-registry.example.com/status-sidecar:0.1.0}"
LOGSTASH_IMAGE="${LOGSTASH_IMAGE:-docker.elastic.co/logstash/logstash:9.5.2}"
PIPELINE_DIR="${PIPELINE_DIR:-/etc/logstash/pipeline}"

docker rm -f logstash >/dev/null 2>&1 || true
# Add the ports and settings your Logstash had (docker inspect logstash, before removing it).
docker run -d --restart=always --name logstash \
  -e LOG_STYLE=file \
  -v logstash-logs:/usr/share/logstash/logs \
  -v "$PIPELINE_DIR":/usr/share/logstash/pipeline:ro \
  -p 127.0.0.1:9600:9600 \
  -p 5000:5000/tcp -p 5000:5000/udp \
  "$LOGSTASH_IMAGE"

docker rm -f status-sidecar >/dev/null 2>&1 || true
docker run -d --restart=always --name status-sidecar \
  --network host --read-only --tmpfs /tmp \
  -e LOGSTASH_API_URL=http://127.0.0.1:9600 \
  -e LOGSTASH_LOG_PATH=/usr/share/logstash/logs/logstash-plain.log \
  -e PORT=3000 \
  -v logstash-logs:/usr/share/logstash/logs:ro \
  "$SIDECAR_IMAGE"

# A named volume takes the owner of the image directory it is mounted on (uid 1000, mode 0755) and
# Logstash writes its log 0644: the sidecar's uid 1001 reads it without more.
until curl -sf -o /dev/null http://127.0.0.1:3000/q/health/started; do sleep 1; done
curl -s http://127.0.0.1:3000/api/health; echo
