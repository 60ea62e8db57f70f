package io.statussidecar.health;

import java.time.Instant;
import java.util.List;

import io.statussidecar.logstash.HealthReport;
import io.statussidecar.logtypes.LogProfile;
import io.statussidecar.store.CollectorStatus;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.Trends;

/**
 * Everything the health rules look at, read from the store and configuration at one instant.
 * {@code latest} and {@code report} are null when there is none.
 */
public record HealthInputs(Instant now, String logstashUrl, Snapshot latest, List<Snapshot> recent, Trends trends,
        HealthReport report, CollectorStatus status, Thresholds thresholds, LogProfile profile) {
}
