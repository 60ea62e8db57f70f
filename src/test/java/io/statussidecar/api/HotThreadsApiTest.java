package io.statussidecar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.SimulatorResource;

/** The hot-threads proxy: its whitelist, its limits, Logstash down, and one call at a time. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class HotThreadsApiTest {

    LogstashSimulator simulator;

    @AfterEach
    void recover() {
        simulator.recover();
    }

    @Test
    void jsonAndHumanAnswersArePassedOnWithTheAllowedParameters() {
        given().get("/api/hot-threads?threads=2&stacktrace_size=5&ignore_idle_threads=false").then().statusCode(200)
                .contentType("application/json")
                .body("hot_threads.threads.size()", equalTo(2));
        String query = simulator.lastHotThreadsQuery();
        assertTrue(query.contains("threads=2") && query.contains("stacktrace_size=5") && query.contains("ignore_idle_threads=false"),
                query);

        given().get("/api/hot-threads?human=true").then().statusCode(200)
                .contentType("text/plain; charset=UTF-8")
                .body(containsString("Hot threads at"));
    }

    @Test
    void otherParametersAndOutOfRangeValuesAre400() {
        for (String query : List.of("threads=0", "threads=101", "threads=x", "stacktrace_size=0", "stacktrace_size=201",
                "ignore_idle_threads=maybe", "human=1", "ordered_by=cpu", "snapshot=true")) {
            given().urlEncodingEnabled(false).get("/api/hot-threads?" + query).then().statusCode(400)
                    .contentType("application/json");
        }
        given().get("/api/hot-threads?ordered_by=cpu").then().body("error", equalTo("invalid_parameter"));
    }

    @Test
    void logstashDownIs502() {
        simulator.fail(Fault.REFUSE);

        given().get("/api/hot-threads").then().statusCode(502).contentType("application/json")
                .body("error", equalTo("logstash_unavailable"))
                .body("message", containsString("connection refused"));
    }

    @Test
    void aSecondConcurrentRequestIs429() throws Exception {
        simulator.fail(Fault.HANG); // the first request waits for the 1 s read timeout
        int before = simulator.requests("/_node/hot_threads");
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> given().get("/api/hot-threads").statusCode());
        long deadline = System.currentTimeMillis() + 5000;
        while (simulator.requests("/_node/hot_threads") == before && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }

        given().get("/api/hot-threads").then().statusCode(429).body("error", equalTo("busy"));

        assertEquals(502, first.get());
        simulator.recover();
        given().get("/api/hot-threads").then().statusCode(200);
    }
}
