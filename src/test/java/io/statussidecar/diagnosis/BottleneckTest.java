package io.statussidecar.diagnosis;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Fixtures;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §13's bottleneck per pipeline in {@code /api/stats}, on simulator scenarios, for Logstash 8.15
 * (flow metrics) and 7.17 (none: counter deltas over two polls): input-bound, a slow filter and a slow
 * output named by id, a filling persisted queue.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class BottleneckTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @AfterEach
    void plain() {
        simulator.clearPatches();
        simulator.resumeModel();
    }

    /**
     * A real 7.8.1 answer (Metricbeat's capture) with no /_node beside it: no flow metrics and no worker
     * count, so there is nothing to judge, and the verdict says why rather than guessing.
     */
    @Test
    void aReal7xFixtureWithoutWorkerCount() {
        simulator.replay(Map.of("/_node/stats", Fixtures.file("beats/7.8.1/node_stats.710.json")));
        polls.freshStart();
        polls.poll(3);
        Map<String, Object> b = bottleneck("7.8.1");
        assertEquals("none", b.get("stage"), b.toString());
        assertTrue(b.get("evidence").toString().contains("has not said how many workers"), b.toString());
    }

    void start(boolean legacy) {
        simulator.clearPatches();
        simulator.legacy(legacy);
        polls.freshStart();
        polls.poll(2);
    }

    Map<String, Object> bottleneck(String version) {
        var stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertEquals(version, stats.getString("node.version"));
        if (version.startsWith("7")) {
            assertNull(stats.get("pipelines[0].flow"), "7.x has no flow metrics");
        }
        return stats.getMap("pipelines[0].bottleneck");
    }

    static String version(boolean legacy) {
        return legacy ? "7.17.9" : "8.15.2";
    }

    @ParameterizedTest(name = "legacy={0}")
    @ValueSource(booleans = {false, true})
    void idleWorkersMeanInputBound(boolean legacy) {
        start(legacy);
        Map<String, Object> b = bottleneck(version(legacy));
        assertEquals("input", b.get("stage"), b.toString());
        assertNull(b.get("pluginId"));
        assertTrue(b.get("evidence").toString().startsWith("Waiting for input: workers "), b.toString());
    }

    @ParameterizedTest(name = "legacy={0}")
    @ValueSource(booleans = {false, true})
    void aSlowFilterIsNamed(boolean legacy) {
        start(legacy);
        simulator.slowPlugin("microseg", 200);
        polls.poll(2); // before 8.5, the plugin's duration needs two polls at the new pace
        Map<String, Object> b = bottleneck(version(legacy));
        assertEquals("filter", b.get("stage"), b.toString());
        assertEquals("microseg", b.get("pluginId"));
        String evidence = b.get("evidence").toString();
        assertTrue(evidence.contains("filter 'microseg' (grok) takes 200 ms of worker time per event"), evidence);
        assertTrue(evidence.contains("the next slowest"), evidence);
        io.statussidecar.support.Exposition m = io.statussidecar.metrics.MetricsTest.scrape();
        assertEquals(1, m.value("logstash_pipeline_bottleneck", "pipeline", "main", "stage", "filter", "plugin_id", "microseg"));
        assertEquals(1, m.named("logstash_pipeline_bottleneck").size(), "one stage at a time");
    }

    @ParameterizedTest(name = "legacy={0}")
    @ValueSource(booleans = {false, true})
    void aSlowOutputIsNamed(boolean legacy) {
        start(legacy);
        simulator.slowPlugin("splunk-microseg", 200);
        polls.poll(2);
        Map<String, Object> b = bottleneck(version(legacy));
        assertEquals("output", b.get("stage"), b.toString());
        assertEquals("splunk-microseg", b.get("pluginId"));
        assertTrue(b.get("evidence").toString().contains("output 'splunk-microseg' (http) takes 200 ms"), b.toString());
    }

    @ParameterizedTest(name = "legacy={0}")
    @ValueSource(booleans = {false, true})
    void aFillingPersistedQueue(boolean legacy) {
        start(legacy);
        simulator.slowPlugin("splunk-microseg", 200);
        simulator.persistedQueue(1L << 30, 5_000_000);
        polls.poll(2);
        Map<String, Object> b = bottleneck(version(legacy));
        assertEquals("queue", b.get("stage"), b.toString());
        assertEquals("splunk-microseg", b.get("pluginId"), "the slowest plugin, why it fills");
        assertTrue(b.get("evidence").toString().startsWith("The persisted queue grew from "), b.toString());
    }

    /** SPEC §14: a busy pipeline in a throttled container says the CPU limit may be what holds it. */
    @org.junit.jupiter.api.Test
    void aThrottledContainerIsInTheEvidence() {
        start(false);
        simulator.cgroup("v2");
        simulator.cpuThrottled(true);
        simulator.slowPlugin("microseg", 200);
        polls.poll(2);
        Map<String, Object> b = bottleneck("8.15.2");
        assertEquals("filter", b.get("stage"), b.toString());
        assertTrue(b.get("evidence").toString().endsWith(
                "but the container was CPU-throttled in 40% of its periods meanwhile (limit 2 cores), which slows every plugin alike:"
                        + " the CPU limit may be the bottleneck"), b.toString());
        simulator.cpuThrottled(false);
        polls.poll(2);
        assertTrue(!bottleneck("8.15.2").get("evidence").toString().contains("throttled"));
    }

    /** SPEC §14: on 9.2+ the evidence says how full the batches are. */
    @org.junit.jupiter.api.Test
    void batchFillOf9xIsInTheEvidence() {
        start(false);
        simulator.logstash9(true);
        polls.poll(2);
        Map<String, Object> b = bottleneck("9.4.0");
        assertEquals("input", b.get("stage"), b.toString());
        assertTrue(b.get("evidence").toString().matches("Waiting for input: .*, batches \\d+ of 125 events on average\\. .*"),
                b.toString());
    }

    /**
     * SPEC §14 pipeline-to-pipeline: main sends to the archive pipeline through a pipeline output; when
     * the archive's elasticsearch output is slow, main's workers wait in that output, and main's verdict
     * is downstream naming archive, whose own verdict names its output. With a quick archive, main is
     * input-bound and nothing says downstream.
     */
    @Test
    void aPipelineWaitingOnThePipelineItSendsToIsDownstream() {
        start(false);
        simulator.archivePipeline(true);
        polls.poll(2);
        var stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        assertEquals("input", stats.getString("pipelines.find { it.id == 'main' }.bottleneck.stage"));
        assertEquals(java.util.List.of("archive-events"), stats.getList("pipelines.find { it.id == 'main' }.plugins.find { it.id == 'to-archive' }.sendTo"));
        assertEquals("archive-events", stats.getString("pipelines.find { it.id == 'archive' }.plugins.find { it.id == 'from-main' }.address"));

        simulator.archiveSlow(true);
        polls.poll(2);
        stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        Map<String, Object> main = stats.getMap("pipelines.find { it.id == 'main' }.bottleneck");
        assertEquals("downstream", main.get("stage"), main.toString());
        assertEquals("archive", main.get("pipeline"), main.toString());
        assertEquals("to-archive", main.get("pluginId"), main.toString());
        assertTrue(main.get("evidence").toString().contains("output 'to-archive' (pipeline) takes 9 ms of worker time per event")
                && main.get("evidence").toString().endsWith("it waits for pipeline 'archive' (address 'archive-events') to take its"
                        + " events, so the limit is there: archive's own bottleneck is output 'es-archive'"), main.toString());
        Map<String, Object> archive = stats.getMap("pipelines.find { it.id == 'archive' }.bottleneck");
        assertEquals("output", archive.get("stage"), archive.toString());
        assertEquals("es-archive", archive.get("pluginId"), archive.toString());
        assertNull(archive.get("pipeline"), archive.toString());
        // The health reason of main's busy workers points at the pipeline it waits on, not at more workers.
        polls.poll(1);
        given().get("/api/health").then().body("reasons.find { it.code == 'workers_saturated' && it.message.startsWith(\"Pipeline 'main'\") }"
                + ".message", org.hamcrest.Matchers.endsWith("Its workers wait in output 'to-archive' for pipeline 'archive' to take its events:"
                        + " see that pipeline's bottleneck"));
    }

    /** A pipeline output whose address nobody listens on stays the pipeline's own output verdict, and says so. */
    @Test
    void aPipelineOutputToNoListenerIsNotDownstream() {
        start(false);
        simulator.archiveSlow(true);
        simulator.patch("/pipelines/archive/plugins/inputs/0/address", "elsewhere");
        polls.poll(2);
        Map<String, Object> main = given().get("/api/stats").then().statusCode(200).extract().jsonPath()
                .getMap("pipelines.find { it.id == 'main' }.bottleneck");
        assertEquals("output", main.get("stage"), main.toString());
        assertTrue(main.get("evidence").toString().endsWith("it sends to address 'archive-events', on which no running pipeline listens"),
                main.toString());
    }
}
