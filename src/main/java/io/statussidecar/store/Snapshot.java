package io.statussidecar.store;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.statussidecar.logtypes.LogTypeStats;

/**
 * One successful poll, in the sidecar's own camelCase vocabulary (SPEC §3). Immutable, published
 * behind one volatile reference, so readers never see half a poll. {@code null} means Logstash did
 * not report the value (older version, or starting up), never 0.
 */
@RegisterForReflection
public record Snapshot(
        Instant collectedAt,
        Node node,
        Jvm jvm,
        Proc process,
        Events events,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Flow> flow,
        List<Pipeline> pipelines,
        List<LogTypeStats> logTypes,
        @JsonInclude(JsonInclude.Include.NON_NULL) Cgroup cgroup) {

    /** A poll of a Logstash that reports no cgroup (outside a container, or before it reported one). */
    public Snapshot(Instant collectedAt, Node node, Jvm jvm, Proc process, Events events, Map<String, Flow> flow,
            List<Pipeline> pipelines, List<LogTypeStats> logTypes) {
        this(collectedAt, node, jvm, process, events, flow, pipelines, logTypes, null);
    }

    /**
     * Logstash's container CPU limit and throttling ({@code os.cgroup.cpu}): the CFS period and quota
     * (null when unlimited or not reported), and the counters of elapsed and throttled periods and of
     * time throttled, since the container started.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cgroup(Long periodMicros, Long quotaMicros, Long elapsedPeriods, Long throttledPeriods, Long throttledNanos) {

        /** SPEC §14: throttled in at least this share of its CFS periods, the container's CPU limit holds Logstash back. */
        public static final double THROTTLED = 0.25;

        /** The share of periods throttled between two counts; NaN when they cannot be compared (a reset, no periods). */
        public static double throttledShare(long periods, long throttled) {
            return periods <= 0 || throttled < 0 ? Double.NaN : throttled / (double) periods;
        }

        /** The CPU limit in cores, or null when there is none. */
        public Double limitCores() {
            return periodMicros == null || periodMicros <= 0 || quotaMicros == null ? null : quotaMicros / (double) periodMicros;
        }
    }

    /** The same poll with each pipeline's bottleneck, by pipeline id (pipelines not in the map keep theirs). */
    public Snapshot withBottlenecks(Map<String, Bottleneck> bottlenecks) {
        List<Pipeline> withThem = pipelines.stream()
                .map(p -> bottlenecks.containsKey(p.id()) ? p.withBottleneck(bottlenecks.get(p.id())) : p).toList();
        return new Snapshot(collectedAt, node, jvm, process, events, flow, withThem, logTypes, cgroup);
    }

    /** The same poll with each plugin's source, by pipeline and plugin id, where one is known. */
    public Snapshot withSources(Map<String, Map<String, PluginSource>> sources) {
        if (sources.isEmpty()) {
            return this;
        }
        List<Pipeline> withThem = pipelines.stream().map(p -> {
            Map<String, PluginSource> known = sources.get(p.id());
            if (known == null || p.plugins() == null) {
                return p;
            }
            List<Plugin> plugins = p.plugins().stream()
                    .map(pl -> known.containsKey(pl.id()) ? pl.withSource(known.get(pl.id())) : pl).toList();
            return new Pipeline(p.id(), p.system(), p.workers(), p.batchSize(), p.events(), p.flow(), p.queue(),
                    p.deadLetterQueue(), p.reloads(), plugins, p.bottleneck(), p.batch());
        }).toList();
        return new Snapshot(collectedAt, node, jvm, process, events, flow, withThem, logTypes, cgroup);
    }

    /** The pipelines the user configured: Logstash's own (ids starting with '.') left out. */
    public List<Pipeline> userPipelines() {
        return pipelines.stream().filter(p -> !p.system()).toList();
    }

    /** The same, by id, for rules that compare a pipeline across polls. */
    public Map<String, Pipeline> userPipelinesById() {
        Map<String, Pipeline> byId = new HashMap<>(pipelines.size() * 2);
        for (Pipeline p : pipelines) {
            if (!p.system()) {
                byId.put(p.id(), p);
            }
        }
        return byId;
    }

    @RegisterForReflection
    public record Node(String id, String name, String host, String version, String status, String ephemeralId,
            Long uptimeMillis, String httpAddress) {
    }

    @RegisterForReflection
    public record Jvm(Long heapUsedBytes, Long heapMaxBytes, Double heapUsedPercent, Long threads, Gc gc) {
    }

    @RegisterForReflection
    public record Gc(Long youngCount, Long youngMillis, Long oldCount, Long oldMillis) {
    }

    @RegisterForReflection
    public record Proc(Double cpuPercent, Long openFileDescriptors, Long maxFileDescriptors) {
    }

    @RegisterForReflection
    public record Events(Long in, Long filtered, Long out, Long durationMillis, Long queuePushDurationMillis) {
    }

    /** {@code system} marks Logstash's own pipelines (ids starting with '.'), which health rules skip. */
    @RegisterForReflection
    public record Pipeline(
            String id,
            boolean system,
            Integer workers,
            Integer batchSize,
            Events events,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Flow> flow,
            Queue queue,
            DeadLetterQueue deadLetterQueue,
            Reloads reloads,
            List<Plugin> plugins,
            Bottleneck bottleneck,
            @JsonInclude(JsonInclude.Include.NON_NULL) Batch batch) {

        public Pipeline withBottleneck(Bottleneck b) {
            return new Pipeline(id, system, workers, batchSize, events, flow, queue, deadLetterQueue, reloads, plugins, b, batch);
        }
    }

    @RegisterForReflection
    public record Queue(String type, Long events, Long sizeBytes, Long maxSizeBytes) {
    }

    /**
     * The batches the pipeline's workers take from its queue (Logstash 9.2+; percentiles 9.3+): how many
     * events and how many bytes. Absent before 9.2, and each figure absent that Logstash did not report.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Batch(BatchFigure events, BatchFigure bytes) {
    }

    /** {@code current}: the batch in hand now; the others per window. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BatchFigure(Double current, Windows average, Windows p50, Windows p90, Windows max) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Windows(Double lifetime, Double last1Minute, Double last5Minutes, Double last15Minutes) {
    }

    /** Present only when Logstash has the dead-letter queue enabled. */
    @RegisterForReflection
    public record DeadLetterQueue(Long sizeBytes, Long maxSizeBytes, Long droppedEvents, Long expiredEvents,
            String storagePolicy, String lastError) {
    }

    @RegisterForReflection
    public record Reloads(Long successes, Long failures, String lastError, String lastSuccessAt, String lastFailureAt) {
    }

    /**
     * {@code sendTo}: the addresses a pipeline output sends to; {@code address}: the one a pipeline
     * input listens on (Logstash 7.11+). {@code bulkRequests} and {@code documents}: an output's own
     * delivery counters, where it reports them (the elasticsearch output).
     */
    @RegisterForReflection
    public record Plugin(String id, String name, String type, String logType, PluginEvents events,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Flow> flow,
            @JsonInclude(JsonInclude.Include.NON_NULL) PluginSource source,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> sendTo,
            @JsonInclude(JsonInclude.Include.NON_NULL) String address,
            @JsonInclude(JsonInclude.Include.NON_NULL) BulkRequests bulkRequests,
            @JsonInclude(JsonInclude.Include.NON_NULL) Documents documents) {

        /** A plugin that reports nothing of its own beyond events and flows. */
        public Plugin(String id, String name, String type, String logType, PluginEvents events, Map<String, Flow> flow,
                PluginSource source) {
            this(id, name, type, logType, events, flow, source, List.of(), null, null, null);
        }

        Plugin withSource(PluginSource s) {
            return new Plugin(id, name, type, logType, events, flow, s, sendTo, address, bulkRequests, documents);
        }
    }

    /**
     * The elasticsearch output's bulk requests since it started: answered without errors, answered with
     * some documents failing, not answered or answered with an error status (429, 5xx: retried); and
     * how many answers each HTTP status had.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BulkRequests(Long successes, Long withErrors, Long failures,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> responses) {
    }

    /**
     * The elasticsearch output's documents since it started: indexed, failed and retried (each attempt
     * counts), rejected for good (409 conflicts, {@code drop_error_types}), and given to the dead-letter
     * path (400/404: written to the DLQ when the pipeline has one, otherwise only logged).
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Documents(Long successes, Long retryableFailures, Long nonRetryableFailures, Long dlqRouted) {
    }

    @RegisterForReflection
    public record PluginEvents(Long in, Long out, Long durationMillis) {
    }
}
