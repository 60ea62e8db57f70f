package io.statussidecar.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.statussidecar.config.SidecarConfig;
import io.statussidecar.logtypes.LogTypes;

/**
 * The one place the sidecar's knowledge of Logstash lives. The collector writes each poll and the log
 * follower the plugin restarts it reads, both under this object's lock; the health rules, the API,
 * the dashboard and the metrics read it and never call Logstash. Each poll
 * publishes one immutable {@link State} behind one volatile reference, so a reader that takes it once
 * works on one consistent view and never waits on a poll. The history rings are the exception that
 * keeps memory fixed: primitive arrays written in place, read through their own copy-out.
 */
@ApplicationScoped
public class MetricsStore {

    /** How many successful polls the "for 3 polls" health rules look back over. */
    public static final int RECENT_POLLS = 3;

    private final Clock clock;
    private final Duration pollInterval;
    private final History history;
    private final Event<State> published;
    private volatile State state;
    private long pollSequence;

    @Inject
    public MetricsStore(SidecarConfig config, LogTypes logTypes, Clock clock, Event<State> published) {
        this.clock = clock;
        this.published = published;
        this.pollInterval = config.pollInterval();
        this.history = new History(pollInterval, gaugeFlags(logTypes.rules().types().size()));
        this.state = State.initial(clock.instant());
    }

    /** Records a finished poll: the only write path. */
    public synchronized void record(Poll poll) {
        pollSequence++;
        history.record(pollSequence, poll.at().toEpochMilli(), poll.ok() ? poll.sample() : null);
        state = state.after(poll, clock.instant());
        // Readers that keep their own view of each poll (the metrics) update here, once per poll.
        published.fire(state);
    }

    /** Plugin restarts the log follower read (it is the only other writer). */
    public synchronized void recordRestarts(List<PluginRestart> seen, Instant now) {
        state = state.withRestarts(seen, now);
    }

    /** What the last poll left: read it once per request or rule evaluation. */
    public State state() {
        return state;
    }

    public History history() {
        return history;
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    public Clock clock() {
        return clock;
    }

    // Series first, then one counter per log type.
    private static boolean[] gaugeFlags(int logTypes) {
        Series[] all = Series.values();
        boolean[] gauge = new boolean[all.length + logTypes];
        for (Series s : all) {
            gauge[s.ordinal()] = s.kind() == Series.Kind.GAUGE;
        }
        return gauge;
    }
}
