package io.statussidecar.logtypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log-type rules and profile in force, and the breakdown of a poll's plugins by type. Plugins are
 * rediscovered at every poll, so a changed Logstash configuration needs no sidecar restart.
 */
public class LogTypes {

    private final LogTypeRules rules;
    private final LogProfile profile;

    public LogTypes(LogTypeRules rules, String profile) {
        this.rules = rules;
        this.profile = LogProfile.of(profile, rules);
    }

    public LogTypeRules rules() {
        return rules;
    }

    public LogProfile profile() {
        return profile;
    }

    /** The type of one plugin: its entry type, the type its output forwards, or {@code other}. */
    public String typeOf(String pluginId, String pluginType) {
        if (pluginType.equals("output")) {
            return rules.outputType(pluginId).orElse(LogTypeRules.OTHER);
        }
        if (pluginType.equals("codec")) {
            return LogTypeRules.OTHER;
        }
        return rules.entryType(pluginId).orElse(LogTypeRules.OTHER);
    }

    /** A plugin as the breakdown needs it. */
    public record PluginCount(String id, String pluginType, Long out) {
    }

    /** Sums the plugins of all user pipelines by type, in the order of the rules. */
    public List<LogTypeStats> breakdown(List<PluginCount> plugins) {
        Map<String, Long> events = new LinkedHashMap<>();
        Map<String, Long> forwarded = new LinkedHashMap<>();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        rules.types().forEach(t -> ids.put(t.name(), new ArrayList<>()));
        for (PluginCount p : plugins) {
            String type = typeOf(p.id(), p.pluginType());
            if (type.equals(LogTypeRules.OTHER)) {
                continue;
            }
            if (!ids.get(type).contains(p.id())) {
                ids.get(type).add(p.id());
            }
            Map<String, Long> target = p.pluginType().equals("output") ? forwarded : events;
            if (p.out() != null) {
                target.merge(type, p.out(), Long::sum);
            }
        }
        List<LogTypeStats> out = new ArrayList<>(rules.types().size());
        for (LogType t : rules.types()) {
            out.add(new LogTypeStats(t.name(), events.get(t.name()), forwarded.get(t.name()), profile.forwards(t.name()),
                    List.copyOf(ids.get(t.name()))));
        }
        return out;
    }
}
