package io.statussidecar.logs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Logstash log entries to keep: those at {@code level} or worse, containing {@code text}
 * (case-insensitive). Logstash's plain layout starts an entry with {@code [timestamp][LEVEL]}; lines
 * that do not (stack traces) continue the entry above them.
 */
public record LogFilter(Optional<Level> level, Optional<String> text) {

    public static final LogFilter NONE = new LogFilter(Optional.empty(), Optional.empty());

    /** From worst to most verbose; a filter keeps its level and every worse one. */
    public enum Level {
        FATAL, ERROR, WARN, INFO, DEBUG, TRACE;

        /** The levels {@code level=} accepts (FATAL and TRACE are matched, not asked for). */
        public static final List<String> ACCEPTED = List.of("ERROR", "WARN", "INFO", "DEBUG");

        public static Optional<Level> parse(String s) {
            String up = s.trim().toUpperCase(Locale.ROOT);
            return ACCEPTED.contains(up) ? Optional.of(valueOf(up)) : Optional.empty();
        }
    }

    public boolean active() {
        return level.isPresent() || text.isPresent();
    }

    /** Whether a line (its first bytes) starts an entry: {@code [yyyy-MM-ddT...}. */
    static boolean isEntryStart(byte[] b, int len) {
        if (len < 12 || b[0] != '[') {
            return false;
        }
        for (int i : new int[] { 1, 2, 3, 4, 6, 7, 9, 10 }) {
            if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return b[5] == '-' && b[8] == '-' && (b[11] == 'T' || b[11] == ' ');
    }

    /** The level of an entry's first line ({@code [ts][WARN ][logger] ...}), if it has one. */
    static Optional<Level> levelOf(byte[] b, int len) {
        int close = indexOf(b, len, (byte) ']', 0);
        if (close < 0 || close + 1 >= len || b[close + 1] != '[') {
            return Optional.empty();
        }
        int end = indexOf(b, len, (byte) ']', close + 2);
        if (end < 0) {
            return Optional.empty();
        }
        String name = new String(b, close + 2, end - close - 2, StandardCharsets.US_ASCII).trim();
        try {
            return Optional.of(Level.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean levelMatches(Optional<Level> entryLevel) {
        return level.isEmpty() || entryLevel.isPresent() && entryLevel.get().ordinal() <= level.get().ordinal();
    }

    boolean textMatches(byte[] b, int len) {
        if (text.isEmpty()) {
            return true;
        }
        // Case-insensitive on ASCII; the needle is compared byte by byte with the line as it is.
        byte[] needle = text.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                byte c = b[i + j];
                if (c >= 'A' && c <= 'Z') {
                    c = (byte) (c + 32);
                }
                if (c != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The same test on decoded text: what a line will look like once redacted. */
    boolean textMatches(CharSequence line) {
        return text.isEmpty() || line.toString().toLowerCase(Locale.ROOT).contains(text.get().toLowerCase(Locale.ROOT));
    }

    private static int indexOf(byte[] b, int len, byte c, int from) {
        for (int i = from; i < len; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
