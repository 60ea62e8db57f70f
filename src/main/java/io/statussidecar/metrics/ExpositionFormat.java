package io.statussidecar.metrics;

import java.util.Locale;

/**
 * Which exposition format a scrape gets, from its {@code Accept} header as RFC 9110 reads it: the
 * format of the highest q-value wins; a format named outright beats one reached by a wildcard at the
 * same q-value; between two named at the same q-value, the first listed wins. {@code *}{@code /*}
 * alone, {@code text/plain}, a browser's header and a missing one get the text format 0.0.4; an
 * {@code Accept} that names neither format still gets it, never a 406 (SPEC §3).
 * <p>
 * Prometheus sends its preference with q-values (2.x: OpenMetrics 1.0.0 first, text 0.0.4 after; 3.x
 * adds {@code escaping=} and text 1.0.0), so it gets OpenMetrics, as it asks.
 */
public enum ExpositionFormat {

    TEXT("text/plain; version=0.0.4; charset=utf-8"),
    OPENMETRICS("application/openmetrics-text; version=1.0.0; charset=utf-8");

    private final String contentType;

    ExpositionFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    public static ExpositionFormat negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return TEXT;
        }
        ExpositionFormat best = TEXT;
        double bestQ = -1;
        int bestSpecificity = -1;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                if (p.length() > 2 && p.substring(0, 2).equalsIgnoreCase("q=")) {
                    q = quality(p.substring(2).trim());
                }
            }
            ExpositionFormat format;
            int specificity;
            switch (type) {
                case "application/openmetrics-text" -> { format = OPENMETRICS; specificity = 2; }
                case "text/plain" -> { format = TEXT; specificity = 2; }
                case "application/*" -> { format = OPENMETRICS; specificity = 1; }
                case "text/*", "*/*" -> { format = TEXT; specificity = type.equals("*/*") ? 0 : 1; }
                default -> { continue; }
            }
            if (q > 0 && (q > bestQ || q == bestQ && specificity > bestSpecificity)) {
                best = format;
                bestQ = q;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    /** A q-value as RFC 9110 writes it (0 to 1, three decimals at most); anything else counts as 1. */
    private static double quality(String raw) {
        try {
            double q = Double.parseDouble(raw);
            return q >= 0 && q <= 1 ? q : 1;
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
