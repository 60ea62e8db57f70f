package io.statussidecar.logtypes;

import java.util.List;

/**
 * An Aviatrix log type: the ids of the plugins that parse it, and the {@code LOG_PROFILE} it belongs
 * to ({@code security}, {@code networking}, or null for a type only {@code all} forwards).
 */
public record LogType(String name, List<String> entryIds, String profile) {

    public LogType {
        entryIds = List.copyOf(entryIds);
    }
}
