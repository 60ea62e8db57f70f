package io.statussidecar.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.statussidecar.logtypes.LogTypeRules;
import io.statussidecar.logtypes.LogTypes;

/**
 * The objects other packages inject that are made from configuration, so that those packages stay
 * free of it (the log-type rules are plain data; the Logstash target is the parsed URL).
 */
public class Configured {

    /** Development mode replaces it with a simulator when no Logstash is configured. */
    @Produces
    @Singleton
    @DefaultBean
    LogstashTarget logstashTarget(LogstashConfig config) {
        return LogstashTarget.of(config.apiUrl());
    }

    @Produces
    @Singleton
    LogTypes logTypes(SidecarConfig sidecar, LogProfileConfig profile) {
        return new LogTypes(LogTypeRules.from(sidecar.logTypes()), profile.profile());
    }
}
