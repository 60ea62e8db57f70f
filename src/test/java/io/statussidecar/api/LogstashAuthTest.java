package io.statussidecar.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/** LOGSTASH_API_USERNAME / LOGSTASH_API_PASSWORD become basic auth, and the password is never shown. */
@QuarkusTest
@TestProfile(LogstashAuthTest.WithCredentials.class)
@WithTestResource(SimulatorResource.class)
class LogstashAuthTest {

    public static class WithCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("logstash.api-username", "monitor", "logstash.api-password", "s3cret");
        }
    }

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @Test
    void credentialsAreSentAndTheirAbsenceIsReadable() {
        polls.freshStart();
        simulator.requireBasicAuth("monitor", "s3cret");
        try {
            assertNull(polls.poll().error());
            String body = given().get("/api/stats").then().statusCode(200)
                    .body("config.logstashApiUsername", equalTo("monitor"))
                    .body("config.logstashApiPassword", equalTo("***"))
                    .extract().asString();
            assertTrue(!body.contains("s3cret"));

            simulator.requireBasicAuth("someone-else", "x");
            String error = polls.poll().error();
            assertTrue(error.startsWith("HTTP 401 from " + simulator.baseUrl() + "/_node/stats"), error);
        } finally {
            simulator.requireBasicAuth(null, null);
        }
    }
}
