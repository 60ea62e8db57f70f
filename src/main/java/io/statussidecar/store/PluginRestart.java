package io.statussidecar.store;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One "A plugin had an unrecoverable error. Will restart this plugin." in the Logstash log: when the
 * sidecar read it, the pipeline and plugin it names (either may be null when the line does not say),
 * the plugin's class and the error, redacted.
 */
@RegisterForReflection
public record PluginRestart(Instant seenAt, String pipeline, String pluginId, String pluginClass, String error) {

    /** The plugin as the health message names it. */
    public String plugin() {
        return pluginId != null ? pluginId : pluginClass != null ? pluginClass : "unknown";
    }
}
