package io.statussidecar.notify;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One entry of {@code /api/notifications}: a try to deliver a notification ({@code sent} or
 * {@code failed}), or a notification given up ({@code dropped}: superseded by a newer one, refused
 * with a 4xx, or still failing after an hour). {@code detail} is what the receiver said or why nothing
 * came, redacted; {@code retryInSeconds} is when the next try goes when one will.
 */
@RegisterForReflection
public record Attempt(Instant at, long notification, String event, String status, String previous, String outcome,
        int attempt, Integer httpStatus, String detail, Long retryInSeconds) {
}
