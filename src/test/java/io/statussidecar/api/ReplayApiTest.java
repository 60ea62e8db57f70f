package io.statussidecar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Fixtures;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/** Each captured /_node/stats response, served over HTTP unchanged, becomes a /api/stats answer. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class ReplayApiTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void fresh() {
        simulator.recover();
        polls.freshStart();
    }

    @AfterEach
    void backToModel() {
        simulator.resumeModel();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            beats/6.5.0/node_stats.650.json   | beats/6.4.1/node.641.json | 6.5.0  | 0      | 8
            beats/7.8.1/node_stats.710.json   | -                         | 7.8.1  | 0      | -
            beats/8.4.0/node_stats.840.json   | -                         | 8.4.0  | 65     | -
            logstash/7.11.1/metrics.json      | -                         | 7.11.1 | 174126 | -
            """)
    void eachCapturedResponseIsServedAsStats(String stats, String node, String version, int eventsIn, Integer workers) {
        simulator.replay(node == null
                ? Map.of("/_node/stats", Fixtures.file(stats))
                : Map.of("/_node/stats", Fixtures.file(stats), "/_node", Fixtures.file(node)));

        assertNull(polls.poll().error());

        given().get("/api/stats").then().statusCode(200)
                .body("stale", equalTo(false))
                .body("node.version", equalTo(version))
                .body("events.in", equalTo(eventsIn))
                .body("pipelines[0].id", equalTo("main"))
                .body("pipelines[0].workers", equalTo(workers))
                .body("$", not(hasKey("flow")));
    }

    @Test
    void infiniteFlowRatesAreWrittenAsLogstashWritesThem(@TempDir Path dir) throws IOException {
        Path body = Files.writeString(dir.resolve("stats.json"), """
                {"version":"8.13.0","flow":{"worker_concurrency":{"current":"Infinity","lifetime":1.0}},
                 "pipelines":{"main":{"flow":{"worker_utilization":{"current":"-Infinity"}}}}}
                """);
        simulator.replay(Map.of("/_node/stats", body));

        polls.poll();

        String json = given().get("/api/stats").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"workerConcurrency\":{\"current\":\"Infinity\",\"lifetime\":1.0}"), json);
        org.junit.jupiter.api.Assertions.assertTrue(json.contains("\"current\":\"-Infinity\""), json);
    }

    @Test
    void aLogstashWithoutNodeEndpointStillGivesStats() {
        simulator.replay(Map.of("/_node/stats", Fixtures.file("beats/8.4.0/node_stats.840.json")));

        assertNull(polls.poll().error());
        given().get("/api/stats").then().statusCode(200).body("pipelines[0].workers", equalTo(null));
    }
}
