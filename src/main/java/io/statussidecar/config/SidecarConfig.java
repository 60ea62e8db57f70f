package io.statussidecar.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sidecar's own behaviour (SPEC §2). */
@ConfigMapping(prefix = "sidecar")
public interface SidecarConfig {

    /** SIDECAR_POLL_INTERVAL; the collector's {@code @Scheduled} reads the same property. */
    @WithDefault("5s")
    Duration pollInterval();

    /** SIDECAR_AUTH_USERNAME / SIDECAR_AUTH_PASSWORD */
    Auth auth();

    /** SIDECAR_LOG_TYPES */
    Optional<String> logTypes();

    /** SIDECAR_METRICS_MAX_PLUGINS: plugin series per pipeline in /q/metrics before the rest are folded. */
    @WithDefault("200")
    int metricsMaxPlugins();

    interface Auth {
        Optional<String> username();

        Optional<String> password();
    }
}
