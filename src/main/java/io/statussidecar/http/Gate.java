package io.statussidecar.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * At most {@code slots} requests of one kind at once; one more is answered 429 with {@code Retry-After},
 * so a burst of expensive requests (log tails, bundles, hot threads) cannot use up the sidecar's memory
 * or its threads. A slot held longer than {@code maxHold} counts as free again, so a request whose
 * streamed answer never finishes cannot lock the others out for good.
 */
public final class Gate {

    private final AtomicLongArray heldSince;
    private final Duration maxHold;
    private final long retryAfterSeconds;
    private final String busyMessage;

    public Gate(int slots, Duration maxHold, Duration retryAfter, String busyMessage) {
        this.heldSince = new AtomicLongArray(slots);
        this.maxHold = maxHold;
        this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        this.busyMessage = busyMessage;
    }

    /** A slot taken; give it back with {@link #leave(Ticket)}. */
    public record Ticket(int slot, long since) {
    }

    /** Takes a slot, or throws the 429. */
    public Ticket enter() {
        long now = System.nanoTime();
        for (int i = 0; i < heldSince.length(); i++) {
            long since = heldSince.get(i);
            // 0 marks a free slot; a taken one holds its start, never 0 (nanoTime is nudged off it).
            boolean free = since == 0 || now - since > maxHold.toNanos();
            long mark = now == 0 ? 1 : now;
            if (free && heldSince.compareAndSet(i, since, mark)) {
                return new Ticket(i, mark);
            }
        }
        throw new ApiException(429, "busy", busyMessage).retryAfter(retryAfterSeconds);
    }

    /** Frees the slot, unless it already went to someone else after {@code maxHold}. */
    public void leave(Ticket ticket) {
        heldSince.compareAndSet(ticket.slot(), ticket.since(), 0);
    }
}
