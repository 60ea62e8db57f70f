package io.statussidecar.api;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.UriInfo;

/** Reading query parameters strictly, and quoting what a client sent back to it in an error message. */
final class Requests {

    private static final int MAX_ECHO = 64;

    private Requests() {
    }

    /**
     * The one value of a query parameter, if present. {@code ?x=} and {@code ?x} are present with an
     * empty value (the framework would turn them into "absent"); a repeated parameter is ambiguous.
     */
    static Optional<String> single(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw ApiException.badRequest("invalid_" + name, "give " + name + " once, not " + values.size() + " times");
        }
        return Optional.of(values.get(0));
    }

    /** The value as sent, shortened and without control characters, so an error body stays one short line. */
    static String echo(String value) {
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > MAX_ECHO ? clean.substring(0, MAX_ECHO) + "..." : clean;
    }
}
