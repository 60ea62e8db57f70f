package io.statussidecar.health;

import com.fasterxml.jackson.annotation.JsonValue;

/** Ordered from best to worst; the overall status is the worst among the reasons. */
public enum Status {
    HEALTHY,
    DEGRADED,
    UNHEALTHY;

    @JsonValue
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
