package io.statussidecar.logstash;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code GET /_node/pipelines?graph=true} (7.x+): each pipeline's configuration graph as Logstash's
 * LIR serializer writes it (lir_serializer.rb): plugin, {@code if} and queue vertices, plugins with their
 * config name, type and {@code meta.source} (file, line, column of the definition; the text itself is
 * left out by Logstash), and the edges between them (separators already removed by Logstash).
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record PipelineGraphs(Map<String, Pipeline> pipelines) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Pipeline(String hash, Lir graph) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Lir(Graph graph, String hash) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Graph(List<Vertex> vertices, List<Edge> edges) {
    }

    /** {@code condition}: an {@code if} vertex's expression as Logstash prints it ({@code humanReadableExpression}). */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Vertex(String id, String type, String configName, String pluginType, Boolean explicitId, Meta meta,
            JsonNode condition) {
    }

    /** {@code when}: true or false on the edges leaving an {@code if} vertex ({@code type} boolean), absent on plain ones. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edge(String from, String to, String type, JsonNode when) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Meta(Source source) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Source(String protocol, String id, Integer line, Integer column) {
    }
}
