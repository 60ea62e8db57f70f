package io.statussidecar.store;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Where a plugin is defined (SPEC §13): the configuration file, line and column, and its config name. */
@RegisterForReflection
public record PluginSource(String file, Integer line, Integer column, String configName) {
}
