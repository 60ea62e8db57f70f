package io.statussidecar.notify;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.Receiver;
import io.statussidecar.support.SimulatorResource;

/**
 * The notifier in the running application: the simulated Logstash goes bad over HTTP, the collector
 * polls it, the notifier reads the verdict each second of the test clock, and a real receiver started
 * by the test gets the notifications.
 */
@QuarkusTest
@TestProfile(NotifierTest.Notifying.class)
@WithTestResource(SimulatorResource.class)
public class NotifierTest {

    public static final Receiver RECEIVER = new Receiver();
    static final String AUTHORIZATION = "Bearer nt-4a7c1e9b2d5f8a3c6e0b";
    static final ObjectMapper JSON = new ObjectMapper();

    public static class Notifying implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sidecar.notify.url", RECEIVER.url("/hooks/sidecar?sig=webhooksecret"),
                    "sidecar.notify.authorization", AUTHORIZATION,
                    "sidecar.notify.hold", "5s",
                    "sidecar.instance-name", "logstash-test-1",
                    "sidecar.public-url", "https://sidecar.example.com/");
        }
    }

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @Inject
    Notifier notifier;

    private void seconds(int n) {
        polls.everySecond(n, notifier::check);
    }

    @BeforeEach
    void healthyAndTold() throws InterruptedException {
        simulator.recover();
        simulator.clearPatches();
        simulator.restart(); // a reload that failed in a test before is behind this Logstash
        polls.freshStart();
        seconds(30); // a resolved from the test before goes out now
        RECEIVER.await(Integer.MAX_VALUE, 300);
        RECEIVER.clear();
    }

    @Test
    void aFlappingLogstashSendsNothingAndAHeldChangeOneNotificationThenResolvedOnce() throws Exception {
        for (int i = 0; i < 20; i++) {
            if (i % 2 == 0) {
                simulator.patch("/pipelines", Map.of(".monitoring-logstash", Map.of("events", Map.of("in", 1))));
            } else {
                simulator.clearPatches();
            }
            seconds(1);
        }
        simulator.clearPatches();
        seconds(10);
        assertEquals(List.of(), RECEIVER.await(1, 1000), "a flap sends nothing");

        simulator.patch("/pipelines", Map.of(".monitoring-logstash", Map.of("events", Map.of("in", 1))));
        seconds(30);
        List<Receiver.Received> got = RECEIVER.await(1, 5000);
        assertEquals(1, got.size());
        JsonNode doc = JSON.readTree(got.get(0).body());
        assertEquals("status_changed", doc.get("event").asText());
        assertEquals("unhealthy", doc.get("status").asText());
        assertEquals("healthy", doc.get("previous").asText());
        assertEquals("no_pipelines", doc.at("/reasons/0/code").asText());
        assertEquals("logstash-test-1", doc.get("instance").asText());
        assertEquals("8.15.2", doc.at("/logstash/version").asText());
        assertEquals("https://sidecar.example.com/", doc.get("dashboard").asText());
        assertEquals("/hooks/sidecar?sig=webhooksecret", got.get(0).path());

        simulator.clearPatches();
        seconds(60);
        got = RECEIVER.await(2, 5000);
        Thread.sleep(300);
        assertEquals(2, RECEIVER.received().size(), "resolved is sent once");
        assertEquals("resolved", JSON.readTree(got.get(1).body()).get("event").asText());

        given().get("/api/notifications").then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("format", equalTo("json"))
                .body("target", equalTo("http://127.0.0.1:" + RECEIVER.port() + "/***"))
                .body("instance", equalTo("logstash-test-1"))
                .body("hold", equalTo("5s"))
                .body("attempts[0].event", equalTo("resolved"))
                .body("attempts[0].outcome", equalTo("sent"))
                .body("attempts[1].event", equalTo("status_changed"));
        given().get("/api/stats").then().statusCode(200)
                .body("notifications.format", equalTo("json"))
                .body("notifications.lastSent.event", equalTo("resolved"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.matches("(?s).*logstash_sidecar_notifications_total\\{outcome=\"sent\",?} [1-9].*"), metrics);
    }

    @Test
    void theAuthorizationArrivesAndAppearsNowhereElseAndAPlantedSecretArrivesMasked() throws Exception {
        simulator.patch("/pipelines/main/reloads", Map.of("successes", 0, "failures", 1, "last_error",
                Map.of("message", "Expected one of [ \\t\\r\\n] at line 3, near elasticsearch { password => \"s3cr3t-planted\" }")));
        seconds(10);
        Receiver.Received r = RECEIVER.await(1, 5000).get(0);
        assertEquals(AUTHORIZATION, r.header("Authorization"));
        assertTrue(r.body().contains("config_reload_failed"), r.body());
        assertFalse(r.body().contains("s3cr3t-planted"), r.body());
        assertTrue(r.body().contains("password => \\\"***\\\""), r.body());

        String token = "nt-4a7c1e9b2d5f8a3c6e0b";
        for (String path : List.of("/api/notifications", "/api/stats", "/q/metrics", "/api/health")) {
            String body = given().get(path).then().extract().asString();
            assertFalse(body.contains(token), path + " shows the authorization");
            assertFalse(body.contains("webhooksecret"), path + " shows the webhook URL's secret");
        }
        given().get("/api/stats").then().body("config.sidecarNotifyAuthorization", equalTo("***"))
                .body("config.sidecarNotifyUrl", equalTo("http://127.0.0.1:" + RECEIVER.port() + "/***"));
        String log = Files.readString(Path.of("target/quarkus-tests.log"));
        assertTrue(log.contains("Notifications: json to http://127.0.0.1:" + RECEIVER.port() + "/*** as logstash-test-1"), "start-up line");
        assertFalse(log.contains(token), "the log shows the authorization");
        assertFalse(log.contains("webhooksecret"), "the log shows the webhook URL's secret");
    }
}
