package io.statussidecar.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Exposition;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §9 against the simulator: {@code /q/metrics} scraped and parsed as Prometheus reads it, each
 * value checked against the simulator's own counters.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
public class MetricsTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void healthy() {
        simulator.recover();
        simulator.clearPatches();
        polls.freshStart();
        polls.poll(3);
    }

    @AfterEach
    void recover() {
        simulator.recover();
        simulator.clearPatches();
    }

    public static Exposition scrape() {
        String text = given().accept("text/plain").get("/q/metrics").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/plain")).extract().asString();
        return Exposition.parse(text);
    }

    @Test
    void eventsAndLogTypesAreTheSimulatorsCounters() {
        Exposition m = scrape();
        long[] events = simulator.eventCounters();
        assertEquals(events[0], m.value("logstash_pipeline_events_in_total", "pipeline", "main"));
        assertEquals(events[1], m.value("logstash_pipeline_events_filtered_total", "pipeline", "main"));
        assertEquals(events[2], m.value("logstash_pipeline_events_out_total", "pipeline", "main"));

        Map<String, long[]> plugins = simulator.pluginCounters();
        assertEquals(plugins.get("microseg")[1], m.value("logstash_log_type_events_total", "log_type", "microseg"));
        assertEquals(plugins.get("splunk-microseg")[1], m.value("logstash_log_type_forwarded_total", "log_type", "microseg"));
        assertEquals(plugins.get("cmd-v1")[1] + plugins.get("cmd-v2")[1], m.value("logstash_log_type_events_total", "log_type", "cmd"));
        assertEquals(1, m.value("logstash_log_type_in_profile", "log_type", "gw_net_stats"));
        assertEquals(9, m.named("logstash_log_type_events_total").size());

        // Each plugin once, with its type and log type; nothing folded at the default 200.
        assertEquals(plugins.size(), m.named("logstash_pipeline_plugin_events_out_total").size());
        assertEquals(plugins.get("splunk-mitm")[1], m.value("logstash_pipeline_plugin_events_out_total",
                "pipeline", "main", "plugin_id", "splunk-mitm", "plugin_type", "output", "log_type", "mitm"));
        assertEquals(0, m.value("logstash_sidecar_plugins_folded", "pipeline", "main"));

        assertEquals("counter", m.types().get("logstash_pipeline_events_in_total"));
        assertEquals(1, m.value("logstash_up"));
        assertEquals(1, m.value("logstash_node_info", "version", "8.15.2"));
        assertTrue(m.value("logstash_jvm_heap_used_bytes") > 0);
        assertTrue(m.value("logstash_pipeline_flow_worker_utilization_ratio", "pipeline", "main") <= 1.0);
    }

    @Test
    void healthStatusIsZeroOneTwo() {
        assertEquals(0, scrape().value("logstash_sidecar_health_status"));

        simulator.patch("/jvm/mem/heap_used_percent", 95);
        polls.poll(3);
        Exposition degraded = scrape();
        assertEquals(1, degraded.value("logstash_sidecar_health_status"), "heap_pressure: degraded");
        assertEquals(1, degraded.value("logstash_sidecar_health_reason", "code", "heap_pressure", "severity", "degraded"));
        simulator.clearPatches();
        polls.poll(3);

        simulator.fail(Fault.REFUSE);
        polls.poll(5); // past the 15 s grace
        Exposition down = scrape();
        assertEquals(2, down.value("logstash_sidecar_health_status"), "logstash_unreachable: unhealthy");
        assertEquals(0, down.value("logstash_up"));
        assertEquals(1, down.value("logstash_sidecar_health_reason", "code", "logstash_unreachable", "severity", "unhealthy"));
        assertEquals(List.of(), down.find("logstash_sidecar_health_reason", "code", "heap_pressure"), "a reason that ended has no series");
        // The last known counters stay, with when they were read.
        assertEquals(simulator.eventCounters()[0], down.value("logstash_pipeline_events_in_total", "pipeline", "main"));
        assertTrue(down.value("logstash_sidecar_last_success_timestamp_seconds") > 0);

        simulator.recover();
        polls.poll();
        assertEquals(1, scrape().value("logstash_up"));
    }

    @Test
    void aLogstashRestartIsACounterReset() {
        polls.poll(5);
        double before = scrape().value("logstash_pipeline_events_in_total", "pipeline", "main");
        simulator.restart();
        polls.poll();
        double after = scrape().value("logstash_pipeline_events_in_total", "pipeline", "main");
        // What Prometheus' rate() reads as a reset: the counter starts again from Logstash's new value.
        assertTrue(after < before, after + " after " + before);
        assertEquals(simulator.eventCounters()[0], after);
    }

    @Test
    void aRenamedPluginLeavesNoStaleSeries() {
        simulator.patch("/pipelines/main/plugins/filters/3/id", "mitm-renamed");
        polls.poll();
        Exposition renamed = scrape();
        List<String> ids = renamed.named("logstash_pipeline_plugin_events_out_total").stream().map(s -> s.label("plugin_id")).toList();
        assertTrue(ids.contains("mitm-renamed"), ids.toString());
        assertTrue(!ids.contains("mitm"), "the old id's series is gone: " + ids);

        simulator.clearPatches();
        polls.poll();
        List<String> back = scrape().named("logstash_pipeline_plugin_events_out_total").stream().map(s -> s.label("plugin_id")).toList();
        assertTrue(back.contains("mitm") && !back.contains("mitm-renamed"), back.toString());
    }

    /**
     * SPEC §14: a 9.2+ pipeline's batches (here the block of Elastic's published 9.x example, on the
     * simulator's pipeline) in {@code /api/stats} and as gauges by statistic and window; an 8.x pipeline,
     * which reports none, has no such series and no {@code batch} in {@code /api/stats}.
     */
    @Test
    void batchFiguresOf9xAreInStatsAndMetrics() throws java.io.IOException {
        assertTrue(scrape().named("logstash_pipeline_batch_events").isEmpty());
        given().get("/api/stats").then().statusCode(200).body("pipelines.find { it.id == 'main' }.batch", org.hamcrest.Matchers.nullValue());

        com.fasterxml.jackson.databind.JsonNode example = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                io.statussidecar.support.Fixtures.file("elastic-api-spec-9.x/node_stats_pipelines.json").toFile());
        simulator.patch("/pipelines/main/batch", example.at("/pipelines/beats-es/batch"));
        polls.poll(1);

        Exposition m = scrape();
        assertEquals("gauge", m.types().get("logstash_pipeline_batch_events"));
        assertEquals(78, m.value("logstash_pipeline_batch_events", "pipeline", "main", "stat", "current", "window", "now"));
        assertEquals(120, m.value("logstash_pipeline_batch_events", "pipeline", "main", "stat", "average", "window", "1m"));
        assertEquals(116, m.value("logstash_pipeline_batch_events", "pipeline", "main", "stat", "p90", "window", "15m"));
        assertEquals(14670, m.value("logstash_pipeline_batch_size_bytes", "pipeline", "main", "stat", "max", "window", "15m"));
        // The example gives no lifetime percentile of events: no series, never a 0.
        assertTrue(m.find("logstash_pipeline_batch_events", "pipeline", "main", "stat", "p50", "window", "lifetime").isEmpty());
        given().get("/api/stats").then().statusCode(200)
                .body("pipelines.find { it.id == 'main' }.batch.events.average.last1Minute", org.hamcrest.Matchers.equalTo(120.0f))
                .body("pipelines.find { it.id == 'main' }.batch.bytes.current", org.hamcrest.Matchers.equalTo(32767.0f));
    }

    /** The simulator as Logstash 9.4: batches from its own rate, read through the whole path. */
    @Test
    void aSimulated94NodeReportsItsBatches() {
        simulator.logstash9(true);
        try {
            polls.poll(2);
            Exposition m = scrape();
            assertEquals(1, m.value("logstash_node_info", "version", "9.4.0"));
            double fill = m.value("logstash_pipeline_batch_events", "pipeline", "main", "stat", "average", "window", "1m");
            assertTrue(fill >= 1 && fill <= 125, "a batch holds 1 to pipeline.batch.size events: " + fill);
            assertTrue(m.value("logstash_pipeline_batch_events", "pipeline", "main", "stat", "p90", "window", "5m") >= fill);
            assertEquals(fill * 380, m.value("logstash_pipeline_batch_size_bytes", "pipeline", "main", "stat", "average", "window", "1m"));
        } finally {
            simulator.logstash9(false);
        }
    }

    /** A containerised Logstash's CFS counters and limit; no limit series where it has none. */
    @Test
    void aContainersCpuLimitAndThrottlingAreExported() {
        // The simulator's captured 8.15 stats come from a container without a CPU limit.
        assertTrue(scrape().named("logstash_cgroup_cpu_limit_cores").isEmpty());
        simulator.cgroup("v1");
        simulator.cpuThrottled(true);
        polls.poll(2);
        Exposition m = scrape();
        assertEquals(2.0, m.value("logstash_cgroup_cpu_limit_cores"));
        double periods = m.value("logstash_cgroup_cpu_periods_total");
        double throttled = m.value("logstash_cgroup_cpu_throttled_periods_total");
        assertTrue(periods > 0 && throttled > 0 && throttled < periods, periods + " " + throttled);
        assertEquals(throttled * 0.05, m.value("logstash_cgroup_cpu_throttled_seconds_total"), 1e-6);
    }

    /**
     * SPEC §14: an elasticsearch output's delivery counters, per output (never folded), as the
     * simulator's archive counts them while its Elasticsearch throttles and while it rejects.
     */
    @Test
    void anElasticsearchOutputsBulkRequestsAndDocumentsAreExported() {
        simulator.reloadPipeline("archive"); // its counters from zero, whatever ran before
        simulator.elasticsearchThrottling(true);
        polls.poll(3);
        simulator.elasticsearchRejecting(true);
        polls.poll(2);
        Exposition m = scrape();
        var stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        String es = "pipelines.find { it.id == 'archive' }.plugins.find { it.id == 'es-archive' }.";
        for (String result : new String[] { "successes", "withErrors", "failures" }) {
            assertEquals(stats.getDouble(es + "bulkRequests." + result), m.value("logstash_pipeline_plugin_bulk_requests_total",
                    "pipeline", "archive", "plugin_id", "es-archive", "result", result.equals("withErrors") ? "with_errors" : result));
        }
        assertEquals(stats.getDouble(es + "bulkRequests.responses.'429'"), m.value("logstash_pipeline_plugin_bulk_responses_total",
                "pipeline", "archive", "plugin_id", "es-archive", "code", "429"));
        assertTrue(m.value("logstash_pipeline_plugin_bulk_responses_total", "pipeline", "archive", "plugin_id", "es-archive", "code", "200") > 0);
        assertEquals(60, m.value("logstash_pipeline_plugin_documents_total", "pipeline", "archive", "plugin_id", "es-archive", "result",
                "retryable_failures"));
        assertEquals(6, m.value("logstash_pipeline_plugin_documents_total", "pipeline", "archive", "plugin_id", "es-archive", "result",
                "non_retryable_failures"));
        assertEquals(4, m.value("logstash_pipeline_plugin_documents_total", "pipeline", "archive", "plugin_id", "es-archive", "result",
                "dlq_routed"));
        // Outputs that report no delivery counters (the http outputs) have no such series.
        assertTrue(m.find("logstash_pipeline_plugin_documents_total", "plugin_id", "splunk-microseg").isEmpty());
    }
}
