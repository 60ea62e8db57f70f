package io.statussidecar.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the store knows after a poll, published as one value: a reader that takes one
 * {@link MetricsStore#state()} sees one poll's snapshot with that same poll's trends, Logstash health
 * and collector status, never a mix of two polls. {@code latest} and {@code logstashHealth} are null
 * when there is none; {@code graphs} holds the pipelines' graphs as last read (SPEC §8 pipeline view).
 *
 * @param recent the last {@link MetricsStore#RECENT_POLLS} successful polls, oldest first
 * @param recentPipelines their user pipelines by id, indexed once per poll for the rules that compare
 *        a pipeline across polls (thousands of pipelines: no search per request)
 */
public record State(Snapshot latest, List<Snapshot> recent, List<Map<String, Snapshot.Pipeline>> recentPipelines,
        Trends trends, LogstashHealth logstashHealth, CollectorStatus collector, List<PluginRestart> restarts,
        Map<String, PipelineGraph> graphs) {

    /** Plugin restarts older than this say nothing about a restart loop now (SPEC §5: 3 within 5 minutes). */
    public static final java.time.Duration RESTARTS_KEPT = java.time.Duration.ofMinutes(5);
    /** A loop of many plugins must not grow the state without bound. */
    static final int MAX_RESTARTS = 200;

    static State initial(Instant startedAt) {
        return new State(null, List.of(), List.of(), Trends.NONE, null, CollectorStatus.initial(startedAt), List.of(), Map.of());
    }

    /** The restarts the log follower read, added to those of the last five minutes. */
    State withRestarts(List<PluginRestart> seen, Instant now) {
        List<PluginRestart> kept = new ArrayList<>();
        Instant since = now.minus(RESTARTS_KEPT);
        for (PluginRestart r : restarts) {
            if (r.seenAt().isAfter(since)) {
                kept.add(r);
            }
        }
        if (seen.isEmpty() && kept.size() == restarts.size()) {
            return this; // the follower's usual run: nothing new, nothing expired
        }
        kept.addAll(seen);
        List<PluginRestart> bounded = kept.size() > MAX_RESTARTS ? kept.subList(kept.size() - MAX_RESTARTS, kept.size()) : kept;
        return new State(latest, recent, recentPipelines, trends, logstashHealth, collector, List.copyOf(bounded), graphs);
    }

    State after(Poll poll, Instant finishedAt) {
        CollectorStatus status = collector.after(poll, finishedAt);
        if (!poll.ok()) {
            return new State(latest, recent, recentPipelines, trends, logstashHealth, status, restarts, graphs);
        }
        int keep = Math.min(recent.size(), MetricsStore.RECENT_POLLS - 1);
        Snapshot[] last = new Snapshot[keep + 1];
        List<Map<String, Snapshot.Pipeline>> indexed = new ArrayList<>(keep + 1);
        for (int i = 0; i < keep; i++) {
            last[i] = recent.get(recent.size() - keep + i);
            indexed.add(recentPipelines.get(recentPipelines.size() - keep + i));
        }
        last[keep] = poll.snapshot();
        indexed.add(Map.copyOf(poll.snapshot().userPipelinesById()));
        return new State(poll.snapshot(), List.of(last), List.copyOf(indexed), poll.trends(), poll.logstashHealth(), status,
                restarts, poll.graphs() == null ? Map.of() : poll.graphs());
    }
}
