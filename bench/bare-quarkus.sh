#!/usr/bin/env bash
# The reference of SPEC §10's memory budget, measured the way bench/startup-aot.sh measures the
# sidecar: a bare Quarkus application of the same Quarkus version and packaging (REST with Jackson, the
# REST client, the scheduler, Qute, SmallRye Health; one resource answering a small JSON map),
# generated under target/bare-quarkus, run with the shipped JVM options on JDK 25, plain and with an
# AOT cache trained on its own requests: start to first answer (median of N), RSS after start and
# after 10 000 requests, threads, classes. Usage: bench/bare-quarkus.sh [launches, default 5]
source "$(dirname "$0")/lib.sh"
RUNS="${1:-5}"
JDK25="${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}"
BARE="$ROOT/target/bare-quarkus"
QUARKUS="$(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p' "$ROOT/pom.xml")"
mkdir -p "$BARE/src/main/java/bare" "$BARE/src/main/resources"
cat >"$BARE/pom.xml" <<POM
<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bare-quarkus</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release></properties>
  <dependencyManagement><dependencies><dependency><groupId>io.quarkus</groupId><artifactId>quarkus-bom</artifactId>
    <version>$QUARKUS</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>
  <dependencies>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-jackson</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest-client-jackson</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-scheduler</artifactId></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-qute</artifactId><exclusions><exclusion>
      <groupId>io.quarkus.qute</groupId><artifactId>qute-debug</artifactId></exclusion></exclusions></dependency>
    <dependency><groupId>io.quarkus</groupId><artifactId>quarkus-smallrye-health</artifactId></dependency>
  </dependencies>
  <build><plugins><plugin><groupId>io.quarkus</groupId><artifactId>quarkus-maven-plugin</artifactId>
    <version>$QUARKUS</version><extensions>true</extensions>
    <executions><execution><goals><goal>build</goal></goals></execution></executions></plugin></plugins></build>
</project>
POM
cat >"$BARE/src/main/java/bare/Stats.java" <<'JAVA'
package bare;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

@Path("/api/stats")
public class Stats {
    @GET
    public Map<String, Object> stats() {
        return Map.of("status", "ok", "n", 42);
    }
}
JAVA
printf 'quarkus.http.port=${PORT:3000}\nquarkus.banner.enabled=false\nquarkus.package.jar.type=aot-jar\n' \
  >"$BARE/src/main/resources/application.properties"
(cd "$ROOT" && ./mvnw -B -q -f "$BARE/pom.xml" package -DskipTests)
JAR="$BARE/target/quarkus-app/quarkus-run.jar"
OPTS="@$ROOT/src/main/docker/jvm.options"
JAVA="$JDK25/bin/java"
requests_to() { # requests_to URL N: N sequential keep-alive GETs of /api/stats and /q/health/live
  local cfg; cfg="$(mktemp)"
  for _ in $(seq 1 "$(($2 / 2))"); do
    printf 'url = "%s/api/stats"\noutput = /dev/null\nurl = "%s/q/health/live"\noutput = /dev/null\n' "$1" "$1"
  done >"$cfg"
  curl -s -K "$cfg" -w '%{http_code}\n' | grep -vc '^200$' || true
}
launch() { # launch [JVM options...]: sets PID, URL, MS
  local port; port="$(free_port)"; URL="http://127.0.0.1:$port"
  local t0; t0=$(date +%s%N)
  PORT="$port" "$JAVA" "$@" -jar "$JAR" >/dev/null 2>&1 &
  PID=$!; PIDS+=($PID)
  until curl -s -o /dev/null "$URL/q/health/live"; do sleep 0.01; done
  MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
CACHE="$BARE/target/app.aot"
launch "-XX:AOTCacheOutput=$CACHE" "$OPTS"
requests_to "$URL" 2000 >/dev/null
kill "$PID"; wait "$PID" 2>/dev/null || true
for variant in plain aot; do
  opts=("$OPTS"); [ "$variant" = aot ] && opts=("-XX:AOTCache=$CACHE" "$OPTS")
  times=()
  for i in $(seq 1 "$RUNS"); do
    launch "${opts[@]}"; times+=("$MS")
    if [ "$i" = "$RUNS" ]; then
      sleep 2; AFTER_START="$(rss_mb "$PID")"
      footprint "bare $variant" "$PID" "$(requests_to "$URL" 10000)"
    fi
    kill "$PID"; wait "$PID" 2>/dev/null || true
  done
  startup_summary "bare $variant" "${times[@]}"
done
