package io.statussidecar.diagnosis;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.statussidecar.store.Bottleneck;
import io.statussidecar.store.Flow;
import io.statussidecar.store.Snapshot;

/**
 * Which side of each pipeline is slow (SPEC §13), from two consecutive polls. Pure.
 *
 * <p>Busy workers mean filters or outputs cannot keep up; idle workers with no backpressure mean
 * Logstash waits for its inputs. On 8.5+ the pipeline's flow metrics say how busy the workers are and
 * each plugin's {@code worker_millis_per_event} names the culprit; before 8.5 the same figures come
 * from counter deltas: worker time over worker capacity, input time spent pushing into the queue, and
 * each plugin's duration over its events.
 */
public final class Bottlenecks {

    /** Worker utilization (%) from which the workers count as the limit. */
    static final double BUSY_UTILIZATION = 80;
    /** Queue backpressure (share of time inputs wait for the queue) from which the same holds. */
    static final double BUSY_BACKPRESSURE = 0.5;

    private Bottlenecks() {
    }

    public static Map<String, Bottleneck> of(Snapshot previous, Snapshot next) {
        Map<String, Snapshot.Pipeline> before = previous == null ? Map.of() : previous.userPipelinesById();
        double seconds = previous == null ? Double.NaN
                : Duration.between(previous.collectedAt(), next.collectedAt()).toMillis() / 1000.0;
        String throttled = throttled(previous, next);
        Map<String, Bottleneck> own = new LinkedHashMap<>();
        for (Snapshot.Pipeline p : next.userPipelines()) {
            own.put(p.id(), withThrottling(of(before.get(p.id()), p, seconds), throttled));
        }
        Map<String, String> listeners = listeners(next);
        Map<String, Bottleneck> out = new LinkedHashMap<>();
        for (Snapshot.Pipeline p : next.userPipelines()) {
            out.put(p.id(), downstream(p, own.get(p.id()), listeners, own));
        }
        return out;
    }

