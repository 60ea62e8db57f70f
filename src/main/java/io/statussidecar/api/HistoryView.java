package io.statussidecar.api;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code GET /api/history}: equal-length columns, oldest first, {@code null} for a gap;
 * {@code logTypes} holds each type's events per step.
 */
@RegisterForReflection
public record HistoryView(String range, long stepSeconds, long[] timestamps, Map<String, List<Double>> series,
        Map<String, List<Double>> logTypes) {
}
