package io.statussidecar.logtypes;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One log type in a poll: {@code events} parsed (the entry plugins' {@code out}), {@code forwarded}
 * (the matching outputs' {@code out}), whether {@code LOG_PROFILE} forwards it, and the ids of its
 * plugins. Counts are null when no plugin of the type reported one.
 */
@RegisterForReflection
public record LogTypeStats(String type, Long events, Long forwarded, boolean inProfile, List<String> plugins) {
}
