package io.statussidecar.notify;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.common.annotation.NonBlocking;
import io.statussidecar.config.EffectiveSettings;

/** {@code GET /api/notifications}: where notifications go and the last attempts (SPEC §15). */
@Path("/api/notifications")
public class NotificationsResource {

    /**
     * {@code target}: the receiver's scheme and host only, as the rest of a webhook URL is its secret;
     * all null with {@code enabled: false} when SIDECAR_NOTIFY_URL is unset.
     */
    @RegisterForReflection
    public record View(boolean enabled, String format, String target, String instance, String minSeverity, String hold,
            String repeat, long sent, long failed, long dropped, List<Attempt> attempts) {
    }

    @Inject
    Notifier notifier;

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public View get() {
        Delivery.Counts c = notifier.counts();
        return notifier.settings().map(s -> new View(true, s.format().json(), s.target(), s.instance(), s.minSeverity().json(),
                EffectiveSettings.human(s.hold()), s.repeat().isZero() ? "0" : EffectiveSettings.human(s.repeat()), c.sent(),
                c.failed(), c.dropped(), notifier.attempts()))
                .orElseGet(() -> new View(false, null, null, null, null, null, null, 0, 0, 0, List.of()));
    }
}
