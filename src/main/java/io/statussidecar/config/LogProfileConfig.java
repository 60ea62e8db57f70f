package io.statussidecar.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * LOG_PROFILE describes what Logstash forwards, not how the sidecar behaves, so any value starts
 * the sidecar; an unknown one is reported as a health reason rather than refused (SPEC §2).
 */
@ConfigMapping(prefix = "log")
public interface LogProfileConfig {

    /** LOG_PROFILE */
    @WithDefault("all")
    String profile();
}
