package io.statussidecar.health;

import java.time.Duration;

/**
 * The numbers the rules compare with, from configuration. {@code collectorStuckAfter} is three poll
 * intervals plus the time three Logstash calls may legitimately take, so a slow but working Logstash
 * never makes the sidecar look stuck.
 */
public record Thresholds(Duration pollInterval, Duration unreachableGrace, Duration stallPeriod,
        Duration noEventsPeriod, int heapPercent, int workerUtilizationPercent, Duration collectorStuckAfter) {

    /** How long a "grew" condition (DLQ drops) stays a reason after it was last seen. */
    public Duration recentWindow() {
        Duration fiveMinutes = Duration.ofMinutes(5);
        Duration threePolls = pollInterval.multipliedBy(3);
        return threePolls.compareTo(fiveMinutes) > 0 ? threePolls : fiveMinutes;
    }
}
