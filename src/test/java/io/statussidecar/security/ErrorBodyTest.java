package io.statussidecar.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * SPEC §12: what Logstash says in an error body never reaches the open /api/health, and reaches
 * /api/stats (behind the sidecar's credentials, when set) only redacted.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class ErrorBodyTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @AfterEach
    void recover() {
        simulator.errorBody(null);
        simulator.recover();
    }

    @Test
    void theOpenHealthQuotesNothingAndStatsOnlyRedacted() {
        polls.freshStart();
        polls.poll();
        simulator.errorBody("{\"error\":\"output http failed: url=https://svc:Hunter2Secret@splunk:8088 password => \\\"Hunter2Secret\\\"\"}");
        simulator.fail(Fault.HTTP_500);
        polls.poll();
        polls.advance(Duration.ofSeconds(20));
        polls.poll();

        given().get("/api/health").then().statusCode(503)
                .body("reasons.code", hasItem("logstash_unreachable"))
                .body(containsString("HTTP 500 from " + simulator.baseUrl() + "/_node/stats"))
                .body(not(containsString("output http failed")))
                .body(not(containsString("Hunter2Secret")));
        given().get("/api/stats").then().statusCode(200)
                .body("lastError", containsString("output http failed"))
                .body(not(containsString("Hunter2Secret")));
    }
}
