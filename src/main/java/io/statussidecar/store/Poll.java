package io.statussidecar.store;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome of one collector run: a snapshot, its history sample and the updated trends, or the
 * reason it failed. {@code sample} holds one value per {@link Series} then per log type (NaN where
 * unknown). {@code logstashHealth} is the latest {@code /_health_report}, null where Logstash has none;
 * {@code graphs} the pipelines' graphs as last read, by pipeline id.
 */
public record Poll(Instant at, Snapshot snapshot, double[] sample, Trends trends, LogstashHealth logstashHealth,
        Map<String, PipelineGraph> graphs, String error, String errorSummary) {

    public static Poll success(Instant at, Snapshot snapshot, double[] sample, Trends trends,
            LogstashHealth logstashHealth, Map<String, PipelineGraph> graphs) {
        return new Poll(at, snapshot, sample, trends, logstashHealth, graphs, null, null);
    }

    /** {@code error} may quote Logstash's answer (redacted); {@code summary} quotes nothing it sent. */
    public static Poll failure(Instant at, String error, String summary) {
        return new Poll(at, null, null, null, null, null, error, summary);
    }

    public boolean ok() {
        return snapshot != null;
    }
}
