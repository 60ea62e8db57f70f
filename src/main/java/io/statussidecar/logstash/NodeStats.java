package io.statussidecar.logstash;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /_node/stats}, 6.x to 9.x. Every field is boxed and nullable: sections are missing in old
 * versions and {@code null} while Logstash starts (LOGSTASH-API.md, "Startup edge cases"), and that
 * means "absent", never 0. Unknown fields are ignored.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NodeStats(
        String host,
        String version,
        String httpAddress,
        String id,
        String name,
        String ephemeralId,
        String status,
        PipelineSettings pipeline,
        Jvm jvm,
        Process process,
        Events events,
        Map<String, FlowRate> flow,
        Map<String, Pipeline> pipelines,
        Reloads reloads,
        Queue queue,
        Os os) {

    /** {@code os.cgroup} (Logstash in a container; cgroup v2, from 9.4, is reported under v1's names; -1 where unknown). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Os(Cgroup cgroup) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cgroup(CgroupCpu cpu) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CgroupCpu(String controlGroup, Long cfsPeriodMicros, Long cfsQuotaMicros, CpuStat stat) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record CpuStat(Long numberOfElapsedPeriods, Long numberOfTimesThrottled, Long timeThrottledNanos) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PipelineSettings(Integer workers, Integer batchSize, Integer batchDelay) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Jvm(Threads threads, Mem mem, Gc gc, Long uptimeInMillis) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Threads(Long count, Long peakCount) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Mem(
            @JsonDeserialize(using = LenientDouble.class) Double heapUsedPercent,
            Long heapCommittedInBytes,
            Long heapMaxInBytes,
            Long heapUsedInBytes,
            Long nonHeapUsedInBytes,
            Long nonHeapCommittedInBytes) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gc(Map<String, Collector> collectors) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Collector(Long collectionCount, Long collectionTimeInMillis) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Process(Long openFileDescriptors, Long peakOpenFileDescriptors, Long maxFileDescriptors, Cpu cpu) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Cpu(Long totalInMillis, @JsonDeserialize(using = LenientDouble.class) Double percent) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Events(Long in, Long filtered, Long out, Long durationInMillis, Long queuePushDurationInMillis) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pipeline(
            Events events,
            Map<String, FlowRate> flow,
            Plugins plugins,
            Reloads reloads,
            Queue queue,
            DeadLetterQueue deadLetterQueue,
            String hash,
            String ephemeralId,
            PipelineSettings pipeline,
            JsonNode batch) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Plugins(List<Plugin> inputs, List<Plugin> codecs, List<Plugin> filters, List<Plugin> outputs) {
    }

    /**
     * A plugin's stats: the common part, and the plugin's own metrics that the sidecar reads, kept as
     * trees because a plugin may write anything there: the elasticsearch output's (and its forks')
     * {@code bulk_requests} and {@code documents} counters, the pipeline output's {@code send_to} and
     * the pipeline input's {@code address} (Logstash 7.11+).
     */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Plugin(String id, String name, Events events, Map<String, FlowRate> flow, JsonNode bulkRequests,
            JsonNode documents, JsonNode sendTo, JsonNode address) {
    }

    /** {@code last_error} is an object ({@code message}, {@code backtrace}) or null; kept as a tree. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Reloads(Long successes, Long failures, JsonNode lastError, String lastSuccessTimestamp,
            String lastFailureTimestamp) {
    }

    /** {@code events} is the pre-7 name of {@code events_count}. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Queue(String type, Long eventsCount, Long events, Long queueSizeInBytes, Long maxQueueSizeInBytes) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DeadLetterQueue(Long queueSizeInBytes, Long maxQueueSizeInBytes, String storagePolicy,
            Long droppedEvents, JsonNode lastError, Long expiredEvents) {
    }
}
