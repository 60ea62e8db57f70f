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
        Instant lastSuccessAt,
        String lastError,
        String lastErrorSummary,
        int consecutiveFailures,
        Instant failingSince) {

    public static CollectorStatus initial(Instant startedAt) {
        return new CollectorStatus(startedAt, 0, null, null, null, null, null, 0, null);
    }

    CollectorStatus after(Poll poll, Instant finishedAt) {
        if (poll.ok()) {
            return new CollectorStatus(startedAt, attempts + 1, poll.at(), finishedAt, poll.at(), null, null, 0, null);
        }
        return new CollectorStatus(startedAt, attempts + 1, poll.at(), finishedAt, lastSuccessAt,
                poll.error(), poll.errorSummary(), consecutiveFailures + 1, failingSince == null ? poll.at() : failingSince);
    }

    public boolean attempted() {
        return attempts > 0;
    }

    /** The collector has not finished a poll for longer than {@code stuckAfter}: it is stuck or starved. */
    public boolean stuck(Instant now, Duration stuckAfter) {
        Instant reference = lastFinishedAt != null ? lastFinishedAt : startedAt;
        return Duration.between(reference, now).compareTo(stuckAfter) > 0;
    }

    /** The data on show is not current: the last attempt failed, or the collector is stuck. */
    public boolean stale(Instant now, Duration stuckAfter) {
        return lastError != null || stuck(now, stuckAfter);
    }
}