    /** Which pipeline listens on each pipeline-to-pipeline address (its {@code pipeline} input's {@code address}). */
    private static Map<String, String> listeners(Snapshot next) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Snapshot.Pipeline p : next.userPipelines()) {
            for (Snapshot.Plugin plugin : p.plugins() == null ? java.util.List.<Snapshot.Plugin>of() : p.plugins()) {
                if (plugin.address() != null) {
                    out.putIfAbsent(plugin.address(), p.id());
                }
            }
        }
        return out;
    }

    /**
     * SPEC §14: a pipeline whose slowest plugin is a {@code pipeline} output waits on the pipeline it
     * sends to, whose own verdict is the cause: with ensure_delivery the output blocks until that
     * pipeline's queue takes the events.
     */
    private static Bottleneck downstream(Snapshot.Pipeline p, Bottleneck b, Map<String, String> listeners, Map<String, Bottleneck> own) {
        boolean busy = b.stage().equals(Bottleneck.OUTPUT) || b.stage().equals(Bottleneck.QUEUE);
        Snapshot.Plugin culprit = !busy || b.pluginId() == null || p.plugins() == null ? null
                : p.plugins().stream().filter(x -> b.pluginId().equals(x.id())).findFirst().orElse(null);
        if (culprit == null || culprit.sendTo().isEmpty()) {
            return b;
        }
        // Of several pipelines it sends to, the first one that is busy itself, else the first one.
        String target = null;
        boolean busyTarget = false;
        for (String address : culprit.sendTo()) {
            String listener = listeners.get(address);
            if (listener == null || listener.equals(p.id())) {
                continue;
            }
            Bottleneck theirs = own.get(listener);
            boolean limited = theirs != null && !theirs.stage().equals(Bottleneck.INPUT) && !theirs.stage().equals(Bottleneck.NONE);
            if (target == null || limited && !busyTarget) {
                target = listener;
                busyTarget = limited;
            }
        }
        if (target == null) {
            return new Bottleneck(b.stage(), b.pluginId(), b.evidence() + "; it sends to " + quoted(culprit.sendTo())
                    + ", on which no running pipeline listens", null);
        }
        Bottleneck theirs = own.get(target);
        String chosen = target;
        String address = culprit.sendTo().stream().filter(a -> chosen.equals(listeners.get(a))).findFirst().orElseThrow();
        return new Bottleneck(Bottleneck.DOWNSTREAM, b.pluginId(), b.evidence() + "; it waits for pipeline '" + target
                + "' (address '" + address + "') to take its events, so the limit is there"
                + (theirs == null ? "" : ": " + target + "'s own bottleneck is " + theirs.stage()
                        + (theirs.pluginId() == null ? "" : " '" + theirs.pluginId() + "'")), target);
    }

    private static String quoted(java.util.List<String> addresses) {
        return (addresses.size() == 1 ? "address " : "addresses ") + String.join(", ", addresses.stream().map(a -> "'" + a + "'").toList());
    }

    // Only a verdict of busy workers can be the CPU limit's doing; waiting for input cannot.
    private static Bottleneck withThrottling(Bottleneck b, String throttled) {
        boolean busy = b.stage().equals(Bottleneck.FILTER) || b.stage().equals(Bottleneck.OUTPUT) || b.stage().equals(Bottleneck.QUEUE);
        return throttled == null || !busy ? b : new Bottleneck(b.stage(), b.pluginId(), b.evidence() + "; " + throttled);
    }

    /** What to add to a busy pipeline's evidence when its container was CPU-throttled between the polls. */
    private static String throttled(Snapshot previous, Snapshot next) {
        Snapshot.Cgroup a = previous == null ? null : previous.cgroup();
        Snapshot.Cgroup b = next.cgroup();
        if (a == null || b == null || a.elapsedPeriods() == null || b.elapsedPeriods() == null || a.throttledPeriods() == null
                || b.throttledPeriods() == null) {
            return null;
        }
        double share = Snapshot.Cgroup.throttledShare(b.elapsedPeriods() - a.elapsedPeriods(), b.throttledPeriods() - a.throttledPeriods());
        if (!(share >= Snapshot.Cgroup.THROTTLED)) {
            return null;
        }
        return "but the container was CPU-throttled in " + Math.round(100 * share) + "% of its periods meanwhile"
                + (b.limitCores() == null ? "" : " (limit " + fmt(b.limitCores()) + " cores)")
                + ", which slows every plugin alike: the CPU limit may be the bottleneck";
    }

    static Bottleneck of(Snapshot.Pipeline prev, Snapshot.Pipeline p, double seconds) {
        boolean comparable = prev != null && seconds > 0 && !reset(prev, p);
        Double utilization = flow(p, "workerUtilization");
        String utilizationSource = "flow";
        if (utilization == null && comparable && p.workers() != null && p.workers() > 0) {
            double worked = delta(duration(prev), duration(p));
            utilization = Double.isNaN(worked) ? null : 100 * worked / (p.workers() * seconds * 1000);
            utilizationSource = "delta";
        }
        Double backpressure = flow(p, "queueBackpressure");
        if (backpressure == null && comparable) {
            double pushed = delta(push(prev), push(p));
            backpressure = Double.isNaN(pushed) ? null : pushed / (seconds * 1000);
        }
        if (utilization == null) {
            return new Bottleneck(Bottleneck.NONE, null, p.workers() == null || p.workers() <= 0
                    ? "No worker figures: this Logstash has no flow metrics (before 8.5) and has not said how many workers "
                            + "the pipeline has (/_node), so how busy they are cannot be measured"
                    : "No worker figures yet: Logstash before 8.5 has no flow metrics, so two polls are needed to measure "
                            + "how busy the workers are");
        }
        Culprit culprit = culprit(comparable ? prev : null, p);
        String workers = "workers " + fmt(utilization) + "% busy" + (utilizationSource.equals("delta") ? " (from worker time)" : "")
                + (backpressure == null ? "" : ", queue backpressure " + fmt(backpressure));

        if (pqFilling(prev, p, comparable)) {
            long was = prev.queue().events();
            long now = p.queue().events();
            return new Bottleneck(Bottleneck.QUEUE, culprit == null ? null : culprit.id,
                    "The persisted queue grew from " + was + " to " + now + " events in " + fmt(seconds) + " s: the workers do not keep up ("
                            + workers + ")" + (culprit == null ? "" : "; the slowest plugin is " + culprit.describe()));
        }
        boolean busy = utilization >= BUSY_UTILIZATION || (backpressure != null && backpressure >= BUSY_BACKPRESSURE);
        if (!busy) {
            Double in = flow(p, "inputThroughput");
            if (in == null && comparable) {
                double d = delta(events(prev, true), events(p, true));
                in = Double.isNaN(d) ? null : d / seconds;
            }
            return new Bottleneck(Bottleneck.INPUT, null, "Waiting for input: " + workers
                    + (in == null ? "" : ", " + fmt(in) + " events/s arriving") + batchFill(p)
                    + ". Filters and outputs have capacity to spare");
        }
        if (culprit == null) {
            return new Bottleneck(Bottleneck.NONE, null, "The " + workers + ", but no plugin reports its worker time yet");
        }
        return new Bottleneck(culprit.type, culprit.id, "The " + workers + batchFill(p) + "; " + culprit.describe()
                + (culprit.runnerUp == null ? "" : ", the next slowest " + culprit.runnerUp));
    }

    /**
     * Logstash 9.2+: how full the batches were over the last minute (or since start), against the batch
     * size: mostly empty ones say Logstash waits for data, full ones with busy workers that the work is
     * the limit.
     */
    private static String batchFill(Snapshot.Pipeline p) {
        Snapshot.BatchFigure ev = p.batch() == null ? null : p.batch().events();
        Snapshot.Windows avg = ev == null ? null : ev.average();
        Double fill = avg == null ? null : avg.last1Minute() != null ? avg.last1Minute() : avg.lifetime();
        if (fill == null || p.batchSize() == null || p.batchSize() <= 0) {
            return "";
        }
        return ", batches " + Math.round(fill) + " of " + p.batchSize() + " events on average";
    }

    /** The filter or output with the most worker time per event, and how it compares with the next one. */
    private static final class Culprit {
        final String id;
        final String type;
        final String name;
        final double millisPerEvent;
        final String source;
        String runnerUp;

        Culprit(Snapshot.Plugin p, double millisPerEvent, String source) {
            this.id = p.id();
            this.type = p.type();
            this.name = p.name();
            this.millisPerEvent = millisPerEvent;
            this.source = source;
        }

        String describe() {
            return type + " '" + id + "'" + (name == null ? "" : " (" + name + ")") + " takes " + fmt(millisPerEvent)
                    + " ms of worker time per event" + (source.equals("delta") ? " (from its duration counter)" : "");
        }
    }

    private static Culprit culprit(Snapshot.Pipeline prev, Snapshot.Pipeline p) {
        Map<String, Snapshot.Plugin> before = new LinkedHashMap<>();
        if (prev != null && prev.plugins() != null) {
            prev.plugins().forEach(x -> before.put(x.id(), x));
        }
        Culprit best = null;
        Culprit second = null;
        for (Snapshot.Plugin plugin : p.plugins() == null ? java.util.List.<Snapshot.Plugin>of() : p.plugins()) {
            if (!Bottleneck.FILTER.equals(plugin.type()) && !Bottleneck.OUTPUT.equals(plugin.type())) {
                continue;
            }
            Culprit c = null;
            Double flow = plugin.flow() == null || plugin.flow().get("workerMillisPerEvent") == null ? null
                    : plugin.flow().get("workerMillisPerEvent").current();
            if (flow != null && !flow.isNaN() && !flow.isInfinite()) {
                c = new Culprit(plugin, flow, "flow");
            } else if (before.containsKey(plugin.id()) && plugin.events() != null && before.get(plugin.id()).events() != null) {
                Snapshot.PluginEvents was = before.get(plugin.id()).events();
                double ms = delta(was.durationMillis(), plugin.events().durationMillis());
                double events = delta(was.in() != null ? was.in() : was.out(), plugin.events().in() != null ? plugin.events().in() : plugin.events().out());
                if (!Double.isNaN(ms) && !Double.isNaN(events) && events > 0) {
                    c = new Culprit(plugin, ms / events, "delta");
                }
            }
            if (c == null) {
                continue;
            }
            if (best == null || c.millisPerEvent > best.millisPerEvent) {
                second = best;
                best = c;
            } else if (second == null || c.millisPerEvent > second.millisPerEvent) {
                second = c;
            }
        }
        if (best != null && second != null) {
            best.runnerUp = second.type + " '" + second.id + "' at " + fmt(second.millisPerEvent) + " ms";
        }
        return best == null || best.millisPerEvent <= 0 ? null : best;
    }

    private static boolean pqFilling(Snapshot.Pipeline prev, Snapshot.Pipeline p, boolean comparable) {
        return comparable && p.queue() != null && "persisted".equals(p.queue().type()) && prev.queue() != null
                && prev.queue().events() != null && p.queue().events() != null && p.queue().events() > prev.queue().events();
    }

    // A pipeline whose counters went back (a reload, a restart) has nothing to compare with.
    private static boolean reset(Snapshot.Pipeline prev, Snapshot.Pipeline p) {
        Long was = events(prev, true);
        Long now = events(p, true);
        return was != null && now != null && now < was;
    }

    private static double delta(Long before, Long after) {
        return before == null || after == null || after < before ? Double.NaN : after - before;
    }

    private static Long duration(Snapshot.Pipeline p) {
        return p.events() == null ? null : p.events().durationMillis();
    }

    private static Long push(Snapshot.Pipeline p) {
        return p.events() == null ? null : p.events().queuePushDurationMillis();
    }

    private static Long events(Snapshot.Pipeline p, boolean in) {
        return p.events() == null ? null : in ? p.events().in() : p.events().out();
    }

    private static Double flow(Snapshot.Pipeline p, String name) {
        Flow f = p.flow() == null ? null : p.flow().get(name);
        return f == null || f.current() == null || f.current().isNaN() || f.current().isInfinite() ? null : f.current();
    }

    private static String fmt(double v) {
        return v >= 10 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
