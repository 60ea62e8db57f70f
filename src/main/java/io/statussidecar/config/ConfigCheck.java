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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.quarkus.runtime.configuration.DurationConverter;

/**
 * The rules for the settings of SPEC §2, as a pure function of their raw values. {@link StartupCheck}
 * feeds it the values Quarkus resolved from every configuration source (environment, {@code -D},
 * {@code .env}, {@code application.properties}), so an operator sees one line per bad setting (its
 * environment variable, the value, what is accepted) instead of a converter's stack trace, and rules
 * Quarkus' converters do not know (positive durations, ranges, both-or-neither credentials) hold.
 * A setting whose format belongs to another capability (the log-type rules) is checked by that
 * capability's own parser, handed in as a {@link Rule} by the application's start-up
 * ({@code io.statussidecar.StartupCheck}), so this ground floor depends on no package above it.
 */
public final class ConfigCheck {

    private static final Duration MAX_POLL_INTERVAL = Duration.ofHours(1);

    /** The environment variables of SPEC §2 and the configuration properties Quarkus maps them onto. */
    public static final Map<String, String> PROPERTIES = orderedMap(
            "LOGSTASH_API_URL", "logstash.api-url",
            "LOGSTASH_LOG_PATH", "logstash.log-path",
            "LOG_PROFILE", "log.profile",
            "PORT", "quarkus.http.port",
            "SIDECAR_POLL_INTERVAL", "sidecar.poll-interval",
            "LOGSTASH_CONNECT_TIMEOUT", "logstash.connect-timeout",
            "LOGSTASH_READ_TIMEOUT", "logstash.read-timeout",
            "LOGSTASH_API_USERNAME", "logstash.api-username",
            "LOGSTASH_API_PASSWORD", "logstash.api-password",
            "LOGSTASH_API_CA_FILE", "logstash.api-ca-file",
            "SIDECAR_AUTH_USERNAME", "sidecar.auth.username",
            "SIDECAR_AUTH_PASSWORD", "sidecar.auth.password",
            "HEALTH_UNREACHABLE_GRACE", "health.unreachable-grace",
            "HEALTH_STALL_PERIOD", "health.stall-period",
            "HEALTH_NO_EVENTS_PERIOD", "health.no-events-period",
            "HEALTH_HEAP_PERCENT", "health.heap-percent",
            "HEALTH_WORKER_UTILIZATION_PERCENT", "health.worker-utilization-percent",
            "SIDECAR_LOG_TYPES", "sidecar.log-types",
            "SIDECAR_METRICS_MAX_PLUGINS", "sidecar.metrics-max-plugins");

    private ConfigCheck() {
    }

    /**
     * A setting's value as configured, and where it came from when that is not the environment
     * variable itself (null then), so that a line can say where to fix it.
     */
    public record Raw(String value, String origin) {
    }

    /** Why a value is not acceptable, if it is not: a check another package owns. */
    @FunctionalInterface
    public interface Rule {
        Optional<String> problem(String value);
    }

    /** For values that all come from the environment. */
    public static List<String> problems(Map<String, String> env, Map<String, Rule> owned) {
        return problems(name -> Optional.ofNullable(env.get(name)).map(v -> new Raw(v, null)), owned);
    }

    /**
     * One line per invalid setting, in the order of {@link #PROPERTIES}; empty when all are acceptable.
     * {@code owned} holds the rules of settings whose format another package parses.
     */
    public static List<String> problems(Function<String, Optional<Raw>> byVariable, Map<String, Rule> owned) {
        List<String> out = new ArrayList<>();
        for (String name : PROPERTIES.keySet()) {
            byVariable.apply(name).ifPresent(raw -> rule(name, raw.value(), owned).ifPresent(why -> out.add(line(name, raw, why))));
        }
        pair(byVariable, "LOGSTASH_API_USERNAME", "LOGSTASH_API_PASSWORD").ifPresent(out::add);
        pair(byVariable, "SIDECAR_AUTH_USERNAME", "SIDECAR_AUTH_PASSWORD").ifPresent(out::add);
        return out;
    }

    /** Why one value is not acceptable for the variable, if it is not; rules across variables aside. */
    public static Optional<String> rule(String name, String v, Map<String, Rule> owned) {
        Rule other = owned.get(name);
        if (other != null) {
            return other.problem(v);
        }
        return switch (name) {
            case "LOGSTASH_API_URL" -> httpUrl(v);
            case "LOGSTASH_LOG_PATH" -> path(v);
            case "PORT" -> intRange(v, 1, 65535);
            case "SIDECAR_POLL_INTERVAL" -> pollInterval(v);
            case "LOGSTASH_CONNECT_TIMEOUT", "LOGSTASH_READ_TIMEOUT", "HEALTH_UNREACHABLE_GRACE", "HEALTH_STALL_PERIOD",
                    "HEALTH_NO_EVENTS_PERIOD" -> positiveDuration(v);
            case "HEALTH_HEAP_PERCENT", "HEALTH_WORKER_UTILIZATION_PERCENT" -> intRange(v, 1, 100);
            // Each plugin series costs every Prometheus server that scrapes the fleet; 10 000 is far past useful.
            case "SIDECAR_METRICS_MAX_PLUGINS" -> intRange(v, 0, 10_000);
            case "LOGSTASH_API_CA_FILE" -> caFile(v);
            case "LOGSTASH_API_USERNAME", "SIDECAR_AUTH_USERNAME" -> username(v);
            default -> Optional.empty();
        };
    }

    /** Durations as Quarkus' own converter reads them (plain seconds, {@code 500ms}, {@code 5s}, ISO-8601). */
    public static Optional<Duration> parseDuration(String raw) {
        if (raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationConverter.parseDuration(raw.trim()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String line(String name, Raw raw, String why) {
        String where = raw.origin() == null ? "" : " (" + raw.origin() + ")";
        return "Invalid " + name + "=\"" + printable(name, raw.value()) + "\"" + where + ": " + why;
    }

    // A URL may carry a password (user:password@host); it is shown as *** like every secret.
    private static String printable(String name, String value) {
        String shown = name.equals("LOGSTASH_API_URL") ? value.replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@") : value;
        String oneLine = shown.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }

    @SafeVarargs
    private static <T> Map<T, T> orderedMap(T... keysAndValues) {
        Map<T, T> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
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

    private static Optional<String> username(String v) {
        return v.contains(":") ? Optional.of("expected a username without ':' (HTTP basic auth)") : Optional.empty();
    }

    // A username without its password (or the reverse) is a half-done secret mount; refusing it
    // beats silently running without authentication.
    private static Optional<String> pair(Function<String, Optional<Raw>> byVariable, String user, String password) {
        boolean hasUser = byVariable.apply(user).filter(r -> !r.value().isEmpty()).isPresent();
        boolean hasPassword = byVariable.apply(password).filter(r -> !r.value().isEmpty()).isPresent();
        if (hasUser && !hasPassword) {
            return Optional.of("Invalid " + user + ": it is set but " + password + " is not; set both or neither");
        }
        if (hasPassword && !hasUser) {
            return Optional.of("Invalid " + password + ": it is set but " + user + " is not; set both or neither");
        }
        return Optional.empty();
    }
}
