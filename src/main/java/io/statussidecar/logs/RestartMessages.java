package io.statussidecar.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.statussidecar.security.Redactor;
import io.statussidecar.store.PluginRestart;

/**
 * Finds Logstash's "A plugin had an unrecoverable error. Will restart this plugin." in log lines fed
 * one at a time, in the forms its versions write (logstash-core/locales/en.yml, {@code worker-error}):
 * <ul>
 * <li>5.x–8.x plain layout: the line, then indented {@code Pipeline_id:}, {@code Plugin: <...>},
 * {@code Error:} (5.x has no Pipeline_id; 7.x+ also puts {@code [pipeline][plugin id]} before the
 * message);</li>
 * <li>the JSON layout ({@code log.format: json}) and 2.x's Ruby-hash lines: all of it on one line,
 * with {@code \n} escapes.</li>
 * </ul>
 * Not thread-safe: one follower feeds it.
 */
final class RestartMessages {

    static final String MARKER = "A plugin had an unrecoverable error. Will restart this plugin.";
    /** How many indented lines after the marker may still belong to the message. */
    static final int DETAIL_LINES = 8;
    static final int MAX_ERROR_CHARS = 300;

    /** [time][LEVEL][logger] then, from 7.x, [pipeline id][plugin id]: the plain layout's header. */
    private static final Pattern CONTEXT = Pattern.compile(
            "^\\[[^\\]]+\\]\\[\\s*[A-Z]+\\s*\\]\\[[^\\]]+\\](?:\\[([^\\]]+)\\])?(?:\\[([^\\]]+)\\])?\\s*" + Pattern.quote(MARKER));
    private static final Pattern PIPELINE = Pattern.compile("Pipeline_id:\\s*(\\S+)");
    private static final Pattern PLUGIN_ID = Pattern.compile("\\bid\\s*=>\\s*\\\\?\"([^\"\\\\]+)\\\\?\"");
    private static final Pattern PLUGIN_CLASS = Pattern.compile("Plugin:\\s*<?((?:LogStash|Java)::[A-Za-z0-9_:]+)");
    private static final Pattern ERROR = Pattern.compile("^\\s*Error:\\s*(.*)$");

    private final List<PluginRestart> found = new ArrayList<>();
    private StringBuilder pending;
    private int detailLines;
    private Instant seenAt;

    /** Whether the next line may continue a message: only then, or when it has the marker, is it decoded. */
    boolean waitingForDetails() {
        return pending != null;
    }

    void line(String line, Instant at) {
        if (line.contains(MARKER)) {
            finish();
            if (line.contains("\\n")) {
                // One line holds the whole message (JSON layout, 2.x): its escaped line breaks are real ones.
                found.add(parse(line.replace("\\n", "\n").replace("\\\"", "\""), at));
                return;
            }
            pending = new StringBuilder(line);
            detailLines = 0;
            seenAt = at;
            return;
        }
        if (pending != null) {
            boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
            if (indented && detailLines < DETAIL_LINES) {
                pending.append('\n').append(line);
                detailLines++;
            } else {
                finish();
            }
        }
    }

    /** The restarts found since the last call; a message still waiting for its details is kept. */
    List<PluginRestart> drain(boolean endOfInput) {
        if (endOfInput) {
            finish();
        }
        List<PluginRestart> out = List.copyOf(found);
        found.clear();
        return out;
    }

    private void finish() {
        if (pending != null) {
            found.add(parse(pending.toString(), seenAt));
            pending = null;
        }
    }

    static PluginRestart parse(String message, Instant at) {
        String pipeline = null;
        String pluginId = null;
        Matcher context = CONTEXT.matcher(message);
        if (context.find()) {
            pipeline = context.group(1) == null ? null : context.group(1).trim();
            pluginId = context.group(2) == null ? null : context.group(2).trim();
        }
        Matcher p = PIPELINE.matcher(message);
        if (p.find()) {
            pipeline = p.group(1);
        }
        String pluginClass = null;
        String error = null;
        for (String detail : message.split("\n")) {
            Matcher cls = PLUGIN_CLASS.matcher(detail);
            if (cls.find()) {
                pluginClass = cls.group(1);
                Matcher id = PLUGIN_ID.matcher(detail);
                if (id.find()) {
                    pluginId = id.group(1);
                }
            }
            Matcher e = ERROR.matcher(detail);
            if (e.find() && error == null) {
                String text = e.group(1).replaceAll("[\"',}]+$", "").trim();
                error = text.length() > MAX_ERROR_CHARS ? text.substring(0, MAX_ERROR_CHARS) + "…" : text;
            }
        }
        return new PluginRestart(at, pipeline, pluginId, pluginClass, error == null ? null : Redactor.text(error));
    }
}
