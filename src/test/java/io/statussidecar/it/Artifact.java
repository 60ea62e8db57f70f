package io.statussidecar.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged sidecar the integration tests start: the native executable in a -Dnative build, else the jar. */
public final class Artifact {

    private Artifact() {
    }

    public static List<String> command() {
        return command(List.of());
    }

    /**
     * With system properties ({@code -Dname=value}): the JVM takes them before {@code -jar}, the native
     * executable as arguments. Paths are absolute, so a test may start it in another working directory.
     */
    public static List<String> command(List<String> systemProperties) {
        List<String> command = new ArrayList<>();
        if (Boolean.getBoolean("sidecar.it.native")) {
            Path exe = Path.of(System.getProperty("native.image.path", "target/status-sidecar-runner")).toAbsolutePath();
            assertTrue(Files.isExecutable(exe), "build the native executable first (mvn verify -Dnative does): " + exe);
            command.add(exe.toString());
            command.addAll(systemProperties);
            return command;
        }
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertTrue(Files.exists(jar), "package the sidecar first (mvn verify does)");
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
