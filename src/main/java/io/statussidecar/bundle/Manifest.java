package io.statussidecar.bundle;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code manifest.json}: what the bundle holds and what could not be collected. */
@RegisterForReflection
public record Manifest(String sidecarVersion, Instant createdAt, String logstashUrl, List<Item> items) {
}
