package io.statussidecar.api;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * "One at a time, a second concurrent request gets 429" for endpoints that make Logstash or the
 * sidecar do heavy work. A holder that never leaves (a streamed answer whose client vanished before
 * it was written) frees the slot after {@code maxHold}, so it cannot block the endpoint for good.
 */
public final class SingleFlight {

    private final AtomicLong heldSince = new AtomicLong();
    private final Duration maxHold;
    private final String busyMessage;

    public SingleFlight(Duration maxHold, String busyMessage) {
        this.maxHold = maxHold;
        this.busyMessage = busyMessage;
    }

    /** Takes the slot, or answers 429. Hand the returned ticket to {@link #leave(long)}. */
    public long enter() {
        long now = System.nanoTime();
        long since = heldSince.get();
        boolean free = since == 0 || now - since > maxHold.toNanos();
        if (!free || !heldSince.compareAndSet(since, now)) {
            throw new ApiException(429, "busy", busyMessage);
        }
        return now;
    }

    /** Frees the slot, unless it already went to someone else after {@code maxHold}. */
    public void leave(long ticket) {
        heldSince.compareAndSet(ticket, 0);
    }
}
