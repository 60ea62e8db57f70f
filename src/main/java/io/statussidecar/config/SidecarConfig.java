package io.statussidecar.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

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

    /** SIDECAR_INSTANCE_NAME: who is speaking in a notification; the host name when unset. */
    Optional<String> instanceName();

    /** SIDECAR_PUBLIC_URL: the dashboard's address as a person reaches it, linked from notifications. */
    Optional<String> publicUrl();

    /** SIDECAR_NOTIFY_* (SPEC §15); {@link ConfigCheck} has checked every value. */
    @WithName("notify")
    Notify notifications();

    interface Notify {
        /** Unset: no notifications. */
        Optional<String> url();

        @WithDefault("json")
        String format();

        Optional<String> authorization();

        @WithDefault("degraded")
        String minSeverity();

        @WithDefault("1m")
        Duration hold();

        /** Zero: never repeated. */
        @WithDefault("4h")
        Duration repeat();
    }

    interface Auth {
        Optional<String> username();

        Optional<String> password();
    }
}
