package io.statussidecar.store;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.statussidecar.logstash.HealthReport;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.config.SidecarConfig;

/**
 * The one place the sidecar's knowledge of Logstash lives. The collector is its only writer; the
 * health rules, the API, the dashboard and the metrics read it and never call Logstash. Readers get
 * immutable values through volatile references and never wait on a poll.
 */
@ApplicationScoped
public class MetricsStore {

    /** How many successful polls the "for 3 polls" health rules look back over. */
    public static final int RECENT_POLLS = 3;

    private final Clock clock;
    private final Duration pollInterval;
    private final History history;
    private volatile Snapshot latest;
    private volatile List<Snapshot> recent = List.of();
    private volatile Trends trends = Trends.NONE;
    private volatile HealthReport healthReport;
    private volatile CollectorStatus status;
    private long pollSequence;

    @Inject
    public MetricsStore(SidecarConfig config, LogTypes logTypes, Clock clock) {
        this.clock = clock;
        this.pollInterval = config.pollInterval();
        this.history = new History(pollInterval, gaugeFlags(logTypes.rules().types().size()));
        this.status = CollectorStatus.initial(clock.instant());
    }

    /** Records a finished poll: the only write path. */
    public synchronized void record(Poll poll) {
        pollSequence++;
        history.record(pollSequence, poll.at().toEpochMilli(), poll.ok() ? poll.sample() : null);
        if (poll.ok()) {
            List<Snapshot> r = new ArrayList<>(recent);
            r.add(poll.snapshot());
            recent = List.copyOf(r.subList(Math.max(0, r.size() - RECENT_POLLS), r.size()));
            trends = poll.trends();
            healthReport = poll.healthReport();
            latest = poll.snapshot();
        }
        status = status.after(poll, clock.instant());
    }

    /** The last successful poll, if any. */
    public Optional<Snapshot> latest() {
        return Optional.ofNullable(latest);
    }

    /** The last {@link #RECENT_POLLS} successful polls, oldest first. */
    public List<Snapshot> recent() {
        return recent;
    }

    public Trends trends() {
        return trends;
    }

    /** The latest {@code /_health_report}; empty where Logstash has none (before 8.16). */
    public Optional<HealthReport> healthReport() {
        return Optional.ofNullable(healthReport);
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
