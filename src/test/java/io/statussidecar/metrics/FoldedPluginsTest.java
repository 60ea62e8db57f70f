package io.statussidecar.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Exposition;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §9's bound on cardinality, {@code SIDECAR_METRICS_MAX_PLUGINS=5}: the first five plugins of
 * the pipeline keep their series, the others are summed per plugin type under {@code _other}, and
 * the sums are the folded plugins' counters.
 */
@QuarkusTest
@TestProfile(FoldedPluginsTest.FivePlugins.class)
@WithTestResource(SimulatorResource.class)
class FoldedPluginsTest {

    public static class FivePlugins implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sidecar.metrics-max-plugins", "5");
        }
    }

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @Test
    void foldsAllButTheFirstFive() {
        polls.freshStart();
        polls.poll(3);
        Exposition m = MetricsTest.scrape();
        Map<String, long[]> counters = simulator.pluginCounters();
        // The simulator's plugins in the pipeline's order: input, filters, outputs.
        List<String> order = new ArrayList<>(counters.keySet());
        List<Exposition.Sample> out = m.named("logstash_pipeline_plugin_events_out_total");

        List<String> own = out.stream().map(s -> s.label("plugin_id")).filter(id -> !id.equals("_other")).toList();
        assertEquals(5, own.size(), own.toString());
        assertEquals(order.size() - 5, m.value("logstash_sidecar_plugins_folded", "pipeline", "main"));

        long filters = 0;
        long outputs = 0;
        for (String id : order.subList(5, order.size())) {
            if (id.startsWith("splunk-")) {
                outputs += counters.get(id)[1];
            } else {
                filters += counters.get(id)[1];
            }
        }
        assertEquals(filters, m.value("logstash_pipeline_plugin_events_out_total", "plugin_id", "_other", "plugin_type", "filter"));
        assertEquals(outputs, m.value("logstash_pipeline_plugin_events_out_total", "plugin_id", "_other", "plugin_type", "output"));
        assertEquals(7, out.size(), "5 plugins, _other for filters and for outputs: " + out);
    }
}
