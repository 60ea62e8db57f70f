package io.statussidecar.bundle;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.HealthReports;
import io.statussidecar.support.Polls;
import io.statussidecar.support.SimulatorResource;

/** The support bundle, downloaded over HTTP and opened entry by entry. */
@QuarkusTest
@WithTestResource(SimulatorResource.class)
class BundleApiTest {

    static final Path LOG = Path.of("target/test-logs/logstash-plain.log");

    /** Secrets as they appear in real Logstash logs and configs; none may leave in a bundle. */
    static final List<String> SECRETS = List.of(
            "6f2a1b7c-9d3e-4f5a-8b6c-7d8e9f0a1b2c", // Splunk HEC token
            "changeme-es-password", // in a basic-auth URL
            "hunter2-pipeline", // password => "..."
            "AKIAIOSFODNN7EXAMPLE", // AWS access key id
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", // AWS secret key
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7", // PEM private key body
            "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaWRlY2FyIn0.c2lnbmF0dXJl", // bearer token
            "monitoring-secret-pw");

    static final String SEEDED_LOG = """
            [2026-01-01T00:00:00,000][INFO ][logstash.runner          ] Starting Logstash
            [2026-01-01T00:00:01,000][DEBUG][logstash.outputs.http    ] headers => {"Authorization" => "Splunk 6f2a1b7c-9d3e-4f5a-8b6c-7d8e9f0a1b2c"}
            [2026-01-01T00:00:02,000][WARN ][logstash.outputs.elasticsearch] Attempted to resurrect connection to dead ES instance, url => "https://elastic:changeme-es-password@es.internal:9200/"
            [2026-01-01T00:00:03,000][ERROR][logstash.agent           ] Failed to execute action {:id=>:main, :message=>"output { http { password => \\"hunter2-pipeline\\" } }"}
            [2026-01-01T00:00:04,000][INFO ][logstash.outputs.s3      ] Using access_key_id AKIAIOSFODNN7EXAMPLE with secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            [2026-01-01T00:00:05,000][DEBUG][logstash.inputs.tcp      ] ssl_key contents:
            -----BEGIN PRIVATE KEY-----
            MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7
            VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu
            -----END PRIVATE KEY-----
            [2026-01-01T00:00:06,000][DEBUG][logstash.filters.http    ] Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzaWRlY2FyIn0.c2lnbmF0dXJl
            [2026-01-01T00:00:07,000][INFO ][logstash.agent           ] Pipelines running {:count=>1, :running_pipelines=>[:main]}
            """;

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(LOG.getParent());
        Files.writeString(LOG, SEEDED_LOG);
        simulator.recover();
        simulator.clearPatches();
        simulator.healthReport(null);
        polls.freshStart();
        polls.poll(2);
    }

    @AfterEach
    void tearDown() {
        simulator.recover();
        simulator.clearPatches();
        simulator.healthReport(null);
    }

    @Test
    void theBundleHoldsEveryItemUnderOneFolderNamedLikeTheFile() throws IOException {
        Response r = given().get("/api/support-bundle");
        assertEquals(200, r.statusCode());
        assertEquals("application/gzip", r.contentType());
        String disposition = r.header("Content-Disposition");
        assertTrue(disposition.matches("attachment; filename=\"status-sidecar-logstash-\\d{8}-\\d{6}\\.tar\\.gz\""), disposition);
        String folder = disposition.replaceAll(".*filename=\"(.*)\\.tar\\.gz\"", "$1");

        Map<String, byte[]> entries = open(r.asByteArray());

        assertEquals(List.of("manifest.json", "sidecar/config.json", "sidecar/health.json", "sidecar/stats.json",
                "sidecar/history-24h.json", "logstash/node.json", "logstash/node_pipelines.json", "logstash/node_plugins.json",
                "logstash/node_stats.json", "logstash/hot_threads.txt", "logstash/logstash.log"),
                entries.keySet().stream().map(k -> k.substring(folder.length() + 1)).toList());
        assertTrue(entries.keySet().stream().allMatch(k -> k.startsWith(folder + "/")));
        JsonNode manifest = new ObjectMapper().readTree(entries.get(folder + "/manifest.json"));
        assertEquals(simulator.baseUrl(), manifest.get("logstashUrl").asText());
        assertTrue(manifest.get("createdAt").isTextual());
        assertTrue(manifest.get("sidecarVersion").isTextual());
        for (JsonNode item : manifest.get("items")) {
            String path = item.get("path").asText();
            if (path.equals("logstash/health_report.json")) {
                assertEquals("skipped", item.get("status").asText(), "Logstash 8.15 has no health report");
            } else {
                assertEquals("ok", item.get("status").asText(), path);
                assertEquals(entries.get(folder + "/" + path).length, item.get("sizeBytes").asLong(), path);
            }
        }
        assertEquals("8.15.2", new ObjectMapper().readTree(entries.get(folder + "/sidecar/stats.json")).at("/node/version").asText());
        assertTrue(new String(entries.get(folder + "/logstash/hot_threads.txt"), StandardCharsets.UTF_8).contains("Hot threads at"));
    }

    @Test
    void aBundleBuiltWhileLogstashIsDownIsValidAndSaysWhatFailed() throws IOException {
        simulator.fail(Fault.REFUSE);

        Response r = given().get("/api/support-bundle");
        assertEquals(200, r.statusCode());
        Map<String, byte[]> entries = open(r.asByteArray());

        JsonNode manifest = manifest(entries);
        for (JsonNode item : manifest.get("items")) {
            String path = item.get("path").asText();
            if (path.startsWith("logstash/") && !path.equals("logstash/logstash.log")) {
                assertEquals("failed", item.get("status").asText(), path);
                assertTrue(item.get("error").asText().contains("connection refused"), item.toString());
            } else {
                assertEquals("ok", item.get("status").asText(), path);
            }
        }
        assertTrue(entries.keySet().stream().anyMatch(k -> k.endsWith("/sidecar/health.json")));
        assertTrue(entries.keySet().stream().anyMatch(k -> k.endsWith("/logstash/logstash.log")));
    }

    @Test
    void noSecretLeavesInAnyEntry() throws IOException {
        simulator.patch("/monitoring", Map.of("hosts", List.of("https://logstash_system:monitoring-secret-pw@es:9200"),
                "username", "logstash_system"));
        simulator.patch("/pipelines/main/reloads", Map.of("failures", 1, "last_error", Map.of("message",
                "Expected one of [ \\t\\r\\n] after password => \"hunter2-pipeline\"")));
        simulator.healthReport(HealthReports.json("slow-start.yaml"));
        simulator.restart();
        polls.poll();

        Map<String, byte[]> entries = open(given().get("/api/support-bundle").then().statusCode(200).extract().asByteArray());

        assertTrue(entries.keySet().stream().anyMatch(k -> k.endsWith("/logstash/health_report.json")));
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String text = new String(e.getValue(), StandardCharsets.UTF_8);
            for (String secret : SECRETS) {
                assertFalse(text.contains(secret), e.getKey() + " contains " + secret);
            }
        }
        String log = text(entries, "/logstash/logstash.log");
        assertTrue(log.contains("Pipelines running {:count=>1, :running_pipelines=>[:main]}"), log);
        assertTrue(log.contains("https://elastic:***@es.internal:9200/"), log);
        assertTrue(log.contains("-----BEGIN PRIVATE KEY-----***\n-----END PRIVATE KEY-----"), log);
        assertTrue(text(entries, "/logstash/node_stats.json").contains("https://logstash_system:***@es:9200"));
    }

    @Test
    void onlyTheLast20MbOfALargeLogIsIncludedFromALineStart() throws IOException {
        String line = "[2026-01-01T00:00:00,000][INFO ][logstash.agent] " + "x".repeat(200);
        try (OutputStream out = Files.newOutputStream(LOG)) {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < 25L * 1024 * 1024; written += bytes.length) {
                out.write(bytes);
            }
            out.write("the last line\n".getBytes(StandardCharsets.US_ASCII));
        }

        Map<String, byte[]> entries = open(given().get("/api/support-bundle").then().statusCode(200).extract().asByteArray());

        byte[] log = entries.entrySet().stream().filter(e -> e.getKey().endsWith("/logstash/logstash.log")).findFirst().orElseThrow()
                .getValue();
        assertTrue(log.length <= BundleWriter.LOG_MAX_BYTES && log.length > BundleWriter.LOG_MAX_BYTES - 1024, "size " + log.length);
        String text = new String(log, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("[2026-01-01T00:00:00,000]"));
        assertTrue(text.endsWith("\nthe last line\n"));
    }

    static Map<String, byte[]> open(byte[] targz) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(new ByteArrayInputStream(targz)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.put(e.getName(), tar.readAllBytes());
            }
        }
        return entries;
    }

    private static JsonNode manifest(Map<String, byte[]> entries) throws IOException {
        return new ObjectMapper().readTree(entries.entrySet().stream().filter(e -> e.getKey().endsWith("/manifest.json"))
                .findFirst().orElseThrow().getValue());
    }

    private static String text(Map<String, byte[]> entries, String suffix) {
        return new String(entries.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).findFirst().orElseThrow().getValue(),
                StandardCharsets.UTF_8);
    }
}
