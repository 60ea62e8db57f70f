package io.statussidecar.store;

import java.time.Instant;

import io.statussidecar.logstash.HealthReport;

/**
 * The outcome of one collector run: a snapshot, its history sample and the updated trends, or the
 * reason it failed. {@code sample} holds one value per {@link Series} then per log type (NaN where
 * unknown). {@code healthReport} is the latest {@code /_health_report}, null where Logstash has none.
 */
public record Poll(Instant at, long tookMillis, Snapshot snapshot, double[] sample, Trends trends,
        HealthReport healthReport, String error) {

    public static Poll success(Instant at, long tookMillis, Snapshot snapshot, double[] sample, Trends trends,
            HealthReport healthReport) {
        return new Poll(at, tookMillis, snapshot, sample, trends, healthReport, null);
    }

    public static Poll failure(Instant at, long tookMillis, String error) {
        return new Poll(at, tookMillis, null, null, null, null, error);
    }

    public boolean ok() {
        return snapshot != null;
    }
}
