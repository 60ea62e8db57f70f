package io.statussidecar.store;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Which side of a pipeline holds it back (SPEC §13): {@code stage} is {@code input} (workers idle, no
 * backpressure: Logstash waits for data), {@code filter} or {@code output} (workers busy; {@code
 * pluginId} is the plugin with the most worker time per event), {@code queue} (a persisted queue
 * filling), {@code downstream} (a pipeline output waits on the pipeline named by {@code pipeline}) or
 * {@code none} (nothing to judge yet); {@code evidence} says it with the numbers used.
 */
@RegisterForReflection
public record Bottleneck(String stage, String pluginId, String evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String pipeline) {

    public Bottleneck(String stage, String pluginId, String evidence) {
        this(stage, pluginId, evidence, null);
    }

    public static final String INPUT = "input";
    public static final String FILTER = "filter";
    public static final String OUTPUT = "output";
    public static final String QUEUE = "queue";
    public static final String NONE = "none";
    /** The pipeline's own plugins are not the limit: the pipeline it sends to ({@code pipeline}) is. */
    public static final String DOWNSTREAM = "downstream";
}
