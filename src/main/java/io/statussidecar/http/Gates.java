package io.statussidecar.http;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The limits of SPEC §11, one gate per kind of expensive request: at most 4 log requests, 1 support
 * bundle and 1 hot-threads call to Logstash at once (the bundle's own hot-threads item included).
 */
@ApplicationScoped
public class Gates {

    private final Gate logs = new Gate(4, Duration.ofMinutes(10), Duration.ofSeconds(2),
            "4 log requests are being answered; try again in a moment");
    private final Gate bundle = new Gate(1, Duration.ofMinutes(5), Duration.ofSeconds(30),
            "A support bundle is being built; try again when it is done");
    private final Gate hotThreads = new Gate(1, Duration.ofMinutes(2), Duration.ofSeconds(5),
            "Another hot-threads request is being answered; try again in a few seconds");

    public Gate logs() {
        return logs;
    }

    public Gate bundle() {
        return bundle;
    }

    public Gate hotThreads() {
        return hotThreads;
    }
}
