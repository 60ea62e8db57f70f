package io.statussidecar.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.HealthReports;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * Each reason of SPEC §5, caused over HTTP by the simulated Logstash, then gone once the cause is.
 * Time moves on the test clock; the health endpoints are read as a load balancer and Kubernetes would.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class HealthApiTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void healthyLogstash() {
        simulator.recover();
        simulator.clearPatches();
        simulator.stall(false);
        simulator.idle(false);
        simulator.healthReport(null);
        simulator.restart();
        polls.freshStart();
        polls.poll(3);
        assertHealthy();
    }

    @Test
    void aHealthyLogstashIs200WithNoReasons() {
        health(200).body("status", equalTo("healthy"))
                .body("checkedAt", notNullValue())
                .body("logstash.reachable", equalTo(true))
                .body("logstash.version", equalTo("8.15.2"))
                .body("logstash.uptimeMillis", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void logstashKilledIsUnreachableAfterTheGraceWhileLivenessStaysUp() {
        simulator.fail(Fault.REFUSE);
        polls.poll(); // failing since now
        health(200).body("status", equalTo("healthy")).body("logstash.reachable", equalTo(false));
        polls.poll(3); // 15 s of failures: HEALTH_UNREACHABLE_GRACE

        health(503).body("status", equalTo("unhealthy"))
                .body("reasons[0].code", equalTo("logstash_unreachable"))
                .body("reasons[0].severity", equalTo("unhealthy"))
                .body("reasons[0].message", containsString("connection refused by " + simulator.baseUrl()));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(503).body("checks[0].data.reasons", equalTo("logstash_unreachable"));

        simulator.recover();
        polls.poll(2);
        assertHealthy();
    }

    @Test
    void aStalledPipelineIsUnhealthyUntilEventsLeaveAgain() {
        simulator.stall(true);
        polls.poll();
        polls.advance(Duration.ofMinutes(1));
        polls.poll();
        health(200).body("reasons.code", not(hasItem("pipeline_stalled")));
        polls.advance(Duration.ofMinutes(1));
        polls.poll();

        health(503).body("reasons.code", hasItem("pipeline_stalled"))
                .body("reasons.find { it.code == 'pipeline_stalled' }.message", containsString("Pipeline 'main'"));

        simulator.stall(false);
        polls.poll(3);
        assertHealthy();
    }

    @Test
    void aRedHealthReportIsUnhealthyWithLogstashsDiagnosis() {
        simulator.healthReport(HealthReports.json("abnormal-termination.yaml"));
        simulator.restart(); // a Logstash upgraded to 8.16+ comes back with a new ephemeral id
        polls.poll();

        health(503).body("reasons[0].code", equalTo("logstash_status_red"))
                .body("reasons[0].message", containsString("pipeline is not running, likely because it has encountered an error"))
                .body("reasons[0].message", containsString("view logs to determine the cause of abnormal pipeline shutdown"));

        simulator.healthReport(HealthReports.json("normal-termination.yaml").replace("yellow", "green"));
        polls.advance(Duration.ofSeconds(30));
        polls.poll();
        assertHealthy();
    }

    @Test
    void aYellowHealthReportIsDegradedAnd200() {
        simulator.healthReport(HealthReports.json("slow-start.yaml"));
        simulator.restart();
        polls.poll();

        health(200).body("status", equalTo("degraded"))
                .body("reasons[0].code", equalTo("logstash_status_yellow"))
                .body("reasons[0].message", containsString("pipeline is loading"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void eachDegradedCauseIs200AndGoesAwayWithItsCause() {
        List<Scenario> scenarios = List.of(
                new Scenario("workers_saturated", Map.of("/pipelines/main/flow/worker_utilization/current", 97.5), 3),
                new Scenario("queue_backpressure", Map.of("/pipelines/main/flow/queue_backpressure/current", 0.95), 3),
                new Scenario("heap_pressure", Map.of("/jvm/mem/heap_used_percent", 93), 3),
                new Scenario("pq_near_full", Map.of("/pipelines/main/queue", Map.of("type", "persisted", "events_count", 9000,
                        "queue_size_in_bytes", 900_000_000L, "max_queue_size_in_bytes", 1_000_000_000L)), 1));
        for (Scenario s : scenarios) {
            s.patches().forEach(simulator::patch);
            polls.poll(s.polls());
            health(200).body("status", equalTo("degraded")).body("reasons.code", hasItem(s.code()));
            simulator.clearPatches();
            polls.poll();
            assertHealthy();
        }
    }

    @Test
    void theDeadLetterQueueDroppingIsDegradedWhileItDrops() {
        simulator.patch("/pipelines/main/dead_letter_queue", Map.of("dropped_events", 3, "queue_size_in_bytes", 1024,
                "max_queue_size_in_bytes", 1024, "last_error", "queue full"));
        polls.poll();
        simulator.patch("/pipelines/main/dead_letter_queue", Map.of("dropped_events", 8, "queue_size_in_bytes", 1024,
                "max_queue_size_in_bytes", 1024, "last_error", "queue full"));
        polls.poll();

        health(200).body("status", equalTo("degraded")).body("reasons[0].code", equalTo("dlq_dropping"))
                .body("reasons[0].message", containsString("8 dropped so far; last error: queue full"));

        polls.advance(Duration.ofMinutes(5));
        polls.poll();
        assertHealthy();
    }

    @Test
    void aFailedReloadIsDegradedWithLogstashsErrorUntilAReloadSucceeds() {
        simulator.patch("/pipelines/main/reloads", Map.of("successes", 0, "failures", 1,
                "last_error", Map.of("message", "Expected one of [ \\t\\r\\n], \"#\", \"{\" at line 3, column 9")));
        polls.poll();

        health(200).body("reasons[0].code", equalTo("config_reload_failed"))
                .body("reasons[0].message", containsString("Expected one of [ \\t\\r\\n]"));

        simulator.patch("/pipelines/main/reloads", Map.of("successes", 1, "failures", 1));
        polls.poll();
        assertHealthy();
    }

    @Test
    void noEventsForTheConfiguredPeriodIsDegraded() {
        simulator.idle(true);
        polls.poll();
        polls.advance(Duration.ofMinutes(15));
        polls.poll();

        health(200).body("status", equalTo("degraded")).body("reasons[0].code", equalTo("no_events"));

        simulator.idle(false);
        polls.poll();
        assertHealthy();
    }

    @Test
    void noPipelineIsUnhealthy() {
        simulator.patch("/pipelines", Map.of(".monitoring-logstash", Map.of("events", Map.of("in", 1))));
        polls.poll();

        health(503).body("reasons[0].code", equalTo("no_pipelines"));

        simulator.clearPatches();
        polls.poll();
        assertHealthy();
    }

    @Test
    void aCollectorThatStopsFinishingPollsIsStaleDataAndFailsLiveness() {
        // 3 intervals of 5 s plus three calls of 1 s connect + 1 s read (the test timeouts): 21 s.
        polls.advance(Duration.ofSeconds(30));

        health(503).body("reasons[0].code", equalTo("stale_data"));
        given().get("/q/health/live").then().statusCode(503).body("status", equalTo("DOWN"));
        given().get("/api/stats").then().body("stale", equalTo(true));

        polls.poll();
        assertHealthy();
        given().get("/q/health/live").then().statusCode(200);
    }

    private record Scenario(String code, Map<String, Object> patches, int polls) {
    }

    /**
     * SPEC §14 {@code gc_overhead}: the simulated collectors take 40 % of each 5-second poll (the old
     * generation 32 %), from the fourth poll after a Logstash start. Silent until the sidecar's samples
     * span the 5-minute window, then degraded with the share, the old generation's part and the heap;
     * gone once the storm has stopped and the window holds normal collection again.
     */
    @Test
    void aGcStormIsGcOverheadOnceTheWindowIsWhole() {
        simulator.gcStorm(true);
        try {
            polls.poll(57); // with the 3 polls before, the samples span 4 min 55 s
            health(200).body("reasons.code", not(hasItem("gc_overhead")));
            polls.poll(1);
            health(200).body("reasons.code", hasItem("gc_overhead"));
            polls.poll(60); // the whole window in the storm
            health(200).body("status", equalTo("degraded"))
                    .body("reasons.find { it.code == 'gc_overhead' }.message", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("spent 40% of the last 5 minutes collecting garbage"),
                            org.hamcrest.Matchers.containsString("(the old generation 32%)"),
                            org.hamcrest.Matchers.containsString("heap 96% used")));
        } finally {
            simulator.gcStorm(false);
        }
        polls.poll(62);
        assertHealthy();
    }

    /** Normal collection, busy or idle, is no GC overhead however long the window. */
    @Test
    void normalCollectionBusyOrIdleIsNoGcOverhead() {
        polls.poll(65);
        health(200).body("reasons.code", not(hasItem("gc_overhead")));
        simulator.idle(true);
        polls.poll(65);
        health(200).body("reasons.code", not(hasItem("gc_overhead")));
    }

    /**
     * SPEC §14 {@code cpu_throttled}, with the cgroup v1 and v2 paths Logstash reports: 40 % of the
     * container's CFS periods throttled. Silent until the samples span 5 minutes, then degraded with the
     * share, the periods and the limit; gone when throttling drops back to 2 %, and silent in a
     * container that is not throttled.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = { "v1", "v2" })
    void aThrottledContainerIsCpuThrottledOnceTheWindowIsWhole(String cgroup) {
        simulator.cgroup(cgroup);
        polls.poll(65);
        health(200).body("reasons.code", not(hasItem("cpu_throttled")));
        simulator.cpuThrottled(true);
        try {
            polls.poll(20);
            health(200).body("reasons.code", not(hasItem("cpu_throttled"))); // 20 of 60 samples throttled: 14 %
            polls.poll(61);
            health(200).body("status", equalTo("degraded"))
                    .body("reasons.find { it.code == 'cpu_throttled' }.message", org.hamcrest.Matchers.allOf(
                            org.hamcrest.Matchers.containsString("CPU-throttled in 40% of its scheduler periods over the last 5 minutes"),
                            org.hamcrest.Matchers.containsString("(1200 of 3000) at a limit of 2 cores")));
        } finally {
            simulator.cpuThrottled(false);
        }
        polls.poll(61);
        assertHealthy();
    }

    /**
     * SPEC §14 {@code output_failing}: the archive's Elasticsearch answers 429 to half of the bulk
     * requests once and refuses 20 documents a poll with 429. Degraded from the first poll that sees
     * it, naming the output, its pipeline, the failing share and the status codes over what the
     * sidecar has seen (15 s, then 70 s); still there 5 minutes after the last failure less one poll,
     * gone 10 s later (the window keeps a sample per 10 s).
     */
    @Test
    void anElasticsearchAnswering429sIsOutputFailingForFiveMinutes() {
        simulator.archivePipeline(true);
        polls.poll(3);
        assertHealthy();
        simulator.elasticsearchThrottling(true);
        polls.poll(1);
        health(200).body("status", equalTo("degraded"))
                .body("reasons.find { it.code == 'output_failing' }.message", org.hamcrest.Matchers.matchesPattern(
                        "Output 'es-archive' \\(elasticsearch\\) of pipeline 'archive': \\d+% of its bulk requests failed over the last"
                                + " 15 seconds \\(\\d+ of \\d+; answered HTTP 429 ×\\d+; 1 with some documents refused; 20 documents failed"
                                + " and retried\\)\\. Logstash retries these .*"))
                .body("reasons.code", not(hasItem("output_dropping")));
        polls.poll(11);
        health(200).body("reasons.find { it.code == 'output_failing' }.message",
                containsString("over the last 70 seconds (")).body("reasons.find { it.code == 'output_failing' }.message",
                containsString("; 12 with some documents refused; 240 documents failed and retried)"));
        simulator.elasticsearchThrottling(false);
        polls.poll(59);
        health(200).body("reasons.code", hasItem("output_failing"));
        polls.poll(2); // the window keeps a sample per 10 s: 5 minutes to 10 s
        assertHealthy();
    }

    /**
     * SPEC §14 {@code output_dropping}: 5 documents a poll refused for good (3 version conflicts, 2
     * mapping errors in a pipeline without a dead-letter queue). Degraded with the count and share;
     * the requests that carried them make {@code output_failing} too. Gone 5 minutes after.
     */
    @Test
    void anOutputRejectingDocumentsIsOutputDropping() {
        simulator.archivePipeline(true);
        polls.poll(2);
        simulator.elasticsearchRejecting(true);
        polls.poll(4);
        health(200).body("status", equalTo("degraded"))
                .body("reasons.find { it.code == 'output_dropping' }.message", org.hamcrest.Matchers.matchesPattern(
                        "Output 'es-archive' \\(elasticsearch\\) of pipeline 'archive': 20 documents were rejected for good over the"
                                + " last 25 seconds \\(\\d\\.?\\d*% of \\d+\\): those events are lost\\. .*a mapping error \\(400/404\\)"
                                + " that a dead-letter queue \\(dead_letter_queue.enable\\) would keep"))
                .body("reasons.find { it.code == 'output_failing' }.message", containsString("4 with some documents refused). None"
                        + " was retried: the refused documents were rejected for good or dead-lettered"));
        simulator.elasticsearchRejecting(false);
        polls.poll(62);
        assertHealthy();
    }

    /**
     * A reload of the archive pipeline starts its output's counters from zero: the window starts
     * afresh from there, so the drop is neither a growth nor a negative share, and the failures
     * before the reload are not carried into the new pipeline's verdict.
     */
    @Test
    void aReloadThatResetsTheOutputsCountersStartsItsWindowAfresh() {
        simulator.elasticsearchThrottling(true);
        polls.poll(3);
        health(200).body("reasons.code", hasItem("output_failing"));
        simulator.elasticsearchThrottling(false);
        simulator.reloadPipeline("archive");
        polls.poll(2);
        assertHealthy();
    }

    /**
     * Failures the counters held before the sidecar first saw the output are not "within the last 5
     * minutes": Logstash worked through a throttling Elasticsearch unobserved, then the archive
     * appears with those counts and stays healthy. A busy archive, an idle one, and outputs that
     * report no delivery counters (the http outputs, Logstash 7.17) are silent however long.
     */
    @Test
    void outputCountersOlderThanTheSidecarsLookBusyIdleOrAbsentAreSilent() {
        simulator.archivePipeline(true);
        simulator.elasticsearchRejecting(true);
        simulator.advance(10);
        simulator.elasticsearchRejecting(false);
        polls.poll(3);
        given().get("/api/stats").then().body("pipelines.find { it.id == 'archive' }.plugins.find { it.id == 'es-archive' }"
                + ".documents.nonRetryableFailures", equalTo(30));
        assertHealthy();
        polls.poll(65);
        assertHealthy();
        simulator.idle(true);
        polls.poll(65);
        health(200).body("reasons.code", not(hasItem("output_failing"))).body("reasons.code", not(hasItem("output_dropping")));
        simulator.idle(false);
        simulator.archivePipeline(false);
        simulator.legacy(true);
        polls.poll(65);
        health(200).body("reasons.code", not(hasItem("output_failing"))).body("reasons.code", not(hasItem("output_dropping")));
    }

    private static ValidatableResponse health(int status) {
        return given().get("/api/health").then().statusCode(status).contentType("application/json");
    }

    private static void assertHealthy() {
        health(200).body("status", equalTo("healthy")).body("reasons", empty());
    }
}
