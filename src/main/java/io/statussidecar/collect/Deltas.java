package io.statussidecar.collect;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Counters events = new Counters(3);
        Counters types = new Counters(next.logTypes().size());
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int i = 0; i < next.logTypes().size(); i++) {
            typeIndex.put(next.logTypes().get(i).type(), i);
        }
        Map<String, Snapshot.Pipeline> before = previous == null ? Map.of() : byId(previous.pipelines());
        for (Snapshot.Pipeline p : next.pipelines()) {
            Snapshot.Pipeline was = previous == null ? null : before.get(p.id());
            // A pipeline that was not there at the previous poll started since: all it counted is new.
            boolean fresh = restarted || previous != null && was == null;
            if (p.events() != null) {
                Snapshot.Events e = was == null ? null : was.events();
                events.add(0, delta(e == null ? null : e.in(), p.events().in(), fresh), previous);
                events.add(1, delta(e == null ? null : e.filtered(), p.events().filtered(), fresh), previous);
                events.add(2, delta(e == null ? null : e.out(), p.events().out(), fresh), previous);
            }
            if (p.system()) {
                continue;
            }
            Map<String, Snapshot.Plugin> plugins = was == null ? Map.of() : pluginsById(was);
            for (Snapshot.Plugin plugin : p.plugins()) {
                Integer type = typeIndex.get(plugin.logType());
                if (type == null || plugin.type().equals("output") || plugin.events() == null) {
                    continue;
                }
                Snapshot.Plugin old = plugins.get(key(plugin));
                Long oldOut = old == null || old.events() == null ? null : old.events().out();
                types.add(type, delta(oldOut, plugin.events().out(), fresh || old == null), previous);
            }
        }
        // Logstash versions that report no pipeline events: the node's own counters, as one.
        boolean perPipeline = next.pipelines().stream().anyMatch(p -> p.events() != null);
        v[Series.EVENTS_IN.ordinal()] = perPipeline ? events.get(0) : counter(previous, next, Snapshot.Events::in, restarted);
        v[Series.EVENTS_FILTERED.ordinal()] = perPipeline ? events.get(1)
                : counter(previous, next, Snapshot.Events::filtered, restarted);
        v[Series.EVENTS_OUT.ordinal()] = perPipeline ? events.get(2) : counter(previous, next, Snapshot.Events::out, restarted);
        v[Series.HEAP_USED_PERCENT.ordinal()] = finite(next.jvm() == null ? null : next.jvm().heapUsedPercent());
        v[Series.CPU_PERCENT.ordinal()] = finite(next.process() == null ? null : next.process().cpuPercent());
        v[Series.WORKER_UTILIZATION.ordinal()] = busiestWorkerUtilization(next);
        v[Series.QUEUE_EVENTS.ordinal()] = queuedEvents(next);
        for (int i = 0; i < next.logTypes().size(); i++) {
            v[Series.values().length + i] = previous == null ? Double.NaN : types.get(i);
        }
        return v;
    }

    /**
     * Sums of per-counter deltas: each counter (a pipeline's, a plugin's) is compared with itself, so one
     * pipeline reloading (its counters back to 0) adds only its own new counts, never the others' totals.
     */
    private static final class Counters {
        private final double[] sums;

        Counters(int n) {
            sums = new double[n];
            Arrays.fill(sums, Double.NaN);
        }

        void add(int i, double delta, Snapshot previous) {
            if (previous != null && !Double.isNaN(delta)) {
                sums[i] = (Double.isNaN(sums[i]) ? 0 : sums[i]) + delta;
            }
        }

        double get(int i) {
            return sums[i];
        }
    }

    private static Map<String, Snapshot.Pipeline> byId(List<Snapshot.Pipeline> pipelines) {
        Map<String, Snapshot.Pipeline> m = new HashMap<>(pipelines.size() * 2);
        pipelines.forEach(p -> m.put(p.id(), p));
        return m;
    }

    private static Map<String, Snapshot.Plugin> pluginsById(Snapshot.Pipeline p) {
        Map<String, Snapshot.Plugin> m = new HashMap<>(p.plugins().size() * 2);
        p.plugins().forEach(plugin -> m.put(key(plugin), plugin));
        return m;
    }

    private static String key(Snapshot.Plugin plugin) {
        return plugin.type() + '/' + plugin.id();
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
