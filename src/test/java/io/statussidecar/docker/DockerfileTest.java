package io.statussidecar.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Every native build uses one builder image: the multi-stage Dockerfile and Quarkus' container builds. */
class DockerfileTest {

    @Test
    void theDockerfileBuildsWithTheBuilderImageQuarkusUses() throws IOException {
        Properties app = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            app.load(r);
        }
        List<String> from = Files.readAllLines(Path.of("src/main/docker/Dockerfile")).stream()
                .filter(l -> l.startsWith("FROM ") && l.endsWith(" AS build"))
                .map(l -> l.substring("FROM ".length(), l.length() - " AS build".length()).trim()).toList();

        assertEquals(List.of(app.getProperty("quarkus.native.builder-image")), from);
    }
}
