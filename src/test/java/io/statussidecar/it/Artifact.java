package io.statussidecar.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The packaged sidecar the integration tests start: the native executable in a -Dnative build, else the jar. */
public final class Artifact {

    private Artifact() {
    }

    public static List<String> command() {
        if (Boolean.getBoolean("sidecar.it.native")) {
            Path exe = Path.of(System.getProperty("native.image.path", "target/status-sidecar-runner"));
            assertTrue(Files.isExecutable(exe), "build the native executable first (mvn verify -Dnative does): " + exe);
            return List.of(exe.toString());
        }
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.exists(jar), "package the sidecar first (mvn verify does)");
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString());
    }
}
