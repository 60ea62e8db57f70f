package io.statussidecar.store;

import java.time.Instant;
import java.util.Map;

/**
 * When things last changed, as seen across polls: facts without thresholds, which the health rules
 * compare with the configured periods. {@code null} means "not seen since the sidecar started".
 */
public record Trends(Instant firstPollAt, Instant eventsInAdvancedAt, Map<String, Pipeline> pipelines, java.util.List<GcSample> gc,
        java.util.List<CpuSample> cpu) {

    public static final Trends NONE = new Trends(null, null, Map.of());

    /** How far back the node's samples reach: the rules' windows over Logstash's counters (SPEC §14). */
    public static final java.time.Duration NODE_WINDOW = java.time.Duration.ofMinutes(5);

    public Trends(Instant firstPollAt, Instant eventsInAdvancedAt, Map<String, Pipeline> pipelines) {
        this(firstPollAt, eventsInAdvancedAt, pipelines, java.util.List.of(), java.util.List.of());
    }

    /** A moment of a window of samples. */
    public interface Sample {
        Instant at();
    }

    /**
     * Logstash's garbage-collection time at one poll (young and old collectors summed, and the old
     * alone), since its start. The samples of the last {@link #NODE_WINDOW} and the newest one before
     * it, oldest first; a Logstash restart starts them afresh.
     */
    public record GcSample(Instant at, long millis, long oldMillis) implements Sample {
    }

    /** The container's CFS periods at one poll, elapsed and throttled, windowed as {@link GcSample}s are. */
    public record CpuSample(Instant at, long elapsedPeriods, long throttledPeriods) implements Sample {
    }

    /**
     * An output's delivery counters at one poll, windowed as {@link GcSample}s are (a reload or restart
     * that resets them starts the window afresh): bulk requests sent, those answered with some
     * documents failing, those refused with an error status or not answered, the answers per error
     * status, documents handled (indexed, lost or dead-lettered), failed and retried, and lost
     * (rejected for good, or given to a dead-letter path the pipeline does not have).
     */
    public record OutputSample(Instant at, long requests, long withErrors, long failed, Map<String, Long> errorResponses,
            long documents, long retriedDocuments, long lostDocuments) implements Sample {

        /** Requests that did not index all their documents. */
        public long failing() {
            return withErrors + failed;
        }
    }

    /**
     * Per user pipeline: when it was first seen, when events last entered and left it, when its
     * dead-letter queue last dropped events, when a reload last failed and last succeeded, and since
     * when its workers have been fully busy or its queue fully backpressured at every poll (null when
     * the last poll was not); since when a persisted queue has not shrunk, with its size then (null
     * without a persisted queue); and the delivery samples of each output that reports them, by plugin id.
     */
    public record Pipeline(Instant firstSeenAt, Instant inAdvancedAt, Instant outAdvancedAt, Instant dlqDroppedAt,
            Instant reloadFailedAt, Instant reloadSucceededAt, Instant blockedSince, Instant pqGrowingSince,
            Long pqBytesThen, Map<String, java.util.List<OutputSample>> outputs) {
    }
}
