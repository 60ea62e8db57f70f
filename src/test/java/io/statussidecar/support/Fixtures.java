package io.statussidecar.support;

import java.nio.file.Path;

/** The captured Logstash responses under src/test/resources (see NOTICE.md there). */
public final class Fixtures {

    public static final Path DIR = Path.of("src/test/resources/fixtures/logstash");

    private Fixtures() {
    }

    public static Path file(String relative) {
        return DIR.resolve(relative);
    }
}
