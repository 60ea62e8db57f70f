package io.statussidecar.health;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The body of {@code GET /api/health}. */
@RegisterForReflection
public record Verdict(Status status, List<Reason> reasons, Instant checkedAt, Logstash logstash) {

    @RegisterForReflection
    public record Logstash(boolean reachable, String version, Long uptimeMillis) {
    }
}
