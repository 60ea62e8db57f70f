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
            "SIDECAR_METRICS_MAX_PLUGINS", "sidecar.metrics-max-plugins",
            "SIDECAR_INSTANCE_NAME", "sidecar.instance-name",
            "SIDECAR_PUBLIC_URL", "sidecar.public-url",
            "SIDECAR_NOTIFY_URL", "sidecar.notify.url",
            "SIDECAR_NOTIFY_FORMAT", "sidecar.notify.format",
            "SIDECAR_NOTIFY_AUTHORIZATION", "sidecar.notify.authorization",
            "SIDECAR_NOTIFY_MIN_SEVERITY", "sidecar.notify.min-severity",
            "SIDECAR_NOTIFY_HOLD", "sidecar.notify.hold",
            "SIDECAR_NOTIFY_REPEAT", "sidecar.notify.repeat");

    /** The formats of SIDECAR_NOTIFY_FORMAT, as an operator writes them. */
    public static final List<String> NOTIFY_FORMATS = List.of("json", "slack", "teams", "pagerduty");
    private static final Duration MAX_HOLD = Duration.ofHours(24);
    // Faster than this, a reminder is noise; the services rate-limit a webhook to about one message a second.
    private static final Duration MIN_REPEAT = Duration.ofMinutes(1);
    private static final int MAX_INSTANCE_NAME = 200;
    /** A URL's scheme, credentials (left out), host and port: what of a webhook URL may be shown. */
    private static final java.util.regex.Pattern URL_HEAD = java.util.regex.Pattern.compile(
            "^([a-zA-Z][a-zA-Z0-9+.-]*://)(?:[^/?#@]*@)?([^/?#:@]*)(:\\d+)?");

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
        pagerDutyKey(byVariable).ifPresent(out::add);
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
            case "SIDECAR_NOTIFY_URL" -> webhookUrl(v);
            case "SIDECAR_PUBLIC_URL" -> publicUrl(v);
            case "SIDECAR_NOTIFY_FORMAT" -> oneOf(v, NOTIFY_FORMATS);
            case "SIDECAR_NOTIFY_MIN_SEVERITY" -> oneOf(v, List.of("degraded", "unhealthy"));
            case "SIDECAR_NOTIFY_HOLD" -> hold(v);
            case "SIDECAR_NOTIFY_REPEAT" -> repeat(v);
            case "SIDECAR_NOTIFY_AUTHORIZATION" -> headerValue(v);
            case "SIDECAR_INSTANCE_NAME" -> instanceName(v);
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

    // A URL may carry a password (user:password@host); it is shown as *** like every secret. A webhook's
    // URL is itself the secret (Slack's path, Teams' sig=): only its scheme and host are shown.
    private static String printable(String name, String value) {
        if (name.equals("SIDECAR_NOTIFY_AUTHORIZATION")) {
            return "***";
        }
        if (name.equals("SIDECAR_NOTIFY_URL")) {
            return webhookDisplay(value);
        }
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

    /** The value as an http(s) URI with a host, if it is one. */
    private static Optional<URI> httpUri(String v) {
        try {
            URI uri = new URI(v.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> httpUrl(String v) {
        String accepted = "expected an http:// or https:// URL with a host, such as http://localhost:9600";
        return httpUri(v).map(uri -> uri.getRawQuery() != null || uri.getRawFragment() != null
                ? Optional.of(accepted + " and no query or fragment") : Optional.<String>empty()).orElse(Optional.of(accepted));
    }

    /**
     * A webhook URL as it may be shown: scheme and host, the rest (the secret part) as {@code ***}.
     * The one place that decides it, for start-up lines, {@code /api/stats} and the notifier's log.
     */
    public static String webhookDisplay(String url) {
        java.util.regex.Matcher m = URL_HEAD.matcher(url.trim());
        if (!m.find() || m.group(2).isEmpty()) {
            return "***";
        }
        String port = m.group(3) == null ? "" : m.group(3);
        boolean more = url.trim().length() > m.end();
        return m.group(1) + m.group(2).replaceAll("\\p{Cntrl}", "?") + port + (more ? "/***" : "");
    }

    private static Optional<String> webhookUrl(String v) {
        String accepted = "expected the http:// or https:// URL of the webhook, such as https://hooks.slack.com/services/...";
        // Credentials belong in SIDECAR_NOTIFY_AUTHORIZATION, where they are never shown or logged.
        return httpUri(v).map(uri -> uri.getRawUserInfo() != null
                ? Optional.of(accepted + ", without user:password@ (use SIDECAR_NOTIFY_AUTHORIZATION)") : Optional.<String>empty())
                .orElse(Optional.of(accepted));
    }

    private static Optional<String> publicUrl(String v) {
        String accepted = "expected the dashboard's http:// or https:// address as people reach it, "
                + "such as https://logstash-7.example.com/";
        return httpUri(v).filter(uri -> uri.getRawUserInfo() == null).isPresent() ? Optional.empty() : Optional.of(accepted);
    }

    private static Optional<String> oneOf(String v, List<String> accepted) {
        return accepted.contains(v.trim().toLowerCase(Locale.ROOT)) ? Optional.empty()
                : Optional.of("expected one of " + String.join(", ", accepted));
    }

    private static Optional<String> hold(String v) {
        Optional<Duration> d = parseDuration(v);
        return d.isEmpty() || d.get().isNegative() || d.get().compareTo(MAX_HOLD) > 0
                ? Optional.of("expected a duration from 0s to 24h, such as 30s, 1m or 5m") : Optional.empty();
    }

    private static Optional<String> repeat(String v) {
        Optional<Duration> d = parseDuration(v);
        return d.isEmpty() || d.get().isNegative() || !d.get().isZero() && d.get().compareTo(MIN_REPEAT) < 0
                ? Optional.of("expected 0 (never) or a duration of at least 1m, such as 30m, 4h or 1d") : Optional.empty();
    }

    // A line break in a header value would let the value write headers of its own.
    private static Optional<String> headerValue(String v) {
        return v.isBlank() || v.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)
                ? Optional.of("expected one line of text, such as \"Bearer <token>\" or a PagerDuty integration key")
                : Optional.empty();
    }

    private static Optional<String> instanceName(String v) {
        return v.isBlank() || v.length() > MAX_INSTANCE_NAME || v.chars().anyMatch(Character::isISOControl)
                ? Optional.of("expected a name of 1 to " + MAX_INSTANCE_NAME + " characters on one line, such as logstash-eu-1")
                : Optional.empty();
    }

    // PagerDuty's Events API takes the integration key in the event itself; without it every event is refused.
    private static Optional<String> pagerDutyKey(Function<String, Optional<Raw>> byVariable) {
        boolean pagerDuty = byVariable.apply("SIDECAR_NOTIFY_FORMAT").filter(r -> r.value().trim().equalsIgnoreCase("pagerduty"))
                .isPresent();
        boolean hasKey = byVariable.apply("SIDECAR_NOTIFY_AUTHORIZATION").filter(r -> !r.value().isBlank()).isPresent();
        if (pagerDuty && !hasKey) {
            return Optional.of("Invalid SIDECAR_NOTIFY_FORMAT=\"pagerduty\": it needs SIDECAR_NOTIFY_AUTHORIZATION set to the "
                    + "service's integration key (Events API v2)");
        }
        return Optional.empty();
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
