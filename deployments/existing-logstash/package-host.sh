#!/usr/bin/env bash
# The status sidecar beside Logstash installed from Elastic's Debian or RPM package (systemd unit
# `logstash`, log in /var/log/logstash, API on 127.0.0.1:9600 by default), run as a container.
# The log directory belongs to the user `logstash`; whether others may read it depends on the
# package's version and on local hardening. An ACL gives the sidecar's uid (1001 in its image) read
# access to the directory and, as a default ACL, to every file Logstash creates there later
# (log4j2 rolls the log over daily and at 100 MB).
set -euo pipefail
SIDECAR_IMAGE="${SIDECAR_IMAGE:-registry.example.com/status-sidecar:0.1.0}"
SIDECAR_UID="${SIDECAR_UID:-1001}"

sudo setfacl -m "u:$SIDECAR_UID:rx" /var/log/logstash
sudo setfacl -d -m "u:$SIDECAR_UID:r" /var/log/logstash
sudo find /var/log/logstash -type f -name '*.log' -exec setfacl -m "u:$SIDECAR_UID:r" {} +

docker rm -f status-sidecar >/dev/null 2>&1 || true
docker run -d --restart=always --name status-sidecar \
  --network host --read-only --tmpfs /tmp \
  -e LOGSTASH_API_URL=http://127.0.0.1:9600 \
  -e LOGSTASH_LOG_PATH=/var/log/logstash/logstash-plain.log \
  -e PORT=3000 \
  -v /var/log/logstash:/var/log/logstash:ro \
  "$SIDECAR_IMAGE"

until curl -sf -o /dev/null http://127.0.0.1:3000/q/health/started; do sleep 1; done
curl -s http://127.0.0.1:3000/api/health; echo
