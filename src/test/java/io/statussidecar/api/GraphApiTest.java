package io.statussidecar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * {@code GET /api/pipelines/graph} (SPEC §8 pipeline view): the pipelines' graphs from the store, with
 * an ETag of their configuration hashes; the same question with {@code If-None-Match} is an empty 304
 * until a pipeline's configuration changes, and Logstash is never asked on the request.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class GraphApiTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @AfterEach
    void plain() {
        simulator.clearPatches();
    }

    @Test
    void graphsWithAnEtagAnd304UntilAConfigurationChanges() {
        simulator.clearPatches();
        polls.freshStart();
        polls.poll(2);
        String etag = given().get("/api/pipelines/graph").then().statusCode(200).contentType("application/json")
                .header("Cache-Control", "no-cache")
                .body("pipelines.pipeline", hasItem("main"))
                .body("pipelines.find { it.pipeline == 'main' }.vertices.kind", hasItems("plugin", "if", "queue"))
                .body("pipelines.find { it.pipeline == 'main' }.vertices.find { it.kind == 'if' }.condition", equalTo("[log_type] == \"microseg\""))
                .body("pipelines.find { it.pipeline == 'main' }.edges.when", hasItems(true, false))
                .body("pipelines.find { it.pipeline == 'main' }.vertices.find { it.id == 'syslog-udp' }.source.line", equalTo(2))
                .extract().header("ETag");
        int reads = simulator.requests("/_node/pipelines");
        given().header("If-None-Match", etag).get("/api/pipelines/graph").then().statusCode(304).header("ETag", etag);
        org.junit.jupiter.api.Assertions.assertEquals(reads, simulator.requests("/_node/pipelines"), "answered from the store");

        simulator.archivePipeline(true);
        polls.poll(1);
        String changed = given().header("If-None-Match", etag).get("/api/pipelines/graph").then().statusCode(200)
                .body("pipelines.pipeline", hasItems("archive", "main"))
                .body("pipelines.find { it.pipeline == 'main' }.vertices.id", hasItem("to-archive"))
                .extract().header("ETag");
        assertNotEquals(etag, changed);
    }
}
