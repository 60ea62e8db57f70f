package io.statussidecar.store;

import java.time.Duration;
import java.time.Instant;

/**
 * What the collector has done so far. {@code failingSince} is the first failed attempt of the current
 * run of failures (null while polls succeed); {@code lastError} is the reason the last attempt failed.
 */
public record CollectorStatus(
        Instant startedAt,
        long attempts,
        Instant lastAttemptAt,
        Instant lastFinishedAt,
        long lastTookMillis,
        Instant lastSuccessAt,
        String lastError,
        int consecutiveFailures,
        Instant failingSince) {

    public static CollectorStatus initial(Instant startedAt) {
        return new CollectorStatus(startedAt, 0, null, null, 0, null, null, 0, null);
    }

    CollectorStatus after(Poll poll, Instant finishedAt) {
        if (poll.ok()) {
            return new CollectorStatus(startedAt, attempts + 1, poll.at(), finishedAt, poll.tookMillis(), poll.at(), null, 0,
                    null);
        }
        return new CollectorStatus(startedAt, attempts + 1, poll.at(), finishedAt, poll.tookMillis(), lastSuccessAt,
                poll.error(), consecutiveFailures + 1, failingSince == null ? poll.at() : failingSince);
    }

    public boolean attempted() {
        return attempts > 0;
    }

    /**
     * The data on show is not current: the last attempt failed, or the collector has not finished a
     * poll for three intervals (it is stuck, or the sidecar is starved).
     */
    public boolean stale(Instant now, Duration pollInterval) {
        if (lastError != null) {
            return true;
        }
        Instant reference = lastFinishedAt != null ? lastFinishedAt : startedAt;
        return Duration.between(reference, now).compareTo(pollInterval.multipliedBy(3)) > 0;
    }
}
