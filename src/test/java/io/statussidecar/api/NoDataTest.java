package io.statussidecar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.support.Polls;

/** Before the first successful poll there is nothing to show: 503 with the reason. */
@QuarkusTest
@TestProfile(NoDataTest.NoLogstash.class)
class NoDataTest {

    public static class NoLogstash implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Port 1 on loopback: nothing listens there, so every connection is refused at once.
            return Map.of("logstash.api-url", "http://127.0.0.1:1");
        }
    }

    @Inject
    Polls polls;

    @Test
    void statsIs503UntilAPollSucceeds() {
        given().get("/api/stats").then()
                .statusCode(503)
                .contentType("application/json")
                .body("error", equalTo("no_data"))
                .body("message", containsString("the first poll has not finished"));

        polls.freshStart();
        polls.poll();

        given().get("/api/stats").then()
                .statusCode(503)
                .body("error", equalTo("no_data"))
                .body("message", containsString("connection refused by http://127.0.0.1:1/_node/stats"));
        given().get("/api/history?range=5m").then().statusCode(200)
                .body("series.eventsIn", equalTo(java.util.Collections.singletonList(null)));
    }
}
