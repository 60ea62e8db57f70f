package io.statussidecar.collect;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

import io.statussidecar.store.Series;
import io.statussidecar.store.Snapshot;

/**
 * Turns two consecutive successful polls into one history sample (one value per {@link Series}).
 * Counters become deltas that survive a Logstash restart: a counter that went down, or a new
 * {@code ephemeral_id}, is a reset, and the delta is the new value — never negative, never a spike.
 */
public final class Deltas {

    private Deltas() {
    }

    /**
     * One value per {@link Series}, then one per log type (its events delta), in the rules' order.
     *
     * @param previous the previous successful poll, or null for the first one
     */
    public static double[] sample(Snapshot previous, Snapshot next) {
        double[] v = new double[Series.values().length + next.logTypes().size()];
        Arrays.fill(v, Double.NaN);
        boolean restarted = restarted(previous, next);
        v[Series.EVENTS_IN.ordinal()] = counter(previous, next, Snapshot.Events::in, restarted);
        v[Series.EVENTS_FILTERED.ordinal()] = counter(previous, next, Snapshot.Events::filtered, restarted);
        v[Series.EVENTS_OUT.ordinal()] = counter(previous, next, Snapshot.Events::out, restarted);
        v[Series.HEAP_USED_PERCENT.ordinal()] = finite(next.jvm() == null ? null : next.jvm().heapUsedPercent());
        v[Series.CPU_PERCENT.ordinal()] = finite(next.process() == null ? null : next.process().cpuPercent());
        v[Series.WORKER_UTILIZATION.ordinal()] = busiestWorkerUtilization(next);
        v[Series.QUEUE_EVENTS.ordinal()] = queuedEvents(next);
        for (int i = 0; i < next.logTypes().size(); i++) {
            Long before = previous == null || previous.logTypes().size() <= i ? null : previous.logTypes().get(i).events();
            v[Series.values().length + i] = previous == null ? Double.NaN
                    : delta(before, next.logTypes().get(i).events(), restarted);
        }
        return v;
    }

    /**
     * The one restart rule: another Logstash process answers than at the previous poll when its
     * {@code ephemeral_id} changed, appearing or disappearing included (an upgrade from or to a version
     * before 7, which has none). Between two such old versions a restart shows only as counters going
     * down, which {@link #delta} treats as a reset.
     */
    public static boolean restarted(Snapshot previous, String nextEphemeralId) {
        if (previous == null) {
            return false;
        }
        String before = previous.node() == null ? null : previous.node().ephemeralId();
        return !Objects.equals(before, nextEphemeralId);
    }

    public static boolean restarted(Snapshot previous, Snapshot next) {
        return restarted(previous, next.node() == null ? null : next.node().ephemeralId());
    }

    /** The delta of one counter; NaN when either side is unknown. */
    public static double delta(Long previous, Long next, boolean restarted) {
        if (next == null) {
            return Double.NaN;
        }
        if (restarted) {
            return next;
        }
        if (previous == null) {
            return Double.NaN;
        }
        return next < previous ? next : next - previous;
    }

    private static double counter(Snapshot previous, Snapshot next, Function<Snapshot.Events, Long> field,
            boolean restarted) {
        if (previous == null || next.events() == null) {
            return Double.NaN;
        }
        Long before = previous.events() == null ? null : field.apply(previous.events());
        return delta(before, field.apply(next.events()), restarted);
    }

    // The busiest user pipeline: an average would hide the one that is saturated.
    private static double busiestWorkerUtilization(Snapshot s) {
        double max = Double.NaN;
        for (Snapshot.Pipeline p : s.userPipelines()) {
            if (p.flow() == null || p.flow().get("workerUtilization") == null) {
                continue;
            }
            double u = finite(p.flow().get("workerUtilization").current());
            if (!Double.isNaN(u) && (Double.isNaN(max) || u > max)) {
                max = u;
            }
        }
        return max;
    }

    private static double queuedEvents(Snapshot s) {
        double sum = Double.NaN;
        for (Snapshot.Pipeline p : s.userPipelines()) {
            if (p.queue() == null || p.queue().events() == null) {
                continue;
            }
            sum = (Double.isNaN(sum) ? 0 : sum) + p.queue().events();
        }
        return sum;
    }

    private static double finite(Double d) {
        return d == null || d.isInfinite() || d.isNaN() ? Double.NaN : d;
    }
}
