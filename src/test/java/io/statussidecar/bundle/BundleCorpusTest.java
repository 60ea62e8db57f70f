package io.statussidecar.bundle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.security.RedactionCorpus;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/**
 * Every secret form of the redaction corpus, planted in the Logstash log, in what Logstash reports about
 * its pipelines, and in an error body Logstash answers with: none of the secrets is in the bundle.
 */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class BundleCorpusTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @AfterEach
    void tearDown() {
        simulator.errorBody(null);
        simulator.recover();
        simulator.clearPatches();
    }

    @Test
    void noCorpusSecretLeavesFromTheLogTheStatsOrAnErrorBody() throws IOException {
        List<RedactionCorpus.Entry> corpus = RedactionCorpus.entries();
        StringBuilder log = new StringBuilder();
        Map<String, Object> reported = new LinkedHashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            log.append(corpus.get(i).input()).append('\n');
            reported.put("setting_" + i, corpus.get(i).input());
        }
        Files.createDirectories(BundleApiTest.LOG.getParent());
        Files.writeString(BundleApiTest.LOG, log.toString());
        simulator.patch("/pipelines/main/settings", reported);
        simulator.patch("/pipelines/main/reloads", Map.of("failures", 1, "last_error",
                Map.of("message", String.join(" ", corpus.stream().map(RedactionCorpus.Entry::input).toList()))));
        polls.freshStart();
        polls.poll(2);
        simulator.errorBody(String.join(" ", corpus.stream().limit(6).map(RedactionCorpus.Entry::input).toList()));
        simulator.fail(Fault.HTTP_500);
        polls.poll(); // the error body is now the last error the sidecar reports

        Map<String, byte[]> entries = BundleApiTest.open(
                given().get("/api/support-bundle").then().statusCode(200).extract().asByteArray());

        List<String> secrets = RedactionCorpus.secrets(corpus);
        assertTrue(secrets.size() > 40, "the corpus plants " + secrets.size() + " secrets");
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(text.contains(secret), e.getKey() + " contains the secret " + secret);
            }
        }
        String stats = text(entries, "/sidecar/stats.json");
        assertTrue(stats.contains("HTTP 500 from"), "the error body was read: " + stats.substring(0, 200));
        assertTrue(text(entries, "/logstash/logstash.log").contains("ssl_certificate => \"/etc/logstash/beats.crt\""));
    }

    private static String text(Map<String, byte[]> entries, String suffix) {
        return new String(entries.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).findFirst().orElseThrow()
                .getValue(), StandardCharsets.UTF_8);
    }
}
