package io.statussidecar.http;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.UriInfo;

/** Reading query parameters strictly, and quoting what a client sent back to it in an error message. */
public final class Requests {

    private static final int MAX_ECHO = 64;

    private Requests() {
    }

    /**
     * The one value of a query parameter, if present. {@code ?x=} and {@code ?x} are present with an
     * empty value (the framework would turn them into "absent"); a repeated parameter is ambiguous.
     */
    public static Optional<String> single(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("invalid_" + name, "give " + name + " once, not " + values.size() + " times");
        }
        return Optional.of(values.get(0));
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when the parameter is absent. */
    public static int intParam(UriInfo uri, String name, int fallback, int min, int max) {
        Optional<String> raw = single(uri, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw.get().trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("invalid_" + name, name + " must be a whole number from " + min + " to " + max
                + "; got \"" + echo(raw.get()) + "\"");
    }

    /** {@code true} or {@code false} (any case), or {@code fallback} when absent. */
    public static boolean boolParam(UriInfo uri, String name, boolean fallback) {
        Optional<String> raw = single(uri, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        if (raw.get().equalsIgnoreCase("true")) {
            return true;
        }
        if (raw.get().equalsIgnoreCase("false")) {
            return false;
        }
        throw ApiException.badRequest("invalid_" + name, name + " must be true or false; got \"" + echo(raw.get()) + "\"");
    }

    /** The value as sent, shortened and without control characters, so an error body stays one short line. */
    public static String echo(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_ECHO ? clean.substring(0, MAX_ECHO) + "..." : clean;
    }
}
