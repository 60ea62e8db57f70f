package io.statussidecar.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.inject.Singleton;

/**
 * Replaces the wall clock in tests (the production clock is a default bean), so that tests move time
 * instead of sleeping. It follows the system clock until a test sets it.
 */
@Singleton
public class MutableClock extends Clock {

    private volatile Instant fixed;

    public synchronized Instant set(Instant instant) {
        fixed = instant;
        return instant;
    }

    public synchronized Instant advance(Duration d) {
        fixed = instant().plus(d);
        return fixed;
    }

    /** Back to the system clock. */
    public void release() {
        fixed = null;
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f != null ? f : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
