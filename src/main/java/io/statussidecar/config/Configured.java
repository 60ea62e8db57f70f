package io.statussidecar.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The objects other packages inject that are made from configuration, so that those packages stay
 * free of it (the Logstash target is the parsed URL).
 */
public class Configured {

    /** Development mode replaces it with a simulator when no Logstash is configured. */
    @Produces
    @Singleton
    @DefaultBean
    LogstashTarget logstashTarget(LogstashConfig config) {
        return LogstashTarget.of(config.apiUrl());
    }
}
