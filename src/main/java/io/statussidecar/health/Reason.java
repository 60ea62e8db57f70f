package io.statussidecar.health;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why the status is not healthy: a stable code (SPEC §5), its severity, and what an operator can do. */
@RegisterForReflection
public record Reason(String code, Status severity, String message) {
}
