package io.statussidecar.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.support.Polls;

/** A sidecar whose Logstash never answered, and whose LOG_PROFILE is unknown. */
@QuarkusTest
@TestProfile(StartingTest.NoLogstashBadProfile.class)
class StartingTest {

    public static class NoLogstashBadProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logstash.api-url", "http://127.0.0.1:1", "log.profile", "secutiry");
        }
    }

    @Inject
    Polls polls;

    @Test
    void startingThenUnreachableAndTheProbesSayWhatTheyShould() {
        polls.freshStart();
        given().get("/api/health").then().statusCode(503)
                .body("status", equalTo("unhealthy"))
                .body("reasons[0].code", equalTo("starting"))
                .body("reasons.code", org.hamcrest.Matchers.hasItem("log_profile_invalid"));
        given().get("/q/health/started").then().statusCode(503);
        given().get("/q/health/live").then().statusCode(200);

        polls.poll();
        given().get("/q/health/started").then().statusCode(200);
        given().get("/api/health").then().statusCode(503).body("reasons[0].code", equalTo("starting"))
                .body("reasons[0].message", containsString("connection refused"));

        polls.poll(3);
        given().get("/api/health").then().statusCode(503).body("reasons[0].code", equalTo("logstash_unreachable"))
                .body("reasons.find { it.code == 'log_profile_invalid' }.severity", equalTo("degraded"))
                .body("reasons.find { it.code == 'log_profile_invalid' }.message", containsString("LOG_PROFILE=\"secutiry\""));
        polls.advance(Duration.ofSeconds(1));
    }
}
