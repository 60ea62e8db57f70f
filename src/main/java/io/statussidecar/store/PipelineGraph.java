package io.statussidecar.store;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One pipeline's configuration graph as Logstash runs it (SPEC §8 pipeline view), read from
 * {@code /_node/pipelines?graph=true} when its hash changes: plugin, {@code if} and queue vertices and
 * the edges between them. A graph larger than {@link #MAX_VERTICES} or {@link #MAX_EDGES} is kept
 * without its vertices and edges, marked {@code tooLarge}, so a hostile answer cannot fill the heap.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineGraph(String pipeline, String hash, List<Vertex> vertices, List<Edge> edges, Boolean tooLarge) {

    public static final int MAX_VERTICES = 2000;
    public static final int MAX_EDGES = 4000;
    /** Longer condition texts, ids or file names are cut: a box shows a line, the details a paragraph. */
    public static final int MAX_TEXT = 1000;

    public static final String PLUGIN = "plugin";
    public static final String IF = "if";
    public static final String QUEUE = "queue";

    /**
     * {@code kind}: plugin, if or queue; for a plugin its {@code pluginType} (input, filter, output,
     * codec), {@code configName} (grok, pipeline…) and whether its id was set in the configuration; for
     * an if its {@code condition}; where the vertex is defined, when Logstash says.
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vertex(String id, String kind, String pluginType, String configName, Boolean explicitId, String condition,
            PluginSource source) {
    }

    /** {@code when}: the branch of an if (true or false), null for a plain edge. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Edge(String from, String to, Boolean when) {
    }
}
