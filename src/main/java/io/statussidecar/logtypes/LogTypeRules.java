package io.statussidecar.logtypes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which plugin ids produce which log type (SPEC §6): the built-in rules, or those of
 * {@code SIDECAR_LOG_TYPES} ({@code type=id1,id2;type2=id3}). Immutable.
 */
public final class LogTypeRules {

    public static final String OTHER = "other";
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    private static final List<LogType> BUILT_IN = List.of(
            new LogType("microseg", List.of("microseg"), "security"),
            new LogType("mitm", List.of("mitm"), "security"),
            new LogType("suricata", List.of("suricata"), "security"),
            new LogType("fqdn", List.of("fqdn"), "security"),
            new LogType("cmd", List.of("cmd", "cmd-v1", "cmd-v2"), "security"),
            new LogType("vpn_session", List.of("vpn-session", "vpn_session"), "security"),
            new LogType("gw_net_stats", List.of("gw_net_stats", "gw-net-stats"), "networking"),
            new LogType("gw_sys_stats", List.of("gw_sys_stats", "gw-sys-stats"), "networking"),
            new LogType("tunnel_status", List.of("tunnel_status", "tunnel-status"), "networking"));

    private final List<LogType> types;
    private final Map<String, String> typeByEntryId;

    private LogTypeRules(List<LogType> types) {
        this.types = List.copyOf(types);
        Map<String, String> byId = new HashMap<>();
        types.forEach(t -> t.entryIds().forEach(id -> byId.put(id, t.name())));
        this.typeByEntryId = Map.copyOf(byId);
    }

    public static LogTypeRules builtIn() {
        return new LogTypeRules(BUILT_IN);
    }

    /**
     * Parses {@code SIDECAR_LOG_TYPES}. A type named like a built-in one keeps its profile; any other
     * type is forwarded only by {@code LOG_PROFILE=all}.
     *
     * @throws IllegalArgumentException with a message saying what is wrong and what is accepted
     */
    public static LogTypeRules parse(String spec) {
        String accepted = "expected type=id1,id2;type2=id3 with letters, digits, '_', '-' or '.' in names";
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        Set<String> seenIds = new LinkedHashSet<>();
        for (String entry : spec.split(";", -1)) {
            String e = entry.trim();
            if (e.isEmpty()) {
                if (spec.trim().isEmpty()) {
                    throw new IllegalArgumentException(accepted + " (it is empty)");
                }
                continue; // a trailing ';' is harmless
            }
            int eq = e.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(accepted + " ('" + e + "' has no '=')");
            }
            String type = e.substring(0, eq).trim();
            if (!type.matches(NAME)) {
                throw new IllegalArgumentException(accepted + " (bad type name '" + type + "')");
            }
            if (type.equals(OTHER) || parsed.containsKey(type)) {
                throw new IllegalArgumentException(accepted + " (type '" + type + "' "
                        + (type.equals(OTHER) ? "is reserved" : "appears twice") + ")");
            }
            List<String> ids = new ArrayList<>();
            for (String raw : e.substring(eq + 1).split(",", -1)) {
                String id = raw.trim();
                if (!id.matches(NAME)) {
                    throw new IllegalArgumentException(accepted + " (bad plugin id '" + id + "' for type '" + type + "')");
                }
                if (!seenIds.add(id)) {
                    throw new IllegalArgumentException(accepted + " (plugin id '" + id + "' is given to two types)");
                }
                ids.add(id);
            }
            parsed.put(type, ids);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException(accepted + " (no type given)");
        }
        List<LogType> types = new ArrayList<>();
        parsed.forEach((type, ids) -> types.add(new LogType(type, ids,
                BUILT_IN.stream().filter(b -> b.name().equals(type)).map(LogType::profile).findFirst().orElse(null))));
        return new LogTypeRules(types);
    }

    /** Why {@code SIDECAR_LOG_TYPES} is not acceptable, if it is not; blank means the built-in rules. */
    public static Optional<String> problem(String spec) {
        if (spec.isBlank()) {
            return Optional.empty();
        }
        try {
            parse(spec);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    public static LogTypeRules from(Optional<String> spec) {
        return spec.filter(s -> !s.isBlank()).map(LogTypeRules::parse).orElseGet(LogTypeRules::builtIn);
    }

    public List<LogType> types() {
        return types;
    }

    /** The type a parsing plugin (input or filter) produces, by exact id. */
    public Optional<String> entryType(String pluginId) {
        return Optional.ofNullable(typeByEntryId.get(pluginId));
    }

    /**
     * The type an output forwards: its id contains the type's name as whole words, with either
     * separator ({@code splunk-gw-net-stats} forwards {@code gw_net_stats}; {@code splunk-cmdb} does not
     * forward {@code cmd}). The longest matching name wins.
     */
    public Optional<String> outputType(String outputId) {
        String id = "-" + words(outputId) + "-";
        String best = null;
        for (LogType t : types) {
            if (id.contains("-" + words(t.name()) + "-") && (best == null || t.name().length() > best.length())) {
                best = t.name();
            }
        }
        return Optional.ofNullable(best);
    }

    private static String words(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    }
}
