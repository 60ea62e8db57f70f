package io.statussidecar.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the health rules (SPEC §2, §5). */
@ConfigMapping(prefix = "health")
public interface HealthConfig {

    /** HEALTH_UNREACHABLE_GRACE */
    @WithDefault("15s")
    Duration unreachableGrace();

    /** HEALTH_STALL_PERIOD */
    @WithDefault("2m")
    Duration stallPeriod();

    /** HEALTH_NO_EVENTS_PERIOD */
    @WithDefault("15m")
    Duration noEventsPeriod();

    /** HEALTH_HEAP_PERCENT */
    @WithDefault("90")
    int heapPercent();

    /** HEALTH_WORKER_UTILIZATION_PERCENT */
    @WithDefault("95")
    int workerUtilizationPercent();
}
