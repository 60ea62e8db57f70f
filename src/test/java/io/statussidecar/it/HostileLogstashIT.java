package io.statussidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.statussidecar.simulator.Fault;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Fixtures;

/**
 * SPEC §11 against the packaged jar with the shipped JVM options (a 48 MB heap): for each way a
 * Logstash can misbehave on the wire, the process lives, liveness stays UP, /api/stats answers from
 * the store at once with a lastError that says what happened, and logstash_unreachable appears within
 * the grace plus one call's deadline; then 50 concurrent requests of each endpoint.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "sidecar.it.native", matches = "true", disabledReason = "JVM options do not apply")
class HostileLogstashIT {

    static final Duration POLL = Duration.ofSeconds(1);
    static final Duration GRACE = Duration.ofSeconds(4);
    /** LOGSTASH_CONNECT_TIMEOUT 1s + LOGSTASH_READ_TIMEOUT 2s. */
    static final Duration DEADLINE = Duration.ofSeconds(3);

    private final ObjectMapper json = new ObjectMapper();
    // HTTP/1.1, as probes and load balancers speak it (the JDK client would upgrade to h2c otherwise).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private LogstashSimulator simulator;
    private Process sidecar;
    private Path output;
    private String base;

    @BeforeAll
    void start() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the sidecar first (mvn verify does)");
        Path logFile = jsonLog(Files.createTempDirectory("hostile").resolve("logstash-json.log"), 30L * 1024 * 1024);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        simulator = LogstashSimulator.aviatrix(Fixtures.DIR, "all").start(0);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(java, "@src/main/docker/jvm.options", "-jar", jar.toString());
        Map<String, String> env = pb.environment();
        env.put("PORT", String.valueOf(port));
        env.put("LOGSTASH_API_URL", simulator.baseUrl());
        env.put("LOGSTASH_LOG_PATH", logFile.toString());
        env.put("SIDECAR_POLL_INTERVAL", POLL.toSeconds() + "s");
        env.put("LOGSTASH_CONNECT_TIMEOUT", "1s");
        env.put("LOGSTASH_READ_TIMEOUT", "2s");
        env.put("HEALTH_UNREACHABLE_GRACE", GRACE.toSeconds() + "s");
        output = Files.createTempFile("hostile-sidecar", ".log");
        sidecar = pb.redirectErrorStream(true).redirectOutput(output.toFile()).start();
        base = "http://127.0.0.1:" + port;
        long deadline = System.currentTimeMillis() + 30_000;
        while (status("/api/stats") != 200) {
            assertAlive();
            assertTrue(System.currentTimeMillis() < deadline, "no stats within 30 s: " + Files.readString(output));
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (sidecar != null) {
            System.out.println("HostileLogstashIT: sidecar peak RSS " + peakRssMb(sidecar.pid()) + " MB");
            sidecar.destroy();
            sidecar.waitFor();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HANG  | within 2s (LOGSTASH_READ_TIMEOUT)
            HUGE  | is larger than 8 MiB; refusing to read it
            ENDLESS | is larger than 8 MiB; refusing to read it;no complete answer from
            DRIP  | no complete answer from
            HALF  | no complete answer from
            """)
    void aMisbehavingLogstashIsReportedAndNeverBreaksTheSidecar(Fault fault, String says) throws Exception {
        simulator.fail(fault);
        try {
            long started = System.nanoTime();
            long limit = GRACE.plus(DEADLINE).plus(POLL).plusSeconds(2).toNanos();
            long slowest = 0;
            String lastError = null;
            boolean unreachable = false;
            while (!unreachable) {
                assertTrue(System.nanoTime() - started < limit, fault + ": no logstash_unreachable within the grace plus the "
                        + "deadline; last error " + lastError);
                assertAlive();
                assertEquals(200, get("/q/health/live").statusCode(), fault + ": liveness stays UP");
                long t0 = System.nanoTime();
                HttpResponse<String> stats = get("/api/stats");
                slowest = Math.max(slowest, System.nanoTime() - t0);
                assertEquals(200, stats.statusCode(), fault + ": " + stats.body());
                lastError = json.readTree(stats.body()).path("lastError").asText(null);
                JsonNode health = json.readTree(get("/api/health").body());
                for (JsonNode r : health.path("reasons")) {
                    unreachable |= r.path("code").asText().equals("logstash_unreachable");
                }
                Thread.sleep(200);
            }
            assertNotNull(lastError);
            // An endless body ends at the cap or at the deadline, whichever the machine's speed reaches first.
            assertTrue(java.util.Arrays.stream(says.split(";")).anyMatch(lastError::contains), fault + " said: " + lastError);
            assertTrue(slowest < Duration.ofMillis(200).toNanos(), fault + ": /api/stats took " + slowest / 1_000_000 + " ms");
        } finally {
            simulator.recover();
        }
        long deadline = System.currentTimeMillis() + 15_000;
        while (json.readTree(get("/api/stats").body()).path("stale").asBoolean(true)) {
            assertTrue(System.currentTimeMillis() < deadline, fault + ": polls do not recover");
            Thread.sleep(200);
        }
    }

    @Test
    void fiftyConcurrentRequestsOfEachEndpoint() throws Exception {
        Map<String, Set<Integer>> endpoints = new TreeMap<>(Map.of(
                "/api/stats", Set.of(200),
                "/api/health", Set.of(200),
                "/api/history?range=7d", Set.of(200),
                "/api/logs?lines=100000", Set.of(200, 429),
                "/api/logs?lines=100000&q=x", Set.of(200, 429),
                "/api/logs?lines=1000&level=ERROR", Set.of(200, 429),
                "/api/support-bundle", Set.of(200, 429),
                "/api/hot-threads", Set.of(200, 429),
                "/q/health/live", Set.of(200),
                "/q/health/ready", Set.of(200)));
        for (Map.Entry<String, Set<Integer>> e : endpoints.entrySet()) {
            List<CompletableFuture<HttpResponse<byte[]>>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(http.sendAsync(request(e.getKey(), Duration.ofSeconds(60)), HttpResponse.BodyHandlers.ofByteArray()));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (CompletableFuture<HttpResponse<byte[]>> f : all) {
                HttpResponse<byte[]> r = f.get();
                statuses.merge(r.statusCode(), 1, Integer::sum);
                if (r.statusCode() == 429) {
                    assertTrue(r.headers().firstValue("Retry-After").isPresent(), e.getKey() + ": 429 without Retry-After");
                }
            }
            assertAlive();
            assertTrue(e.getValue().containsAll(statuses.keySet()), e.getKey() + " answered " + statuses);
            System.out.println("HostileLogstashIT: 50 x " + e.getKey() + " -> " + statuses);
        }
        assertEquals(200, get("/q/health/live").statusCode());
    }

    private void assertAlive() throws IOException {
        assertTrue(sidecar.isAlive(), "the sidecar died: " + Files.readString(output));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path, Duration.ofSeconds(10)), HttpResponse.BodyHandlers.ofString());
    }

    /** The status, or -1 while the sidecar is not listening yet. */
    private int status(String path) throws IOException, InterruptedException {
        try {
            return get(path).statusCode();
        } catch (java.net.ConnectException e) {
            return -1;
        }
    }

    private HttpRequest request(String path, Duration timeout) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).build();
    }

    /** Logstash's log.format json: no line starts like a plain-format entry. */
    private static Path jsonLog(Path file, long bytes) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            for (long i = 0; written < bytes; i++) {
                String line = "{\"level\":\"" + (i % 97 == 0 ? "ERROR" : "INFO") + "\",\"loggerName\":\"logstash.outputs.http\","
                        + "\"timeMillis\":" + (1_764_000_000_000L + i) + ",\"thread\":\"[main]>worker" + (i % 4)
                        + "\",\"logEvent\":{\"message\":\"Sent batch " + i + " to the destination\"}}\n";
                w.write(line);
                written += line.length();
            }
        }
        return file;
    }

    static String peakRssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return String.format(java.util.Locale.ROOT, "%.1f",
                            Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone
        }
        return "?";
    }
}
