package io.statussidecar.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;


/**
 * The settings in force, for {@code /api/stats} and the support bundle. Secrets are shown as
 * {@code "***"} when set, so an operator can see that they are set without seeing them.
 */
@ApplicationScoped
public class EffectiveSettings {

    static final String HIDDEN = "***";

    private final Map<String, Object> described;

    @Inject
    EffectiveSettings(LogstashConfig logstash, SidecarConfig sidecar, HealthConfig health, LogProfileConfig profile,
            LogstashTarget target, @ConfigProperty(name = "quarkus.http.port") int port) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("logstashApiUrl", target.displayUrl());
        m.put("logstashLogPath", logstash.logPath().toString());
        m.put("logProfile", profile.profile());
        m.put("port", port);
        m.put("pollInterval", human(sidecar.pollInterval()));
        m.put("logstashConnectTimeout", human(logstash.connectTimeout()));
        m.put("logstashReadTimeout", human(logstash.readTimeout()));
        m.put("logstashApiUsername", logstash.apiUsername().or(target::urlUsername).orElse(null));
        m.put("logstashApiPassword", hidden(logstash.apiPassword().or(target::urlPassword)));
        m.put("logstashApiCaFile", logstash.apiCaFile().map(Object::toString).orElse(null));
        m.put("sidecarAuthUsername", sidecar.auth().username().orElse(null));
        m.put("sidecarAuthPassword", hidden(sidecar.auth().password()));
        m.put("healthUnreachableGrace", human(health.unreachableGrace()));
        m.put("healthStallPeriod", human(health.stallPeriod()));
        m.put("healthNoEventsPeriod", human(health.noEventsPeriod()));
        m.put("healthHeapPercent", health.heapPercent());
        m.put("healthWorkerUtilizationPercent", health.workerUtilizationPercent());
        m.put("sidecarLogTypes", sidecar.logTypes().orElse(null));
        m.put("sidecarMetricsMaxPlugins", sidecar.metricsMaxPlugins());
        m.put("sidecarInstanceName", sidecar.instanceName().orElse(null));
        m.put("sidecarPublicUrl", sidecar.publicUrl().orElse(null));
        m.put("sidecarNotifyUrl", sidecar.notifications().url().map(ConfigCheck::webhookDisplay).orElse(null));
        m.put("sidecarNotifyFormat", sidecar.notifications().format());
        m.put("sidecarNotifyAuthorization", hidden(sidecar.notifications().authorization()));
        m.put("sidecarNotifyMinSeverity", sidecar.notifications().minSeverity());
        m.put("sidecarNotifyHold", human(sidecar.notifications().hold()));
        m.put("sidecarNotifyRepeat", human(sidecar.notifications().repeat()));
        this.described = Collections.unmodifiableMap(m);
    }

    public Map<String, Object> describe() {
        return described;
    }

    private static String hidden(Optional<String> secret) {
        return secret.filter(s -> !s.isEmpty()).map(s -> HIDDEN).orElse(null);
    }

    /** {@code 5s}, {@code 2m}, {@code 500ms}: the form an operator would write in the variable. */
    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) {
            return ms + "ms";
        }
        long s = ms / 1000;
        if (s != 0 && s % 3600 == 0) {
            return (s / 3600) + "h";
        }
        if (s != 0 && s % 60 == 0) {
            return (s / 60) + "m";
        }
        return s + "s";
    }
}
