package io.statussidecar.collect;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.statussidecar.store.Flow;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.Trends;

/** Updates {@link Trends} from two consecutive successful polls. Pure. */
public final class TrendTracker {

    private TrendTracker() {
    }

    public static Trends next(Trends trends, Snapshot previous, Snapshot next, Instant at) {
        boolean restarted = Deltas.restarted(previous, next);
        Instant firstPoll = trends.firstPollAt() == null ? at : trends.firstPollAt();
        Long prevIn = previous == null || previous.events() == null ? null : previous.events().in();
        Long nextIn = next.events() == null ? null : next.events().in();
        Instant eventsIn = grew(prevIn, nextIn, restarted) ? at : trends.eventsInAdvancedAt();

        Map<String, Trends.Pipeline> pipelines = new LinkedHashMap<>();
        Map<String, Snapshot.Pipeline> before = previous == null ? Map.of() : previous.userPipelinesById();
        int[] watched = { 0 }; // outputs given a window so far, against MAX_OUTPUTS
        for (Snapshot.Pipeline p : next.userPipelines()) {
            Snapshot.Pipeline was = before.get(p.id());
            Trends.Pipeline t = trends.pipelines().get(p.id());
            // A restarted Logstash loaded its configuration afresh: what happened before says nothing now.
            pipelines.put(p.id(), t == null || was == null || restarted ? firstSight(p, at, watched) : advance(t, was, p, at, watched));
        }
        return new Trends(firstPoll, eventsIn, Map.copyOf(pipelines), gcWindow(restarted ? List.of() : trends.gc(), next, at),
                cpuWindow(restarted ? List.of() : trends.cpu(), next, at));
    }

    /**
     * Outputs whose delivery is watched, over all pipelines: a real Logstash has a few. With
     * {@link #OUTPUT_SPACING} this bounds the windows to 64 × 32 samples (under 1 MB) on any configuration.
     */
    static final int MAX_OUTPUTS = 64;
    /** An output's window keeps a sample per 10 s at most: "within 5 minutes" to 10 s is exact enough. */
    static final java.time.Duration OUTPUT_SPACING = java.time.Duration.ofSeconds(10);

    /** Enough samples for {@link Trends#NODE_WINDOW} even at the shortest poll interval (1 s). */
    static final int MAX_SAMPLES = 400;

    private static List<Trends.GcSample> gcWindow(List<Trends.GcSample> before, Snapshot next, Instant at) {
        Snapshot.Gc gc = next.jvm() == null ? null : next.jvm().gc();
        if (gc == null || gc.youngMillis() == null || gc.oldMillis() == null) {
            return List.of(); // a Logstash that does not report both collectors has no window
        }
        return window(before, new Trends.GcSample(at, gc.youngMillis() + gc.oldMillis(), gc.oldMillis()));
    }

    private static List<Trends.CpuSample> cpuWindow(List<Trends.CpuSample> before, Snapshot next, Instant at) {
        Snapshot.Cgroup c = next.cgroup();
        if (c == null || c.elapsedPeriods() == null || c.throttledPeriods() == null) {
            return List.of(); // outside a container, or a Logstash that does not report its cgroup
        }
        return window(before, new Trends.CpuSample(at, c.elapsedPeriods(), c.throttledPeriods()));
    }

    // This poll's sample added; older ones dropped while the next is still old enough to be the
    // window's baseline, so the first sample is the newest one at least the window before the last.
    private static <T extends Trends.Sample> List<T> window(List<T> before, T sample) {
        return window(before, sample, java.time.Duration.ZERO);
    }

    // With a spacing, the newest sample stays only once it is that far from the one before it; until
    // then the next sample replaces it. The counters are cumulative, so nothing is lost but resolution,
    // and the window holds at most NODE_WINDOW / spacing + 2 samples whatever the poll interval.
    private static <T extends Trends.Sample> List<T> window(List<T> before, T sample, java.time.Duration spacing) {
        List<T> out = new java.util.ArrayList<>(before);
        int n = out.size();
        if (n >= 2 && java.time.Duration.between(out.get(n - 2).at(), out.get(n - 1).at()).compareTo(spacing) < 0) {
            out.remove(out.size() - 1);
        }
        out.add(sample);
        Instant since = sample.at().minus(Trends.NODE_WINDOW);
        int first = 0;
        while (first + 1 < out.size() && !out.get(first + 1).at().isAfter(since)) {
            first++;
        }
        first = Math.max(first, out.size() - MAX_SAMPLES);
        return List.copyOf(out.subList(first, out.size()));
    }

    // Leaving "out" at the first sighting makes a stall measurable from the moment the sidecar looks.
    private static Trends.Pipeline firstSight(Snapshot.Pipeline p, Instant at, int[] watched) {
        Snapshot.Reloads r = p.reloads();
        boolean lastReloadFailed = r != null && r.lastFailureAt() != null
                && (r.lastSuccessAt() == null || r.lastFailureAt().compareTo(r.lastSuccessAt()) > 0);
        Long pq = pqBytes(p);
        return new Trends.Pipeline(at, null, at, null, lastReloadFailed ? at : null, null, blocked(p) ? at : null,
                pq == null ? null : at, pq, outputWindows(Map.of(), p, at, watched));
    }

