package io.statussidecar.store;

import java.time.Duration;

/**
 * The three resolutions of SPEC §4: poll steps for the last hour, one-minute steps for a day,
 * ten-minute steps for a week. Sizes are fixed when the sidecar starts.
 */
public final class History {

    static final Duration POLL_SPAN = Duration.ofHours(1);
    static final int MINUTE_STEPS = 24 * 60;
    static final int TEN_MINUTE_STEPS = 7 * 24 * 6;

    private final Duration pollInterval;
    private final HistoryRing polls;
    private final HistoryRing minutes;
    private final HistoryRing tenMinutes;
    private long lastSuccessSequence = -1;
    private long lastSuccessMillis;

    public History(Duration pollInterval, boolean[] gauge) {
        this.pollInterval = pollInterval;
        int pollSteps = (int) Math.max(1, (POLL_SPAN.toMillis() + pollInterval.toMillis() - 1) / pollInterval.toMillis());
        this.polls = HistoryRing.perPoll(pollSteps, gauge);
        this.minutes = HistoryRing.perStep(MINUTE_STEPS, Duration.ofMinutes(1).toMillis(), gauge);
        this.tenMinutes = HistoryRing.perStep(TEN_MINUTE_STEPS, Duration.ofMinutes(10).toMillis(), gauge);
    }

    /** Records a poll: {@code values} null for a failed one. Called by one writer at a time. */
    public void record(long pollSequence, long timeMillis, double[] values) {
        if (values == null) {
            polls.record(pollSequence, timeMillis, null);
            minutes.record(pollSequence, timeMillis, null);
            tenMinutes.record(pollSequence, timeMillis, null);
            return;
        }
        polls.record(pollSequence, timeMillis, values, lastSuccessSequence, lastSuccessMillis);
        minutes.record(pollSequence, timeMillis, values, lastSuccessSequence, lastSuccessMillis);
        tenMinutes.record(pollSequence, timeMillis, values, lastSuccessSequence, lastSuccessMillis);
        lastSuccessSequence = pollSequence;
        lastSuccessMillis = timeMillis;
    }

    /** The steps of {@code range} that end at {@code nowMillis}, and the step length in seconds. */
    public Read read(HistoryRange range, long nowMillis) {
        HistoryRing ring = ring(range.resolution());
        long step = ring.stepMillis() == 0 ? pollInterval.toMillis() : ring.stepMillis();
        // A poll belongs to the range when it happened within it; a wall-clock step when any part of it does.
        long after = nowMillis - range.span().toMillis() - ring.stepMillis();
        return new Read(step / 1000, ring.read(after));
    }

    public HistoryRing ring(HistoryRange.Resolution resolution) {
        return switch (resolution) {
            case POLL -> polls;
            case MINUTE -> minutes;
            case TEN_MINUTES -> tenMinutes;
        };
    }

    public record Read(long stepSeconds, HistoryRing.Window window) {
    }
}
