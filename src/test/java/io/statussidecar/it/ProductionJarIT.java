package io.statussidecar.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The packaged production application contains no part of the Logstash simulator. */
class ProductionJarIT {

    @Test
    void noSimulatorClassIsPackaged() throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.walk(Path.of("target/quarkus-app"))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).toList();
        }
        assertFalse(jars.isEmpty(), "package the sidecar first (mvn verify does)");

        List<String> found = new ArrayList<>();
        for (Path jar : jars) {
            try (JarFile f = new JarFile(jar.toFile())) {
                f.stream().map(e -> e.getName()).filter(n -> n.startsWith("io/statussidecar/simulator/") && !n.endsWith("/"))
                        .forEach(n -> found.add(jar.getFileName() + "!" + n));
            }
        }
        assertEquals(List.of(), found, "list the new class in %prod.quarkus.package.jar.user-configured-ignored-entries");
    }
}
