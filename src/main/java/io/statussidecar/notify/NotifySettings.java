package io.statussidecar.notify;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.statussidecar.config.ConfigCheck;
import io.statussidecar.config.SidecarConfig;
import io.statussidecar.health.Status;

/**
 * Where and how notifications go, from SIDECAR_NOTIFY_* (SPEC §15), checked at start-up by
 * {@link ConfigCheck}. {@code authorization} is an {@code Authorization} header, except for PagerDuty,
 * whose Events API takes the integration key inside the event as {@code routing_key}.
 */
public record NotifySettings(URI url, NotifyFormat format, Optional<String> authorization, Status minSeverity,
        Duration hold, Duration repeat, String instance, Optional<String> publicUrl) {

    /** Empty when SIDECAR_NOTIFY_URL is unset: notifications are off. */
    public static Optional<NotifySettings> of(SidecarConfig config) {
        SidecarConfig.Notify n = config.notifications();
        return n.url().filter(u -> !u.isBlank()).map(url -> new NotifySettings(URI.create(url.trim()), NotifyFormat.of(n.format()),
                n.authorization().filter(a -> !a.isBlank()).map(String::trim),
                Status.valueOf(n.minSeverity().trim().toUpperCase(Locale.ROOT)), n.hold(), n.repeat(),
                config.instanceName().filter(s -> !s.isBlank()).map(String::trim).orElseGet(NotifySettings::hostName),
                config.publicUrl().filter(s -> !s.isBlank()).map(String::trim)));
    }

    /** The receiver as it may be shown or logged: the rest of a webhook URL is its secret. */
    public String target() {
        return ConfigCheck.webhookDisplay(url.toString());
    }

    // Containers set HOSTNAME (the pod's or the container's name); the resolver is the fallback.
    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "status-sidecar";
        }
    }

    @Override
    public String toString() {
        // A record's own toString would print the URL and the authorization.
        return format.json() + " to " + target();
    }
}
