package io.statussidecar.logstash;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;
import io.statussidecar.config.LogstashConfig;

/** The configured target; development mode replaces it with a simulator when none is configured. */
public class LogstashTargets {

    @Produces
    @Singleton
    @DefaultBean
    LogstashTarget configured(LogstashConfig config) {
        return LogstashTarget.of(config.apiUrl());
    }
}
