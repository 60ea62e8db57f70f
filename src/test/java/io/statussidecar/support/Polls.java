package io.statussidecar.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.statussidecar.collect.Collector;
import io.statussidecar.store.Poll;

/**
 * Drives the collector the way the scheduler would, on the test clock: each poll happens "now" and
 * then time moves on by one interval. Every test starts in a fresh month of its own, so history
 * recorded by earlier tests in the same application is outside the ranges it reads.
 */
@ApplicationScoped
public class Polls {

    public static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final AtomicLong EPOCHS = new AtomicLong();

    @Inject
    Collector collector;

    @Inject
    MutableClock clock;

    public Instant freshStart() {
        return clock.set(Instant.parse("2031-01-01T00:00:00Z").plus(Duration.ofDays(31 * EPOCHS.incrementAndGet())));
    }

    public Poll poll() {
        Poll poll = collector.pollOnce(clock.instant());
        clock.advance(INTERVAL);
        return poll;
    }

    /**
     * {@code seconds} seconds of a sidecar polling every second, {@code each} run after every poll (the
     * notifier's check: it reads the verdict every second).
     */
    public void everySecond(int seconds, Runnable each) {
        for (int i = 0; i < seconds; i++) {
            collector.pollOnce(clock.instant());
            each.run();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    /** Time passes without a poll. */
    public void advance(Duration d) {
        clock.advance(d);
    }

    public void poll(int times) {
        for (int i = 0; i < times; i++) {
            poll();
        }
    }
}
