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
        Map<String, PluginSource> plugins = Sources.of(graphs).get("pipeline-with-persisted-queue");
        String conf = "/usr/share/logstash/pipeline/persisted-queue.conf";
        assertEquals(Map.of(
                "dfc132c40b9f5dbc970604f191cf87ee04b102b6f4be5a235436973dc7ea6368", new PluginSource(conf, 2, 3, "java_generator"),
                "e24d45cc4f3bb9981356480856120ed5f68127abbc3af7f47e7bca32460e5019", new PluginSource(conf, 8, 3, "sleep"),
                "9ba6577aa5c41a5ebcaae010b9a0ef44015ae68c624596ed924417d1701abc21", new PluginSource(conf, 15, 3, "elasticsearch")),
                plugins, "three plugins; the queue vertex is none");
    }
}
