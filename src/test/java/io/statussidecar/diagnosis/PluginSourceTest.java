package io.statussidecar.diagnosis;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §13: each plugin in {@code /api/stats} gets {@code source} from the pipeline's graph, read
 * again only when the pipeline's hash changes.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class PluginSourceTest {

    static final String HASH_ID = "8f3a5c0e9d2b47a1c6e5f4b3a2918d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e";

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @AfterEach
    void plain() {
        simulator.clearPatches();
    }

    static Map<String, Object> source(String pluginId) {
        JsonPath stats = given().get("/api/stats").then().statusCode(200).extract().jsonPath();
        return stats.getMap("pipelines[0].plugins.find { it.id == '" + pluginId + "' }.source");
    }

    @Test
    void aHashNamedPluginIsMappedToItsFileAndLine() {
        polls.freshStart();
        polls.poll();
        int graphsBefore = simulator.requests("/_node/pipelines");
        simulator.anonymousFilter(true); // a configuration change: a new hash
        polls.poll(3);
        assertEquals(Map.of("file", "/usr/share/logstash/pipeline/main.conf", "line", 42, "column", 5, "configName", "mutate"),
                source(HASH_ID));
        assertEquals(Map.of("file", "/usr/share/logstash/pipeline/aviatrix.conf", "line", 2, "column", 3, "configName", "udp"),
                source("syslog-udp"));
        assertEquals(graphsBefore + 1, simulator.requests("/_node/pipelines"), "one graph per configuration, not per poll");

        simulator.anonymousFilter(false);
        polls.poll(2);
        assertEquals(graphsBefore + 2, simulator.requests("/_node/pipelines"), "read again when the hash changed");
    }
}
