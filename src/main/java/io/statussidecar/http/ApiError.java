package io.statussidecar.http;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The one error body of {@code /api/*} (SPEC §3). */
@RegisterForReflection
public record ApiError(String error, String message) {
}
