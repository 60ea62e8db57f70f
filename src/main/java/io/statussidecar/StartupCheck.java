package io.statussidecar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidator;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilderCustomizer;
import io.statussidecar.config.ConfigCheck;
import io.statussidecar.logtypes.LogTypeRules;

/**
 * Runs {@link ConfigCheck} inside Quarkus' own configuration, so that a setting given as an environment
 * variable, a {@code -D} system property, in {@code .env} or in {@code application.properties} is checked
 * alike, before any bean, the scheduler or the HTTP server uses it. Registered as a service.
 * <p>
 * The interceptor sees each setting as Quarkus resolved it (profiles and expressions applied) before it
 * is converted. It stands a harmless value in for one the rules reject, so that Quarkus' converter does
 * not fail first with a message that names no variable; the validator, which SmallRye calls for every
 * config mapping once all are built, then stops start-up with the rules' lines, before anything could
 * use the stand-in.
 * <p>
 * It lives at the top of the package tree because it puts together the rules of every capability:
 * {@code config}'s own, and the formats other packages parse ({@code SIDECAR_LOG_TYPES}, {@code logtypes}).
 */
public class StartupCheck implements SmallRyeConfigBuilderCustomizer {

    /** The settings whose format a capability package parses itself. */
    public static final Map<String, ConfigCheck.Rule> OWNED = Map.of("SIDECAR_LOG_TYPES", LogTypeRules::problem);

    /** Every rule, for values that all come from the environment. */
    public static List<String> problems(Map<String, String> env) {
        return ConfigCheck.problems(env, OWNED);
    }

    private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        ConfigCheck.PROPERTIES.forEach((variable, property) -> VARIABLES.put(property, variable));
    }

    @Override
    public void configBuilder(SmallRyeConfigBuilder builder) {
        Settings settings = new Settings();
        builder.withInterceptors(settings);
        builder.withValidator(settings);
    }

    @Priority(Priorities.APPLICATION + 1000)
    static final class Settings implements ConfigSourceInterceptor, ConfigValidator {

        private volatile List<String> problems;
        private boolean reported;

        @Override
        public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
            ConfigValue value = context.proceed(name);
            String variable = VARIABLES.get(name);
            if (variable == null) {
                return value;
            }
            if (problems == null) {
                problems = ConfigCheck.problems(v -> raw(context, v), OWNED);
            }
            if (value != null && value.getValue() != null && ConfigCheck.rule(variable, value.getValue(), OWNED).isPresent()) {
                return value.withValue(standIn(variable));
            }
            return value;
        }

        /** Called for each mapping; the problems are the whole configuration's, so they are reported once. */
        @Override
        public synchronized void validateMapping(Class<?> mappingClass, String prefix, Object mappingObject) {
            List<String> found = problems;
            if (found != null && !found.isEmpty() && !reported) {
                reported = true;
                throw new ConfigValidationException(found.stream().map(ConfigValidationException.Problem::new)
                        .toArray(ConfigValidationException.Problem[]::new));
            }
        }

        /** The value Quarkus will convert, and where an operator set it when not in the variable itself. */
        private static Optional<ConfigCheck.Raw> raw(ConfigSourceInterceptorContext context, String variable) {
            String property = ConfigCheck.PROPERTIES.get(variable);
            ConfigValue resolved = context.proceed(property);
            if (resolved == null || resolved.getValue() == null) {
                return Optional.empty();
            }
            ConfigValue direct = context.proceed(variable);
            if (direct != null && resolved.getValue().equals(direct.getValue())) {
                return Optional.of(new ConfigCheck.Raw(resolved.getValue(), environment(direct) ? null : source(direct)));
            }
            if (property.startsWith("quarkus.")) {
                // Quarkus' own property set directly (quarkus.http.port=0 picks a free port): its converter rules.
                return Optional.empty();
            }
            return Optional.of(new ConfigCheck.Raw(resolved.getValue(), "as " + property + " " + source(resolved)));
        }

        // The environment itself; Quarkus names its .env file source like it, with the file behind.
        private static boolean environment(ConfigValue v) {
            return "EnvConfigSource".equals(v.getSourceName());
        }

        private static String source(ConfigValue v) {
            String s = v.getSourceName() == null ? "" : v.getSourceName();
            if (s.startsWith("SysPropConfigSource")) {
                return "given with -D";
            }
            if (s.startsWith("EnvConfigSource[source=") && s.endsWith(".env]")) {
                return "in " + s.substring("EnvConfigSource[source=".length(), s.length() - 1).replaceFirst("^file:", "");
            }
            if (s.contains("application.properties")) {
                return "in application.properties";
            }
            return "in " + s;
        }

        private static String standIn(String variable) {
            return switch (variable) {
                case "LOGSTASH_API_URL" -> "http://localhost:9600";
                case "PORT" -> "3000";
                case "HEALTH_HEAP_PERCENT", "HEALTH_WORKER_UTILIZATION_PERCENT" -> "50";
                case "SIDECAR_METRICS_MAX_PLUGINS" -> "200";
                case "SIDECAR_POLL_INTERVAL", "LOGSTASH_CONNECT_TIMEOUT", "LOGSTASH_READ_TIMEOUT", "HEALTH_UNREACHABLE_GRACE",
                        "HEALTH_STALL_PERIOD", "HEALTH_NO_EVENTS_PERIOD" -> "5s";
                case "LOGSTASH_LOG_PATH", "LOGSTASH_API_CA_FILE" -> "/";
                case "SIDECAR_NOTIFY_HOLD", "SIDECAR_NOTIFY_REPEAT" -> "1h";
                case "SIDECAR_NOTIFY_FORMAT" -> "json";
                case "SIDECAR_NOTIFY_MIN_SEVERITY" -> "degraded";
                case "SIDECAR_NOTIFY_URL", "SIDECAR_PUBLIC_URL" -> "http://localhost";
                case "SIDECAR_NOTIFY_AUTHORIZATION", "SIDECAR_INSTANCE_NAME" -> "x";
                default -> "";
            };
        }
    }
}
