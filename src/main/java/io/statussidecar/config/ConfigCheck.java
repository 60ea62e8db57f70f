package io.statussidecar.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.statussidecar.logtypes.LogTypeRules;

/**
 * The start-up rules for the environment variables of SPEC §2, as a pure function of the environment.
 * It runs before Quarkus reads any configuration, so an operator sees one line per bad variable
 * (name, value, what is accepted) instead of a converter stack trace, and so that rules Quarkus'
 * converters do not know (positive durations, ranges, both-or-neither credentials) are enforced.
 */
public final class ConfigCheck {

    private static final Duration MAX_POLL_INTERVAL = Duration.ofHours(1);

    private ConfigCheck() {
    }

    /** One line per invalid variable; empty when the environment is acceptable. */
    public static List<String> problems(Map<String, String> env) {
        List<String> out = new ArrayList<>();
        Function<String, Optional<String>> get = name -> Optional.ofNullable(env.get(name));

        get.apply("LOGSTASH_API_URL").ifPresent(v -> httpUrl(v).ifPresent(why -> out.add(line("LOGSTASH_API_URL", v, why))));
        get.apply("LOGSTASH_LOG_PATH").ifPresent(v -> path(v).ifPresent(why -> out.add(line("LOGSTASH_LOG_PATH", v, why))));
        get.apply("PORT").ifPresent(v -> intRange(v, 1, 65535).ifPresent(why -> out.add(line("PORT", v, why))));
        get.apply("SIDECAR_POLL_INTERVAL").ifPresent(v -> pollInterval(v).ifPresent(why -> out.add(line("SIDECAR_POLL_INTERVAL", v, why))));
        for (String name : List.of("LOGSTASH_CONNECT_TIMEOUT", "LOGSTASH_READ_TIMEOUT", "HEALTH_UNREACHABLE_GRACE",
                "HEALTH_STALL_PERIOD", "HEALTH_NO_EVENTS_PERIOD")) {
            get.apply(name).ifPresent(v -> positiveDuration(v).ifPresent(why -> out.add(line(name, v, why))));
        }
        for (String name : List.of("HEALTH_HEAP_PERCENT", "HEALTH_WORKER_UTILIZATION_PERCENT")) {
            get.apply(name).ifPresent(v -> intRange(v, 1, 100).ifPresent(why -> out.add(line(name, v, why))));
        }
        get.apply("LOGSTASH_API_CA_FILE").ifPresent(v -> caFile(v).ifPresent(why -> out.add(line("LOGSTASH_API_CA_FILE", v, why))));
        get.apply("SIDECAR_LOG_TYPES").ifPresent(v -> logTypes(v).ifPresent(why -> out.add(line("SIDECAR_LOG_TYPES", v, why))));
        pair(env, "LOGSTASH_API_USERNAME", "LOGSTASH_API_PASSWORD").ifPresent(out::add);
        pair(env, "SIDECAR_AUTH_USERNAME", "SIDECAR_AUTH_PASSWORD").ifPresent(out::add);
        return out;
    }

    /**
     * Parses the duration forms Quarkus' own converter accepts (plain seconds, {@code 500ms},
     * {@code 5s}, {@code 2m}, {@code 1h}, {@code 1d}, ISO-8601), so that what passes here also
     * converts there.
     */
    public static Optional<Duration> parseDuration(String raw) {
        String v = raw.trim();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            if (v.matches("[-+]?\\d+")) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            }
            if (v.matches("[-+]?\\d+ms")) {
                return Optional.of(Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2))));
            }
            if (v.startsWith("P") || v.startsWith("p") || v.startsWith("-P") || v.startsWith("-p")) {
                return Optional.of(Duration.parse(v));
            }
            if (v.endsWith("d") || v.endsWith("D")) {
                return Optional.of(Duration.parse("P" + v));
            }
            return Optional.of(Duration.parse("PT" + v));
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static String line(String name, String value, String why) {
        return "Invalid " + name + "=\"" + printable(value) + "\": " + why;
    }

    private static String printable(String value) {
        String oneLine = value.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    private static Optional<String> httpUrl(String v) {
        String accepted = "expected an http:// or https:// URL with a host, such as http://localhost:9600";
        try {
            URI uri = new URI(v.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                return Optional.of(accepted);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                return Optional.of(accepted + " and no query or fragment");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of(accepted);
        }
    }

    private static Optional<String> path(String v) {
        if (v.isBlank()) {
            return Optional.of("expected a file path such as /var/log/logstash/logstash-plain.log");
        }
        try {
            Path.of(v);
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of("expected a file path such as /var/log/logstash/logstash-plain.log");
        }
    }

    private static Optional<String> intRange(String v, int min, int max) {
        String accepted = "expected a whole number from " + min + " to " + max;
        try {
            int n = Integer.parseInt(v.trim());
            return n < min || n > max ? Optional.of(accepted) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of(accepted);
        }
    }

    private static Optional<String> positiveDuration(String v) {
        Optional<Duration> d = parseDuration(v);
        if (d.isEmpty() || d.get().isZero() || d.get().isNegative()) {
            return Optional.of("expected a positive duration such as 500ms, 5s, 2m, 1h or PT5S");
        }
        return Optional.empty();
    }

    // The scheduler reads this value itself; it understands units (5s, 2m, PT5S) but not "ms" or a bare number.
    private static Optional<String> pollInterval(String v) {
        String accepted = "expected a whole number of seconds from 1s to 1h, such as 5s, 1m or PT10S";
        String lower = v.trim().toLowerCase(Locale.ROOT);
        if (lower.endsWith("ms") || lower.matches("[-+]?\\d+")) {
            return Optional.of(accepted);
        }
        Optional<Duration> d = parseDuration(v);
        if (d.isEmpty() || d.get().toMillis() % 1000 != 0 || d.get().getSeconds() < 1
                || d.get().compareTo(MAX_POLL_INTERVAL) > 0) {
            return Optional.of(accepted);
        }
        return Optional.empty();
    }

    private static Optional<String> logTypes(String v) {
        if (v.isBlank()) {
            return Optional.empty(); // set but empty means the built-in rules, as when unset
        }
        try {
            LogTypeRules.parse(v);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<String> caFile(String v) {
        String accepted = "expected a readable PEM file with at least one CA certificate";
        try {
            Path p = Path.of(v);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                return Optional.of(accepted + " (no readable file there)");
            }
            try (InputStream in = Files.newInputStream(p)) {
                if (CertificateFactory.getInstance("X.509").generateCertificates(in).isEmpty()) {
                    return Optional.of(accepted + " (no certificate found)");
                }
            }
            return Optional.empty();
        } catch (InvalidPathException | IOException | GeneralSecurityException e) {
            return Optional.of(accepted + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    // A username without its password (or the reverse) is a half-done secret mount; refusing it
    // beats silently running without authentication.
    private static Optional<String> pair(Map<String, String> env, String user, String password) {
        boolean hasUser = env.get(user) != null && !env.get(user).isEmpty();
        boolean hasPassword = env.get(password) != null && !env.get(password).isEmpty();
        if (hasUser && !hasPassword) {
            return Optional.of("Invalid " + user + ": it is set but " + password + " is not; set both or neither");
        }
        if (hasPassword && !hasUser) {
            return Optional.of("Invalid " + password + ": it is set but " + user + " is not; set both or neither");
        }
        if (hasUser && env.get(user).contains(":")) {
            return Optional.of(line(user, env.get(user), "expected a username without ':' (HTTP basic auth)"));
        }
        return Optional.empty();
    }
}
