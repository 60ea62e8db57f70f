package io.statussidecar.notify;

import java.util.Locale;

/** SIDECAR_NOTIFY_FORMAT: what the receiver takes (SPEC §15). */
public enum NotifyFormat {
    /** The sidecar's own document, {@link Payloads#VERSION}. */
    JSON,
    /** A Slack incoming webhook. */
    SLACK,
    /** A Microsoft Teams Workflows webhook, which takes Adaptive Cards only. */
    TEAMS,
    /** PagerDuty Events API v2. */
    PAGERDUTY;

    /** ConfigCheck has accepted the value already. */
    static NotifyFormat of(String configured) {
        return valueOf(configured.trim().toUpperCase(Locale.ROOT));
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
