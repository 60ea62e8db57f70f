package io.statussidecar.simulator;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.statussidecar.config.LogProfileConfig;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.config.LogstashTarget;

/**
 * Development mode only (removed from production builds): when no Logstash is configured, start the
 * simulator so that a newcomer's first run shows live data.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class DevSimulator {

    private static final Logger LOG = Logger.getLogger(DevSimulator.class);

    private LogstashSimulator simulator;

    @Produces
    @Singleton
    LogstashTarget target(LogstashConfig config, LogProfileConfig profile,
            @ConfigProperty(name = "dev-simulator.fixtures", defaultValue = "src/test/resources/fixtures/logstash") Path fixtures,
            @ConfigProperty(name = "dev-simulator.log-path", defaultValue = "target/dev-logstash/logstash-plain.log") Path devLog) {
        boolean configured = System.getenv("LOGSTASH_API_URL") != null || System.getProperty("logstash.api-url") != null;
        if (configured || !Files.isDirectory(fixtures)) {
            return LogstashTarget.of(config.apiUrl());
        }
        simulator = LogstashSimulator.aviatrix(fixtures, profile.profile()).start(0).withControlPort();
        // The simulated Logstash writes its log where the sidecar reads it, unless LOGSTASH_LOG_PATH
        // points somewhere else (a real log, which it must not touch).
        boolean writesLog = config.logPath().toAbsolutePath().equals(devLog.toAbsolutePath());
        if (writesLog) {
            simulator.writingLog(devLog, 1024 * 1024, 2000);
        }
        LOG.infof("No LOGSTASH_API_URL given: polling a simulated Aviatrix Logstash at %s%s. Its controls: "
                + "curl %s/_simulator/restart-loop/on (a plugin restarting), /_simulator/fault/REFUSE (Logstash down), "
                + "/_simulator/fault/NONE, /_simulator/roll-log, /_simulator/restart, /_simulator/logstash-9/on (Logstash 9.4), "
                + "/_simulator/gc-storm/on (a GC storm), /_simulator/cpu-throttled/on (a throttled container), "
                + "/_simulator/archive/on (a second pipeline fed by send_to, indexing into Elasticsearch), "
                + "/_simulator/es-throttling/on (its Elasticsearch answering 429), /_simulator/es-rejecting/on (refusing documents), "
                + "/_simulator/archive-slow/on (its output slow)", simulator.baseUrl(),
                writesLog ? ", writing its log to " + devLog : "", simulator.controlUrl());
        return LogstashTarget.of(URI.create(simulator.baseUrl()));
    }

    @PreDestroy
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
