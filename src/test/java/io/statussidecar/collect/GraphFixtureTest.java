package io.statussidecar.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.statussidecar.logstash.PipelineGraphs;
import io.statussidecar.store.PluginSource;
import io.statussidecar.support.Fixtures;

/** The captured 8.5.0 {@code /_node/pipelines?graph=true} read as the client reads it. */
class GraphFixtureTest {

    @Test
    void hashNamedPluginsGetTheirFileAndLine() throws IOException {
        PipelineGraphs graphs = new ObjectMapper().readValue(
                Fixtures.DIR.resolve("integrations/8.5.0/node_pipelines_graph.json").toFile(), PipelineGraphs.class);
        Map<String, PluginSource> plugins = Sources.of(Sources.graphs(graphs)).get("pipeline-with-persisted-queue");
        String conf = "/usr/share/logstash/pipeline/persisted-queue.conf";
        assertEquals(Map.of(
                "dfc132c40b9f5dbc970604f191cf87ee04b102b6f4be5a235436973dc7ea6368", new PluginSource(conf, 2, 3, "java_generator"),
                "e24d45cc4f3bb9981356480856120ed5f68127abbc3af7f47e7bca32460e5019", new PluginSource(conf, 8, 3, "sleep"),
                "9ba6577aa5c41a5ebcaae010b9a0ef44015ae68c624596ed924417d1701abc21", new PluginSource(conf, 15, 3, "elasticsearch")),
                plugins, "three plugins; the queue vertex is none");
    }

    /**
     * A hostile or broken graph answer: vertices without ids or of unknown types, duplicates, edges to
     * nowhere or to themselves, a non-boolean {@code when} and a huge condition are left out or cut;
     * a graph over the vertex limit is kept as too large, without its vertices.
     */
    @Test
    void aBrokenGraphIsReadLeniently() throws IOException {
        String big = "x".repeat(5000);
        PipelineGraphs graphs = new ObjectMapper().readValue("""
                {"pipelines": {"p": {"hash": "h", "graph": {"graph": {
                  "vertices": [{"id": "a", "type": "plugin", "plugin_type": "input", "config_name": "tcp"},
                               {"type": "plugin"}, {"id": "s", "type": "separator"}, {"id": "a", "type": "queue"},
                               {"id": "c", "type": "if", "condition": "%s"}, {"id": "d", "type": "if", "condition": {"x": 1}}],
                  "edges": [{"from": "a", "to": "c", "type": "plain"}, {"from": "c", "to": "nowhere"},
                            {"from": "c", "to": "c"}, {"from": "c", "to": "d", "type": "boolean", "when": "yes"},
                            {"from": "d", "to": "a", "type": "boolean", "when": false}]}}}}}
                """.formatted(big), PipelineGraphs.class);
        io.statussidecar.store.PipelineGraph g = Sources.graphs(graphs).get("p");
        assertEquals(java.util.List.of("a", "c", "d"), g.vertices().stream().map(io.statussidecar.store.PipelineGraph.Vertex::id).toList());
        assertEquals(1001, g.vertices().get(1).condition().length(), "cut at 1000 characters and an ellipsis");
        assertEquals(null, g.vertices().get(2).condition());
        assertEquals(java.util.List.of(new io.statussidecar.store.PipelineGraph.Edge("a", "c", null),
                new io.statussidecar.store.PipelineGraph.Edge("c", "d", null), new io.statussidecar.store.PipelineGraph.Edge("d", "a", false)),
                g.edges(), "the cycle d -> a stays for the page to leave out; edges to nowhere and loops are gone");

        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= io.statussidecar.store.PipelineGraph.MAX_VERTICES; i++) {
            many.append(i == 0 ? "" : ",").append("{\"id\": \"v").append(i).append("\", \"type\": \"queue\"}");
        }
        PipelineGraphs huge = new ObjectMapper().readValue("{\"pipelines\": {\"p\": {\"graph\": {\"hash\": \"h\", \"graph\": {\"vertices\": ["
                + many + "]}}}}}", PipelineGraphs.class);
        io.statussidecar.store.PipelineGraph tooLarge = Sources.graphs(huge).get("p");
        assertEquals(Boolean.TRUE, tooLarge.tooLarge());
        assertEquals(0, tooLarge.vertices().size());
        assertEquals("h", tooLarge.hash());
    }
}
