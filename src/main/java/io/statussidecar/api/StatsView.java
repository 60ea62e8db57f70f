package io.statussidecar.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.statussidecar.logtypes.LogProfile;
import io.statussidecar.logtypes.LogTypeStats;
import io.statussidecar.notify.Notifier;
import io.statussidecar.store.Flow;
import io.statussidecar.store.Snapshot;

/**
 * The body of {@code GET /api/stats} (SPEC §3). {@code flow} is absent before Logstash 8.5;
 * {@code notifications} while they are off.
 */
@RegisterForReflection
public record StatsView(
        Instant collectedAt,
        boolean stale,
        String lastError,
        Snapshot.Node node,
        Snapshot.Jvm jvm,
        Snapshot.Proc process,
        Snapshot.Events events,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Flow> flow,
        List<Snapshot.Pipeline> pipelines,
        List<LogTypeStats> logTypes,
        LogProfile logProfile,
        Map<String, Object> config,
        @JsonInclude(JsonInclude.Include.NON_NULL) Notifier.Summary notifications) {
}
