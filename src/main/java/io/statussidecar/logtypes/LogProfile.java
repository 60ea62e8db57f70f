package io.statussidecar.logtypes;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * {@code LOG_PROFILE}: which log types Logstash forwards. An unknown value is kept (and reported as
 * a health reason), because it describes what Logstash does: with it, Logstash forwards nothing.
 */
@RegisterForReflection
public record LogProfile(String value, boolean valid, List<String> forwards) {

    public static final List<String> VALUES = List.of("all", "security", "networking");

    public static LogProfile of(String value, LogTypeRules rules) {
        boolean valid = VALUES.contains(value);
        List<String> forwards = rules.types().stream().filter(t -> forwards(value, t)).map(LogType::name).toList();
        return new LogProfile(value, valid, forwards);
    }

    public boolean forwards(String type) {
        return forwards.contains(type);
    }

    private static boolean forwards(String profile, LogType type) {
        return profile.equals("all") || profile.equals(type.profile());
    }
}
