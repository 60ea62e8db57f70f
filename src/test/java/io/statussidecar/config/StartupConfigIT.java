package io.statussidecar.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.statussidecar.it.Artifact;

/** The packaged sidecar (jar or native) refuses to start on a bad environment variable, with one line naming it. */
class StartupConfigIT {

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
