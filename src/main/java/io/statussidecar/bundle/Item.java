package io.statussidecar.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One file of the bundle as the manifest lists it: ok, failed (with why) or skipped (with why). */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Item(String path, String status, Long sizeBytes, Long tookMillis, String error) {

    static Item ok(String path, long size, long tookMillis) {
        return new Item(path, "ok", size, tookMillis, null);
    }

    static Item failed(String path, long tookMillis, String why) {
        return new Item(path, "failed", null, tookMillis, why);
    }

    static Item skipped(String path, String why) {
        return new Item(path, "skipped", null, null, why);
    }
}
