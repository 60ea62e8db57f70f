package io.statussidecar.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ranges {@code /api/history} accepts, each read from the finest resolution that covers it (SPEC §4). */
public enum HistoryRange {
    M5("5m", Duration.ofMinutes(5), Resolution.POLL),
    M15("15m", Duration.ofMinutes(15), Resolution.POLL),
    H1("1h", Duration.ofHours(1), Resolution.POLL),
    H6("6h", Duration.ofHours(6), Resolution.MINUTE),
    H12("12h", Duration.ofHours(12), Resolution.MINUTE),
    H24("24h", Duration.ofHours(24), Resolution.MINUTE),
    D7("7d", Duration.ofDays(7), Resolution.TEN_MINUTES);

    public enum Resolution {
        POLL,
        MINUTE,
        TEN_MINUTES
    }

    private final String label;
    private final Duration span;
    private final Resolution resolution;

    HistoryRange(String label, Duration span, Resolution resolution) {
        this.label = label;
        this.span = span;
        this.resolution = resolution;
    }

    public static Optional<HistoryRange> parse(String label) {
        return Arrays.stream(values()).filter(r -> r.label.equals(label)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(HistoryRange::label).toList();
    }

    public String label() {
        return label;
    }

    public Duration span() {
        return span;
    }

    public Resolution resolution() {
        return resolution;
    }
}
