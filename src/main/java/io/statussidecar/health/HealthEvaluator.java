package io.statussidecar.health;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.statussidecar.config.HealthConfig;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.config.LogstashTarget;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.State;

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
        return verdict(store.state());
    }

    /** The verdict on a state the caller already holds, so that what it shows and the verdict agree. */
    public Verdict verdict(State state) {
        return HealthRules.evaluate(HealthInputs.of(store.clock().instant(), target.displayUrl(), state, thresholds,
                logTypes.profile()));
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public MetricsStore store() {
        return store;
    }
}
