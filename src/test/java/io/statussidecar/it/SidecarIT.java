package io.statussidecar.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.support.SimulatorResource;

/**
 * The key endpoints against the packaged artifact: the jar in {@code ./mvnw verify}, the native
 * executable in {@code ./mvnw verify -Dnative}. The scheduler runs for real here.
 */
@QuarkusIntegrationTest
@TestProfile(SidecarIT.FastPolls.class)
@WithTestResource(SimulatorResource.class)
class SidecarIT {

    public static class FastPolls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sidecar.poll-interval", "1s");
        }
    }

    @BeforeEach
    void waitForTheFirstPoll() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (given().get("/api/stats").statusCode() != 200) {
            assertTrue(System.currentTimeMillis() < deadline, "no successful poll within 20 s");
            Thread.sleep(100);
        }
    }

    @Test
    void probesAndHealth() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/api/health").then().statusCode(200).body("status", equalTo("healthy"))
                .body("logstash.version", equalTo("8.15.2"));
    }

    @Test
    void statsWithLogTypesAndHistory() {
        given().get("/api/stats").then().statusCode(200)
                .body("node.version", equalTo("8.15.2"))
                .body("logTypes", hasSize(9))
                .body("pipelines[0].plugins.find { it.id == 'microseg' }.logType", equalTo("microseg"))
                .body("flow.inputThroughput.current", org.hamcrest.Matchers.notNullValue());
        given().get("/api/history?range=5m").then().statusCode(200).body("range", equalTo("5m"));
        given().get("/api/history?range=bogus").then().statusCode(400).contentType("application/json")
                .body("error", equalTo("invalid_range"));
    }

    /** SPEC §9 from the packaged jar: the store's view of Logstash in Prometheus' format. */
    @Test
    void prometheusMetrics() {
        io.statussidecar.support.Exposition m = io.statussidecar.support.Exposition.parse(
                given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString());
        assertEquals(1, m.value("logstash_up"));
        assertEquals(0, m.value("logstash_sidecar_health_status"));
        assertTrue(m.value("logstash_pipeline_events_in_total", "pipeline", "main") > 0);
        assertEquals(9, m.named("logstash_log_type_events_total").size());
    }

    /** SPEC §8 and §10: the page and everything it names come from the packaged jar, under 250 KB. */
    @Test
    void dashboardAndItsAssets() {
        String page = given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .extract().asString();
        java.util.regex.Matcher assets = java.util.regex.Pattern.compile("(?:<script src|<link rel=\"stylesheet\" href)=\"(/[^\"]+)\"").matcher(page);
        long total = page.length();
        int count = 0;
        while (assets.find()) {
            String path = assets.group(1);
            total += given().get(path).then().statusCode(200).extract().asByteArray().length;
            count++;
        }
        assertEquals(5, count, "the page's scripts (its own, the pipeline view's, uPlot) and style sheets");
        assertTrue(total < 250 * 1024, "page weight " + total);
    }

    @Test
    void logsHotThreadsAndBundle() throws IOException {
        given().get("/api/logs").then().statusCode(404).contentType("application/json")
                .body("message", containsString("/var/log/logstash/logstash-plain.log"));
        given().get("/api/logs?lines=0").then().statusCode(400);
        given().get("/api/hot-threads?threads=2").then().statusCode(200).body("hot_threads.threads", hasSize(2));
        given().get("/api/hot-threads?human=true").then().statusCode(200).body(containsString("Hot threads at"));

        byte[] bundle = given().get("/api/support-bundle").then().statusCode(200).extract().asByteArray();
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(bundle)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                names.add(e.getName().substring(e.getName().indexOf('/') + 1));
            }
        }
        assertTrue(names.containsAll(List.of("manifest.json", "sidecar/stats.json", "logstash/node_stats.json",
                "logstash/hot_threads.txt")), names.toString());
    }
}
