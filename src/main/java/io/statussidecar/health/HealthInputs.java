package io.statussidecar.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.statussidecar.logtypes.LogProfile;
import io.statussidecar.store.CollectorStatus;
import io.statussidecar.store.LogstashHealth;
import io.statussidecar.store.PluginRestart;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.State;
import io.statussidecar.store.Trends;

/**
 * Everything the health rules look at, from one {@link State} and the configuration at one instant.
 * {@code latest} and {@code report} are null when there is none.
 */
public record HealthInputs(Instant now, String logstashUrl, Snapshot latest, List<Snapshot> recent,
        List<Map<String, Snapshot.Pipeline>> recentPipelines, Trends trends, LogstashHealth report, CollectorStatus status,
        Thresholds thresholds, LogProfile profile, List<PluginRestart> restarts) {

    /** Inputs made by hand (tests): the recent polls' pipelines are indexed here; no plugin restarts. */
    public HealthInputs(Instant now, String logstashUrl, Snapshot latest, List<Snapshot> recent, Trends trends,
            LogstashHealth report, CollectorStatus status, Thresholds thresholds, LogProfile profile) {
        this(now, logstashUrl, latest, recent, recent.stream().map(Snapshot::userPipelinesById).toList(), trends, report,
                status, thresholds, profile, List.of());
    }

    public static HealthInputs of(Instant now, String logstashUrl, State state, Thresholds thresholds, LogProfile profile) {
        return new HealthInputs(now, logstashUrl, state.latest(), state.recent(), state.recentPipelines(), state.trends(),
                state.logstashHealth(), state.collector(), thresholds, profile, state.restarts());
    }
}
