package io.statussidecar.api;

import io.statussidecar.http.ApiException;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.smallrye.common.annotation.NonBlocking;
import io.statussidecar.config.EffectiveSettings;
import io.statussidecar.health.HealthEvaluator;
import io.statussidecar.config.LogstashTarget;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.notify.Notifier;
import io.statussidecar.store.CollectorStatus;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.State;

/** The last poll, answered from the store (on the I/O thread: it only reads memory). */
@Path("/api/stats")
public class StatsResource {

    private final MetricsStore store;
    private final EffectiveSettings settings;
    private final LogstashTarget target;
    private final HealthEvaluator health;
    private final LogTypes logTypes;
    private final Notifier notifier;

    @Inject
    StatsResource(MetricsStore store, EffectiveSettings settings, LogstashTarget target, HealthEvaluator health,
            LogTypes logTypes, Notifier notifier) {
        this.notifier = notifier;
        this.store = store;
        this.settings = settings;
        this.target = target;
        this.health = health;
        this.logTypes = logTypes;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public StatsView stats() {
        State state = store.state();
        CollectorStatus status = state.collector();
        Snapshot s = Optional.ofNullable(state.latest()).orElseThrow(() -> new ApiException(503, "no_data",
                "No successful poll of Logstash at " + target.displayUrl() + " yet"
                        + (status.lastError() == null ? "; the first poll has not finished" : ": " + status.lastError())));
        return new StatsView(s.collectedAt(),
                status.stale(store.clock().instant(), health.thresholds().collectorStuckAfter()), status.lastError(),
                s.node(), s.jvm(), s.process(), s.events(), s.flow(), s.pipelines(), s.logTypes(), logTypes.profile(),
                settings.describe(), notifier.summary().orElse(null));
    }
}
