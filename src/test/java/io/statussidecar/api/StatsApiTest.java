package io.statussidecar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/** /api/stats and /api/history against the simulated Logstash, over HTTP. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class StatsApiTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void freshLogstash() {
        simulator.recover();
        simulator.stall(false);
        simulator.resumeModel();
        polls.freshStart();
    }

    @Test
    void statsHasTheFieldsOfSpecSection3() {
        polls.poll(2);

        given().when().get("/api/stats").then()
                .statusCode(200)
                .contentType("application/json")
                .body("collectedAt", notNullValue())
                .body("stale", equalTo(false))
                .body("lastError", nullValue())
                .body("node.id", notNullValue())
                .body("node.name", notNullValue())
                .body("node.host", notNullValue())
                .body("node.version", equalTo("8.15.2"))
                .body("node.status", equalTo("green"))
                .body("node.ephemeralId", equalTo(simulator.ephemeralId()))
                .body("node.uptimeMillis", greaterThanOrEqualTo(0))
                .body("jvm.heapUsedBytes", greaterThan(0))
                .body("jvm.heapMaxBytes", greaterThan(0))
                .body("jvm.heapUsedPercent", notNullValue())
                .body("jvm.threads", greaterThan(0))
                .body("jvm.gc", hasKey("youngCount"))
                .body("jvm.gc", hasKey("youngMillis"))
                .body("jvm.gc", hasKey("oldCount"))
                .body("jvm.gc", hasKey("oldMillis"))
                .body("process.cpuPercent", notNullValue())
                .body("process.openFileDescriptors", greaterThan(0))
                .body("process.maxFileDescriptors", greaterThan(0))
                .body("events.in", greaterThan(0))
                .body("events", hasKey("filtered"))
                .body("events", hasKey("out"))
                .body("events", hasKey("durationMillis"))
                .body("events", hasKey("queuePushDurationMillis"))
                .body("flow.inputThroughput.current", notNullValue())
                .body("flow.inputThroughput.lifetime", notNullValue())
                .body("flow.inputThroughput.last1Minute", notNullValue())
                .body("flow", hasKey("filterThroughput"))
                .body("flow", hasKey("outputThroughput"))
                .body("flow", hasKey("queueBackpressure"))
                .body("flow", hasKey("workerConcurrency"))
                .body("pipelines", hasSize(1))
                .body("pipelines[0].id", equalTo("main"))
                .body("pipelines[0].workers", equalTo(4))
                .body("pipelines[0].batchSize", equalTo(125))
                .body("pipelines[0].events.in", greaterThan(0))
                .body("pipelines[0].flow.workerUtilization.current", notNullValue())
                .body("pipelines[0].queue.type", equalTo("memory"))
                .body("pipelines[0].queue", hasKey("events"))
                .body("pipelines[0].queue", hasKey("sizeBytes"))
                .body("pipelines[0].queue", hasKey("maxSizeBytes"))
                .body("pipelines[0]", hasKey("deadLetterQueue"))
                .body("pipelines[0].reloads.successes", equalTo(0))
                .body("pipelines[0].reloads.failures", equalTo(0))
                .body("pipelines[0].reloads", hasKey("lastError"))
                .body("pipelines[0].plugins.id", hasItems("syslog-udp", "microseg", "cmd-v2", "splunk-gw-net-stats"))
                .body("pipelines[0].plugins.find { it.id == 'microseg' }.type", equalTo("filter"))
                .body("pipelines[0].plugins.find { it.id == 'microseg' }.name", equalTo("grok"))
                .body("pipelines[0].plugins.find { it.id == 'microseg' }.events.in", greaterThan(0))
                .body("pipelines[0].plugins.find { it.id == 'microseg' }.events", hasKey("durationMillis"))
                .body("pipelines[0].plugins.find { it.id == 'syslog-udp' }.type", equalTo("input"))
                .body("pipelines[0].plugins.find { it.id == 'splunk-mitm' }.type", equalTo("output"))
                .body("config.logstashApiUrl", equalTo(simulator.baseUrl()))
                .body("config.pollInterval", equalTo("5s"))
                .body("config.logstashApiPassword", nullValue());
    }

    @Test
    void statsReportsThePluginCountersLogstashGave() {
        polls.poll();
        long microsegOut = simulator.pluginCounters().get("microseg")[1];

        given().when().get("/api/stats").then()
                .body("pipelines[0].plugins.find { it.id == 'microseg' }.events.out", equalTo((int) microsegOut))
                .body("events.in", equalTo((int) simulator.eventCounters()[0]));
    }

    @Test
    void anHourOfHistoryAfterNPollsHasNPointsWithTheLogstashDeltas() {
        int n = 7;
        List<Long> counters = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            polls.poll();
            counters.add(simulator.eventCounters()[0]);
        }

        JsonPath h = given().when().get("/api/history?range=1h").then().statusCode(200).extract().jsonPath();

        assertEquals("1h", h.getString("range"));
        assertEquals(5, h.getInt("stepSeconds"));
        assertEquals(n, h.getList("timestamps").size());
        for (String series : List.of("eventsIn", "eventsFiltered", "eventsOut", "heapUsedPercent", "cpuPercent",
                "workerUtilization", "queueEvents")) {
            assertEquals(n, h.getList("series." + series).size(), series);
        }
        List<Number> in = h.getList("series.eventsIn");
        for (int i = 1; i < n; i++) {
            assertEquals(counters.get(i) - counters.get(i - 1), in.get(i).longValue(), "delta of poll " + i);
        }
        List<Long> ts = h.getList("timestamps", Long.class);
        for (int i = 1; i < n; i++) {
            assertEquals(5000, ts.get(i) - ts.get(i - 1), "oldest first, one poll interval apart");
        }
        assertEquals(n, given().get("/api/history").jsonPath().getList("timestamps").size(), "1h is the default");
    }

    @Test
    void aLogstashRestartGivesNoNegativeDeltaAndNoSpike() {
        polls.poll(3);
        simulator.restart();
        polls.poll();
        long afterRestart = simulator.eventCounters()[0];
        polls.poll(2);

        List<Number> in = given().get("/api/history?range=5m").jsonPath().getList("series.eventsIn");

        assertEquals(6, in.size());
        assertTrue(in.stream().skip(1).allMatch(v -> v.longValue() >= 0), in.toString());
        assertEquals(afterRestart, in.get(3).longValue(), "the delta across the restart is the new counter value");
        given().get("/api/stats").then().body("node.ephemeralId", equalTo(simulator.ephemeralId()));
    }

    @Test
    void anOutageShowsAsNullGapsAndStaleDataWithAReadableError() {
        polls.poll(2);
        simulator.fail(Fault.REFUSE);
        polls.poll(3);

        given().get("/api/stats").then()
                .statusCode(200)
                .body("stale", equalTo(true))
                .body("lastError", containsString("connection refused by " + simulator.baseUrl() + "/_node/stats"))
                .body("node.version", equalTo("8.15.2"));
        JsonPath h = given().get("/api/history?range=5m").jsonPath();
        List<Object> in = h.getList("series.eventsIn");
        List<Object> heap = h.getList("series.heapUsedPercent");
        assertEquals(5, in.size());
        assertEquals(java.util.Arrays.asList(null, null, null), in.subList(2, 5));
        assertEquals(java.util.Arrays.asList(null, null, null), heap.subList(2, 5));

        simulator.recover();
        polls.poll();
        given().get("/api/stats").then().body("stale", equalTo(false)).body("lastError", nullValue());
        List<Number> after = given().get("/api/history?range=5m").jsonPath().getList("series.eventsIn");
        assertTrue(after.get(5).longValue() > 0, "the first poll after the outage carries the events of the outage");
    }

    @Test
    void everyKindOfBrokenLogstashGivesAReadableLastError() {
        polls.poll();
        String url = simulator.baseUrl() + "/_node/stats";
        List<String[]> cases = List.of(
                new String[] { "REFUSE", "connection refused by " + url },
                new String[] { "HANG", "no answer from " + url + " within 1s (LOGSTASH_READ_TIMEOUT)" },
                new String[] { "GARBAGE", "response from " + url + " is not the expected JSON" },
                new String[] { "HTTP_500", "HTTP 500 from " + url + ": {\"error\":{\"type\":\"MetricNotFound\"" },
                new String[] { "OVERSIZED", "response from " + url + " is larger than 8 MiB" });
        for (String[] c : cases) {
            simulator.fail(Fault.valueOf(c[0]));
            try {
                String error = polls.poll().error();
                assertTrue(error != null && error.startsWith(c[1]), c[0] + " gave: " + error);
                given().get("/api/stats").then().statusCode(200).body("stale", equalTo(true))
                        .body("lastError", equalTo(error));
            } finally {
                simulator.recover();
            }
            assertFalse(polls.poll().error() != null, "recovers after " + c[0]);
        }
    }

    @Test
    void anUnknownRangeIsA400ListingTheValidOnes() {
        for (String query : List.of("range=bogus", "range=", "range", "range=1H", "range=30d", "range=%00",
                "range=5m&range=1h")) {
            given().urlEncodingEnabled(false).when().get("/api/history?" + query).then()
                    .statusCode(400)
                    .contentType("application/json")
                    .body("error", equalTo("invalid_range"))
                    .body("message", query.endsWith("1h") ? containsString("once") : containsString("5m, 15m, 1h, 6h, 12h, 24h, 7d"));
        }
    }

    @Test
    void everyRangeAnswersWithEqualLengthColumns() {
        polls.poll(3);
        for (String range : List.of("5m", "15m", "1h", "6h", "12h", "24h", "7d")) {
            JsonPath h = given().get("/api/history?range=" + range).then().statusCode(200).extract().jsonPath();
            int n = h.getList("timestamps").size();
            assertTrue(n >= 1, range);
            h.getMap("series").values().forEach(col -> assertEquals(n, ((List<?>) col).size(), range));
        }
        given().get("/api/history?range=24h").then().body("stepSeconds", equalTo(60));
        given().get("/api/history?range=7d").then().body("stepSeconds", equalTo(600));
    }

    @Test
    void unknownApiPathsAndMethodsAnswerJson() {
        given().get("/api/nothing-here").then().statusCode(404).contentType("application/json")
                .body("error", equalTo("not_found"));
        given().post("/api/stats").then().statusCode(405).contentType("application/json")
                .body("error", equalTo("method_not_allowed"))
                .body("message", not(containsString("Exception")));
    }

    @Test
    void pollsDuringAStallKeepCountingInButNotOut() {
        polls.poll();
        simulator.stall(true);
        polls.poll(2);

        JsonPath h = given().get("/api/history?range=5m").jsonPath();
        List<Number> in = h.getList("series.eventsIn");
        List<Number> out = h.getList("series.eventsOut");
        assertTrue(in.get(2).longValue() > 0);
        assertEquals(0, out.get(2).longValue());
        assertTrue(h.getList("series.workerUtilization").stream().allMatch(v -> v != null));
        given().get("/api/stats").then().body("pipelines[0].flow.workerUtilization.current", equalTo(100.0f));
        assertTrue(everyItem(notNullValue()).matches(h.getList("timestamps")));
    }

    /**
     * A pipeline added by a reload while the sidecar runs (the simulator's archive): Logstash before
     * 8.18 gives its workers and batch size only in /_node, which is read again when the pipelines'
     * configuration hashes change, not only when Logstash restarts.
     */
    @Test
    void aPipelineAddedByAReloadGetsItsWorkersAndBatchSize() {
        simulator.clearPatches();
        polls.poll(2);
        simulator.archivePipeline(true);
        try {
            polls.poll(1);
            given().get("/api/stats").then().statusCode(200)
                    .body("pipelines.find { it.id == 'archive' }.workers", org.hamcrest.Matchers.equalTo(2))
                    .body("pipelines.find { it.id == 'archive' }.batchSize", org.hamcrest.Matchers.equalTo(125));
            int reads = simulator.requests("/_node");
            polls.poll(3);
            org.junit.jupiter.api.Assertions.assertEquals(reads, simulator.requests("/_node"), "read again on a change, not at every poll");
        } finally {
            simulator.clearPatches();
        }
    }
}
