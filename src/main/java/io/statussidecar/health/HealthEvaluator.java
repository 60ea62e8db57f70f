package io.statussidecar.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.statussidecar.config.HealthConfig;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.logstash.LogstashTarget;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.Snapshot;

/** Reads the store and configuration at one instant and applies {@link HealthRules}. Never calls Logstash. */
@ApplicationScoped
public class HealthEvaluator {

    private final MetricsStore store;
    private final LogTypes logTypes;
    private final LogstashTarget target;
    private final Thresholds thresholds;

    @Inject
    HealthEvaluator(MetricsStore store, LogTypes logTypes, LogstashTarget target, HealthConfig health,
            LogstashConfig logstash) {
        this.store = store;
        this.logTypes = logTypes;
        this.target = target;
        Duration oneCall = logstash.connectTimeout().plus(logstash.readTimeout());
        // A poll makes up to three calls (stats, node, health report), each allowed its timeouts.
        this.thresholds = new Thresholds(store.pollInterval(), health.unreachableGrace(), health.stallPeriod(),
                health.noEventsPeriod(), health.heapPercent(), health.workerUtilizationPercent(),
                store.pollInterval().multipliedBy(3).plus(oneCall.multipliedBy(3)));
    }

    public Verdict verdict() {
        Snapshot latest = store.latest().orElse(null);
        return HealthRules.evaluate(new HealthInputs(store.clock().instant(), target.displayUrl(), latest, store.recent(),
                store.trends(), store.healthReport().orElse(null), store.status(), thresholds, logTypes.profile()));
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public MetricsStore store() {
        return store;
    }
}
