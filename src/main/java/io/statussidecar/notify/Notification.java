package io.statussidecar.notify;

import java.time.Instant;
import java.util.List;

import io.statussidecar.health.Reason;
import io.statussidecar.health.Status;

/**
 * One message to the receiver: what happened ({@link Event}), the status and the one before it, every
 * reason (messages already through the redactor), since when the status holds and since when the one
 * before it held (null for the first). Built by
 * {@link NotifyPolicy}, rendered by {@link Payloads}.
 */
public record Notification(long id, Event event, Status status, Status previous, List<Reason> reasons,
        String logstashVersion, boolean logstashReachable, Instant since, Instant previousSince, Instant at) {

    public enum Event {
        /** The status changed (and held). */
        STATUS_CHANGED,
        /** The same status, but a different set of reason codes (held too). */
        REASONS_CHANGED,
        /** Still not healthy after SIDECAR_NOTIFY_REPEAT. */
        REPEAT,
        /** Healthy again (or below SIDECAR_NOTIFY_MIN_SEVERITY), after one of the others. */
        RESOLVED;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
