package io.statussidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.statussidecar.it.Artifact;

/**
 * The packaged sidecar (jar or native) refuses to start on a bad setting, with one line naming its
 * variable, wherever the setting comes from.
 */
class StartupConfigIT {

    @Test
    void aBadSystemPropertyStopsStartUpLikeTheVariable() throws IOException, InterruptedException {
        Result r = run(new ProcessBuilder(Artifact.command(List.of("-Dlogstash.api-url=notaurl"))));

        assertEquals(2, r.exit(), r.stderr());
        assertEquals(List.of("Invalid LOGSTASH_API_URL=\"notaurl\" (as logstash.api-url given with -D): "
                + "expected an http:// or https:// URL with a host, such as http://localhost:9600"), r.stderr().lines().toList());
        assertEquals("", r.stdout(), "nothing else starts");
    }

    @Test
    void aBadValueInDotEnvStopsStartUpLikeTheVariable(@TempDir Path dir) throws IOException, InterruptedException {
        Path dotEnv = Files.writeString(dir.resolve(".env"), "LOGSTASH_API_URL=notaurl\nHEALTH_HEAP_PERCENT=0\n");
        Result r = run(new ProcessBuilder(Artifact.command()).directory(dir.toFile()));

        assertEquals(2, r.exit(), r.stderr());
        assertEquals(List.of(
                "Invalid LOGSTASH_API_URL=\"notaurl\" (in " + dotEnv + "): expected an http:// or https:// URL with a host, "
                        + "such as http://localhost:9600",
                "Invalid HEALTH_HEAP_PERCENT=\"0\" (in " + dotEnv + "): expected a whole number from 1 to 100"),
                r.stderr().lines().toList());
        assertEquals("", r.stdout(), "nothing else starts");
    }

    @Test
    void aPasswordInABadUrlIsNotEchoed() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Artifact.command());
        pb.environment().put("LOGSTASH_API_URL", "ftp://monitor:s3cret@logstash:9600");
        Result r = run(pb);

        assertEquals(2, r.exit(), r.stderr());
        assertEquals(List.of("Invalid LOGSTASH_API_URL=\"ftp://monitor:***@logstash:9600\": expected an http:// or https:// "
                + "URL with a host, such as http://localhost:9600"), r.stderr().lines().toList());
    }

    @Test
    void badNotificationSettingsStopStartUpWithoutShowingTheWebhooksSecret() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Artifact.command());
        pb.environment().put("SIDECAR_NOTIFY_URL", "https://hooks.slack.com/services/T0/B0/XYZsecret");
        pb.environment().put("SIDECAR_NOTIFY_FORMAT", "pagerduty");
        pb.environment().put("SIDECAR_NOTIFY_HOLD", "forever");
        pb.environment().put("SIDECAR_NOTIFY_REPEAT", "10s");
        Result r = run(pb);

        assertEquals(2, r.exit(), r.stderr());
        assertEquals(List.of(
                "Invalid SIDECAR_NOTIFY_HOLD=\"forever\": expected a duration from 0s to 24h, such as 30s, 1m or 5m",
                "Invalid SIDECAR_NOTIFY_REPEAT=\"10s\": expected 0 (never) or a duration of at least 1m, such as 30m, 4h or 1d",
                "Invalid SIDECAR_NOTIFY_FORMAT=\"pagerduty\": it needs SIDECAR_NOTIFY_AUTHORIZATION set to the service's integration key "
                        + "(Events API v2)"), r.stderr().lines().toList());
        assertFalse(r.stderr().contains("XYZsecret"));
    }

    record Result(int exit, String stdout, String stderr) {
    }

    private static Result run(ProcessBuilder pb) throws IOException, InterruptedException {
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sidecar exits instead of running");
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aBadVariableStopsStartUpWithOneLineNamingIt() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Artifact.command());
        pb.environment().put("SIDECAR_POLL_INTERVAL", "0s");
        pb.environment().put("LOGSTASH_API_URL", "localhost:9600");
        pb.redirectErrorStream(false);
        Process p = pb.start();

        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the sidecar exits instead of running");
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(2, p.exitValue(), stderr);
        assertEquals(List.of(
                "Invalid LOGSTASH_API_URL=\"localhost:9600\": expected an http:// or https:// URL with a host, such as http://localhost:9600",
                "Invalid SIDECAR_POLL_INTERVAL=\"0s\": expected a whole number of seconds from 1s to 1h, such as 5s, 1m or PT10S"),
                stderr.lines().toList());
        assertEquals("", stdout, "nothing else starts");
    }
}