    /** Each output's window with this poll's sample; outputs that report no delivery counters have none. */
    private static Map<String, List<Trends.OutputSample>> outputWindows(Map<String, List<Trends.OutputSample>> before,
            Snapshot.Pipeline p, Instant at, int[] watched) {
        Map<String, List<Trends.OutputSample>> out = new LinkedHashMap<>();
        for (Snapshot.Plugin plugin : p.plugins() == null ? List.<Snapshot.Plugin>of() : p.plugins()) {
            Trends.OutputSample sample = outputSample(plugin, p.deadLetterQueue() != null, at);
            if (sample == null || watched[0] >= MAX_OUTPUTS) {
                continue;
            }
            watched[0]++;
            List<Trends.OutputSample> was = before.getOrDefault(plugin.id(), List.of());
            boolean reset = !was.isEmpty() && wentBack(was.get(was.size() - 1), sample);
            out.put(plugin.id(), window(reset ? List.of() : was, sample, OUTPUT_SPACING));
        }
        return Map.copyOf(out);
    }

    static Trends.OutputSample outputSample(Snapshot.Plugin plugin, boolean pipelineHasDlq, Instant at) {
        Snapshot.BulkRequests b = plugin.bulkRequests();
        Snapshot.Documents d = plugin.documents();
        if (b == null && d == null) {
            return null;
        }
        long ok = b == null ? 0 : orZero(b.successes());
        long withErrors = b == null ? 0 : orZero(b.withErrors());
        long failed = b == null ? 0 : orZero(b.failures());
        Map<String, Long> errors = new java.util.TreeMap<>();
        if (b != null && b.responses() != null) {
            b.responses().forEach((code, n) -> {
                if (!code.startsWith("2")) {
                    errors.put(code, n);
                }
            });
        }
        long indexed = d == null ? 0 : orZero(d.successes());
        long retried = d == null ? 0 : orZero(d.retryableFailures());
        // Without a dead-letter queue the output only logs what it would have written there.
        long lost = d == null ? 0 : orZero(d.nonRetryableFailures()) + (pipelineHasDlq ? 0 : orZero(d.dlqRouted()));
        return new Trends.OutputSample(at, ok + withErrors + failed, withErrors, failed, errors.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(errors),
                indexed + lost + (pipelineHasDlq && d != null ? orZero(d.dlqRouted()) : 0), retried, lost);
    }

    private static boolean wentBack(Trends.OutputSample a, Trends.OutputSample b) {
        if (b.requests() < a.requests() || b.withErrors() < a.withErrors() || b.failed() < a.failed() || b.documents() < a.documents()
                || b.retriedDocuments() < a.retriedDocuments() || b.lostDocuments() < a.lostDocuments()) {
            return true;
        }
        return a.errorResponses().entrySet().stream().anyMatch(e -> b.errorResponses().getOrDefault(e.getKey(), 0L) < e.getValue());
    }

    private static long orZero(Long v) {
        return v == null ? 0 : v;
    }

    private static Trends.Pipeline advance(Trends.Pipeline t, Snapshot.Pipeline before, Snapshot.Pipeline p, Instant at,
            int[] watched) {
        return new Trends.Pipeline(
                t.firstSeenAt(),
                grew(events(before, true), events(p, true), false) ? at : t.inAdvancedAt(),
                grew(events(before, false), events(p, false), false) ? at : t.outAdvancedAt(),
                grew(dropped(before), dropped(p), false) ? at : t.dlqDroppedAt(),
                grew(reloads(before, false), reloads(p, false), false) ? at : t.reloadFailedAt(),
                grew(reloads(before, true), reloads(p, true), false) ? at : t.reloadSucceededAt(),
                blocked(p) ? (t.blockedSince() != null ? t.blockedSince() : at) : null,
                pqGrowing(t, before, p) ? t.pqGrowingSince() : pqBytes(p) == null ? null : at,
                pqGrowing(t, before, p) ? t.pqBytesThen() : pqBytes(p),
                outputWindows(t.outputs() == null ? Map.of() : t.outputs(), p, at, watched));
    }

    // A persisted queue grows in page-sized steps: "growing" is "has not shrunk" since it was measured.
    private static boolean pqGrowing(Trends.Pipeline t, Snapshot.Pipeline before, Snapshot.Pipeline p) {
        Long was = pqBytes(before);
        Long now = pqBytes(p);
        return t.pqGrowingSince() != null && was != null && now != null && now >= was;
    }

    private static Long pqBytes(Snapshot.Pipeline p) {
        return p.queue() == null || !"persisted".equals(p.queue().type()) ? null : p.queue().sizeBytes();
    }

    /** SPEC §5: worker utilization at least 99 % or queue backpressure at least 0.99 (Logstash 8.5+). */
    static final double BLOCKED_UTILIZATION = 99;
    static final double BLOCKED_BACKPRESSURE = 0.99;

    private static boolean blocked(Snapshot.Pipeline p) {
        return current(p, "workerUtilization") >= BLOCKED_UTILIZATION
                || current(p, "queueBackpressure") >= BLOCKED_BACKPRESSURE;
    }

    private static double current(Snapshot.Pipeline p, String flow) {
        Flow f = p.flow() == null ? null : p.flow().get(flow);
        return f == null || f.current() == null || f.current().isNaN() ? Double.NEGATIVE_INFINITY : f.current();
    }

    private static boolean grew(Long before, Long after, boolean restarted) {
        double d = Deltas.delta(before, after, restarted);
        return !Double.isNaN(d) && d > 0;
    }

    private static Long events(Snapshot.Pipeline p, boolean in) {
        return p.events() == null ? null : in ? p.events().in() : p.events().out();
    }

    private static Long dropped(Snapshot.Pipeline p) {
        return p.deadLetterQueue() == null ? null : p.deadLetterQueue().droppedEvents();
    }

    private static Long reloads(Snapshot.Pipeline p, boolean successes) {
        return p.reloads() == null ? null : successes ? p.reloads().successes() : p.reloads().failures();
    }
}
