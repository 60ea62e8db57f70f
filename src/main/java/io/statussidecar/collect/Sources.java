package io.statussidecar.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.statussidecar.logstash.PipelineGraphs;
import io.statussidecar.store.PipelineGraph;
import io.statussidecar.store.PluginSource;

/**
 * The pipelines' graphs in the sidecar's own types, and from them each plugin's source (where it is
 * defined). Pure. What Logstash sends is read leniently: a vertex without an id or of an unknown
 * type, an edge to an unknown vertex, a non-boolean {@code when} are left out.
 */
public final class Sources {

    private Sources() {
    }

    public static Map<String, PipelineGraph> graphs(PipelineGraphs graphs) {
        Map<String, PipelineGraph> out = new HashMap<>();
        if (graphs == null || graphs.pipelines() == null) {
            return out;
        }
        graphs.pipelines().forEach((pipeline, p) -> {
            PipelineGraphs.Graph g = p == null || p.graph() == null ? null : p.graph().graph();
            if (g == null || g.vertices() == null) {
                return;
            }
            String hash = p.hash() != null ? p.hash() : p.graph().hash();
            List<PipelineGraphs.Edge> edges = g.edges() == null ? List.of() : g.edges();
            if (g.vertices().size() > PipelineGraph.MAX_VERTICES || edges.size() > PipelineGraph.MAX_EDGES) {
                out.put(pipeline, new PipelineGraph(pipeline, hash, List.of(), List.of(), true));
                return;
            }
            List<PipelineGraph.Vertex> vertices = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            for (PipelineGraphs.Vertex v : g.vertices()) {
                PipelineGraph.Vertex vertex = vertex(v);
                if (vertex != null && ids.add(vertex.id())) {
                    vertices.add(vertex);
                }
            }
            List<PipelineGraph.Edge> kept = new ArrayList<>();
            for (PipelineGraphs.Edge e : edges) {
                if (e != null && ids.contains(e.from()) && ids.contains(e.to()) && !e.from().equals(e.to())) {
                    JsonNode when = e.when();
                    kept.add(new PipelineGraph.Edge(e.from(), e.to(), when != null && when.isBoolean() ? when.booleanValue() : null));
                }
            }
            out.put(pipeline, new PipelineGraph(pipeline, hash, List.copyOf(vertices), List.copyOf(kept), null));
        });
        return out;
    }

    private static PipelineGraph.Vertex vertex(PipelineGraphs.Vertex v) {
        if (v == null || v.id() == null || v.id().isEmpty() || v.id().length() > PipelineGraph.MAX_TEXT) {
            return null;
        }
        String kind = v.type();
        if (!PipelineGraph.PLUGIN.equals(kind) && !PipelineGraph.IF.equals(kind) && !PipelineGraph.QUEUE.equals(kind)) {
            return null; // separators are removed by Logstash; anything else is not drawn
        }
        PipelineGraphs.Source s = v.meta() == null ? null : v.meta().source();
        PluginSource source = s == null ? null
                : new PluginSource(cut(s.id()), s.line(), s.column(), PipelineGraph.PLUGIN.equals(kind) ? cut(v.configName()) : null);
        String condition = v.condition() != null && v.condition().isTextual() ? cut(v.condition().textValue()) : null;
        return new PipelineGraph.Vertex(v.id(), kind, PipelineGraph.PLUGIN.equals(kind) ? cut(v.pluginType()) : null,
                PipelineGraph.PLUGIN.equals(kind) ? cut(v.configName()) : null, v.explicitId(),
                PipelineGraph.IF.equals(kind) ? condition : null, source);
    }

    private static String cut(String text) {
        return text == null || text.length() <= PipelineGraph.MAX_TEXT ? text : text.substring(0, PipelineGraph.MAX_TEXT) + "…";
    }

    /** Each pipeline's plugins, by id, with where they are defined. */
    public static Map<String, Map<String, PluginSource>> of(Map<String, PipelineGraph> graphs) {
        Map<String, Map<String, PluginSource>> out = new HashMap<>();
        graphs.forEach((pipeline, g) -> {
            Map<String, PluginSource> plugins = new HashMap<>();
            for (PipelineGraph.Vertex v : g.vertices()) {
                if (PipelineGraph.PLUGIN.equals(v.kind())) {
                    PluginSource s = v.source();
                    plugins.put(v.id(), s != null ? s : new PluginSource(null, null, null, v.configName()));
                }
            }
            out.put(pipeline, Map.copyOf(plugins));
        });
        return out;
    }
}
