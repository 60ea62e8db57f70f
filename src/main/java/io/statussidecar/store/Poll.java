package io.statussidecar.store;

import java.time.Instant;

/**
 * The outcome of one collector run: a snapshot and its history sample, or the reason it failed.
 * {@code sample} holds one value per {@link Series} (NaN where unknown).
 */
public record Poll(Instant at, long tookMillis, Snapshot snapshot, double[] sample, String error) {

    public static Poll success(Instant at, long tookMillis, Snapshot snapshot, double[] sample) {
        return new Poll(at, tookMillis, snapshot, sample, null);
    }

    public static Poll failure(Instant at, long tookMillis, String error) {
        return new Poll(at, tookMillis, null, null, error);
    }

    public boolean ok() {
        return snapshot != null;
    }
}
