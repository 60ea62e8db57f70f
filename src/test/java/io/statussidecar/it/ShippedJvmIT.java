package io.statussidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Fixtures;

/**
 * The packaged jar with the shipped JVM options (src/main/docker/jvm.options, as the JVM image runs
 * it), and with no writable temporary directory, as on a read-only root filesystem: it starts, polls,
 * and builds a support bundle within its small heap.
 */
@DisabledIfSystemProperty(named = "sidecar.it.native", matches = "true", disabledReason = "JVM options do not apply")
class ShippedJvmIT {

    @Test
    void runsWithTheShippedFlagsAndNoWritableTmp() throws Exception {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the sidecar first (mvn verify does)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (LogstashSimulator simulator = LogstashSimulator.aviatrix(Fixtures.DIR, "all").start(0)) {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "@src/main/docker/jvm.options", "-Djava.io.tmpdir=/nonexistent/tmp",
                    "-jar", jar.toString());
            pb.environment().put("PORT", String.valueOf(port));
            pb.environment().put("LOGSTASH_API_URL", simulator.baseUrl());
            pb.environment().put("SIDECAR_POLL_INTERVAL", "1s");
            Path log = Files.createTempFile("shipped-jvm", ".log");
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            Process p = pb.start();
            try {
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                String base = "http://127.0.0.1:" + port;
                long deadline = System.currentTimeMillis() + 30_000;
                while (status(http, base + "/api/stats") != 200) {
                    assertTrue(p.isAlive(), "the sidecar exited: " + Files.readString(log));
                    assertTrue(System.currentTimeMillis() < deadline, "no stats within 30 s: " + Files.readString(log));
                    Thread.sleep(100);
                }
                assertEquals(200, status(http, base + "/api/support-bundle"));
                assertEquals(200, status(http, base + "/q/health/live"));
                String output = Files.readString(log);
                assertTrue(!output.contains("ERROR") && !output.contains("Exception"), output);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private static int status(HttpClient http, String url) throws IOException, InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.net.ConnectException e) {
            return -1;
        }
    }
}
