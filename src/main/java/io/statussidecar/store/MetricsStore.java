package io.statussidecar.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.statussidecar.config.SidecarConfig;

/**
 * The one place the sidecar's knowledge of Logstash lives. The collector is its only writer; the
 * health rules, the API, the dashboard and the metrics read it and never call Logstash. Readers get
 * immutable values through volatile references and never wait on a poll.
 */
@ApplicationScoped
public class MetricsStore {

    private final Clock clock;
    private final Duration pollInterval;
    private final History history;
    private volatile Snapshot latest;
    private volatile CollectorStatus status;
    private long pollSequence;

    @Inject
    public MetricsStore(SidecarConfig config, Clock clock) {
        this.clock = clock;
        this.pollInterval = config.pollInterval();
        this.history = new History(pollInterval, gaugeFlags());
        this.status = CollectorStatus.initial(clock.instant());
    }

    /** Records a finished poll: the only write path. */
    public synchronized void record(Poll poll) {
        pollSequence++;
        history.record(pollSequence, poll.at().toEpochMilli(), poll.ok() ? poll.sample() : null);
        if (poll.ok()) {
            latest = poll.snapshot();
        }
        status = status.after(poll, clock.instant());
    }

    /** The last successful poll, if any. */
    public Optional<Snapshot> latest() {
        return Optional.ofNullable(latest);
    }

    public CollectorStatus status() {
        return status;
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

    private static boolean[] gaugeFlags() {
        Series[] all = Series.values();
        boolean[] gauge = new boolean[all.length];
        for (Series s : all) {
            gauge[s.ordinal()] = s.kind() == Series.Kind.GAUGE;
        }
        return gauge;
    }
}
