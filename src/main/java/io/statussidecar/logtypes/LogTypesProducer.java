package io.statussidecar.logtypes;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.statussidecar.config.LogProfileConfig;
import io.statussidecar.config.SidecarConfig;

/** The log-type rules of {@code SIDECAR_LOG_TYPES} and {@code LOG_PROFILE}, parsed once, where they live. */
public class LogTypesProducer {

    @Produces
    @Singleton
    LogTypes logTypes(SidecarConfig sidecar, LogProfileConfig profile) {
        return new LogTypes(LogTypeRules.from(sidecar.logTypes()), profile.profile());
    }
}
