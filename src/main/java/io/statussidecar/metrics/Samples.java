package io.statussidecar.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.statussidecar.logtypes.LogTypeStats;
import io.statussidecar.store.Flow;
import io.statussidecar.store.Snapshot;

/**
 * What one poll says, as the values of the series {@code /q/metrics} exposes (pure: no registry).
 * A value Logstash did not report has no series, never a 0. Plugins beyond {@code maxPlugins} in a
 * pipeline are summed per plugin type under {@code plugin_id="_other"}; which plugins keep their own
 * series follows the pipeline's configuration order, so the fold is stable from poll to poll and a
 * folded counter only goes down when Logstash's own counters do.
 */
final class Samples {

    static final String OTHER = "_other";
    static final List<String> PIPELINE = List.of("pipeline");
    static final List<String> PLUGIN = List.of("pipeline", "plugin_id", "plugin_type", "log_type");
    static final List<String> GC = List.of("collector");
    static final List<String> BOTTLENECK = List.of("pipeline", "stage", "plugin_id");
    static final List<String> BATCH = List.of("pipeline", "stat", "window");
    static final List<String> DELIVERY = List.of("pipeline", "plugin_id", "result");
    static final List<String> RESPONSES = List.of("pipeline", "plugin_id", "code");

    private final Map<SeriesKey, Double> values = new LinkedHashMap<>();

    private Samples() {
    }

    static Map<SeriesKey, Double> of(Snapshot s, int maxPlugins) {
        Samples out = new Samples();
        out.node(s);
        for (Snapshot.Pipeline p : s.pipelines()) {
            out.pipeline(p, maxPlugins);
        }
        for (LogTypeStats t : s.logTypes()) {
            out.put(SeriesKey.of(Metric.LOG_TYPE_EVENTS, "log_type", t.type()), t.events());
            out.put(SeriesKey.of(Metric.LOG_TYPE_FORWARDED, "log_type", t.type()), t.forwarded());
            out.put(SeriesKey.of(Metric.LOG_TYPE_IN_PROFILE, "log_type", t.type()), t.inProfile() ? 1 : 0);
        }
        return out.values;
    }

    private void node(Snapshot s) {
        if (s.node() != null) {
            put(SeriesKey.of(Metric.NODE_INFO, "version", s.node().version() == null ? "unknown" : s.node().version()), 1);
            put(SeriesKey.of(Metric.UPTIME), seconds(s.node().uptimeMillis()));
        }
        if (s.jvm() != null) {
            put(SeriesKey.of(Metric.HEAP_USED), s.jvm().heapUsedBytes());
            put(SeriesKey.of(Metric.HEAP_MAX), s.jvm().heapMaxBytes());
            put(SeriesKey.of(Metric.JVM_THREADS), s.jvm().threads());
            Snapshot.Gc gc = s.jvm().gc();
            if (gc != null) {
                put(new SeriesKey(Metric.GC_COLLECTIONS, GC, List.of("young")), gc.youngCount());
                put(new SeriesKey(Metric.GC_COLLECTIONS, GC, List.of("old")), gc.oldCount());
                put(new SeriesKey(Metric.GC_TIME, GC, List.of("young")), seconds(gc.youngMillis()));
                put(new SeriesKey(Metric.GC_TIME, GC, List.of("old")), seconds(gc.oldMillis()));
            }
        }
        if (s.cgroup() != null) {
            put(SeriesKey.of(Metric.CGROUP_PERIODS), s.cgroup().elapsedPeriods());
            put(SeriesKey.of(Metric.CGROUP_THROTTLED), s.cgroup().throttledPeriods());
            put(SeriesKey.of(Metric.CGROUP_THROTTLED_TIME), s.cgroup().throttledNanos() == null ? null : s.cgroup().throttledNanos() / 1e9);
            put(SeriesKey.of(Metric.CGROUP_LIMIT), s.cgroup().limitCores());
        }
        if (s.process() != null) {
            put(SeriesKey.of(Metric.CPU), ratio(s.process().cpuPercent()));
            put(SeriesKey.of(Metric.OPEN_FDS), s.process().openFileDescriptors());
            put(SeriesKey.of(Metric.MAX_FDS), s.process().maxFileDescriptors());
        }
    }

    private void pipeline(Snapshot.Pipeline p, int maxPlugins) {
        List<String> id = List.of(p.id());
        if (p.events() != null) {
            put(new SeriesKey(Metric.EVENTS_IN, PIPELINE, id), p.events().in());
            put(new SeriesKey(Metric.EVENTS_FILTERED, PIPELINE, id), p.events().filtered());
            put(new SeriesKey(Metric.EVENTS_OUT, PIPELINE, id), p.events().out());
            put(new SeriesKey(Metric.EVENTS_DURATION, PIPELINE, id), seconds(p.events().durationMillis()));
        }
        put(new SeriesKey(Metric.WORKERS, PIPELINE, id), p.workers());
        Map<String, Flow> flow = p.flow();
        put(new SeriesKey(Metric.INPUT_THROUGHPUT, PIPELINE, id), current(flow, "inputThroughput"));
        put(new SeriesKey(Metric.FILTER_THROUGHPUT, PIPELINE, id), current(flow, "filterThroughput"));
        put(new SeriesKey(Metric.OUTPUT_THROUGHPUT, PIPELINE, id), current(flow, "outputThroughput"));
        put(new SeriesKey(Metric.QUEUE_BACKPRESSURE, PIPELINE, id), current(flow, "queueBackpressure"));
        put(new SeriesKey(Metric.WORKER_CONCURRENCY, PIPELINE, id), current(flow, "workerConcurrency"));
        put(new SeriesKey(Metric.WORKER_UTILIZATION, PIPELINE, id), ratio(current(flow, "workerUtilization")));
        if (p.queue() != null) {
            put(new SeriesKey(Metric.QUEUE_EVENTS, PIPELINE, id), p.queue().events());
            if ("persisted".equals(p.queue().type())) {
                put(new SeriesKey(Metric.QUEUE_SIZE, PIPELINE, id), p.queue().sizeBytes());
                put(new SeriesKey(Metric.QUEUE_MAX_SIZE, PIPELINE, id), p.queue().maxSizeBytes());
            }
        }
        if (p.deadLetterQueue() != null) {
            put(new SeriesKey(Metric.DLQ_SIZE, PIPELINE, id), p.deadLetterQueue().sizeBytes());
            put(new SeriesKey(Metric.DLQ_DROPPED, PIPELINE, id), p.deadLetterQueue().droppedEvents());
        }
        if (p.reloads() != null) {
            put(new SeriesKey(Metric.RELOAD_SUCCESSES, PIPELINE, id), p.reloads().successes());
            put(new SeriesKey(Metric.RELOAD_FAILURES, PIPELINE, id), p.reloads().failures());
        }
        if (p.batch() != null) {
            batch(p.id(), Metric.BATCH_EVENTS, p.batch().events());
            batch(p.id(), Metric.BATCH_SIZE, p.batch().bytes());
        }
        if (p.bottleneck() != null) {
            put(new SeriesKey(Metric.BOTTLENECK, BOTTLENECK, List.of(p.id(), p.bottleneck().stage(),
                    p.bottleneck().pluginId() == null ? "" : p.bottleneck().pluginId())), 1);
        }
        plugins(p, Math.max(0, maxPlugins));
    }

    private void batch(String pipeline, Metric metric, Snapshot.BatchFigure f) {
        if (f == null) {
            return;
        }
        put(new SeriesKey(metric, BATCH, List.of(pipeline, "current", "now")), f.current());
        windows(pipeline, metric, "average", f.average());
        windows(pipeline, metric, "p50", f.p50());
        windows(pipeline, metric, "p90", f.p90());
        windows(pipeline, metric, "max", f.max());
    }

    private void windows(String pipeline, Metric metric, String stat, Snapshot.Windows w) {
        if (w == null) {
            return;
        }
        put(new SeriesKey(metric, BATCH, List.of(pipeline, stat, "lifetime")), w.lifetime());
        put(new SeriesKey(metric, BATCH, List.of(pipeline, stat, "1m")), w.last1Minute());
        put(new SeriesKey(metric, BATCH, List.of(pipeline, stat, "5m")), w.last5Minutes());
        put(new SeriesKey(metric, BATCH, List.of(pipeline, stat, "15m")), w.last15Minutes());
    }

    private void plugins(Snapshot.Pipeline p, int maxPlugins) {
        List<Snapshot.Plugin> plugins = p.plugins() == null ? List.of() : p.plugins();
        // Per plugin type: in, out, duration (seconds), and whether any folded plugin reported each.
        Map<String, double[]> folded = new HashMap<>();
        int foldedCount = 0;
        for (int i = 0; i < plugins.size(); i++) {
            Snapshot.Plugin plugin = plugins.get(i);
            String type = plugin.type() == null ? "unknown" : plugin.type();
            Snapshot.PluginEvents ev = plugin.events();
            if (i < maxPlugins) {
                List<String> labels = List.of(p.id(), plugin.id(), type, plugin.logType() == null ? "other" : plugin.logType());
                if (ev != null) {
                    put(new SeriesKey(Metric.PLUGIN_EVENTS_IN, PLUGIN, labels), ev.in());
                    put(new SeriesKey(Metric.PLUGIN_EVENTS_OUT, PLUGIN, labels), ev.out());
                    put(new SeriesKey(Metric.PLUGIN_DURATION, PLUGIN, labels), seconds(ev.durationMillis()));
                }
                delivery(p.id(), plugin);
                continue;
            }
            foldedCount++;
            double[] sum = folded.computeIfAbsent(type, t -> new double[] {0, 0, 0, 0, 0, 0});
            if (ev != null) {
                add(sum, 0, ev.in() == null ? null : ev.in().doubleValue());
                add(sum, 1, ev.out() == null ? null : ev.out().doubleValue());
                add(sum, 2, seconds(ev.durationMillis()));
            }
        }
        folded.forEach((type, sum) -> {
            List<String> labels = List.of(p.id(), OTHER, type, OTHER);
            if (sum[3] > 0) {
                values.put(new SeriesKey(Metric.PLUGIN_EVENTS_IN, PLUGIN, labels), sum[0]);
            }
            if (sum[4] > 0) {
                values.put(new SeriesKey(Metric.PLUGIN_EVENTS_OUT, PLUGIN, labels), sum[1]);
            }
            if (sum[5] > 0) {
                values.put(new SeriesKey(Metric.PLUGIN_DURATION, PLUGIN, labels), sum[2]);
            }
        });
        put(new SeriesKey(Metric.PLUGINS_FOLDED, PIPELINE, List.of(p.id())), foldedCount);
    }

    // Delivery counters are per output and not folded: a folded sum of two outputs' failures names neither.
    private void delivery(String pipeline, Snapshot.Plugin plugin) {
        Snapshot.BulkRequests b = plugin.bulkRequests();
        if (b != null) {
            put(new SeriesKey(Metric.OUTPUT_BULK_REQUESTS, DELIVERY, List.of(pipeline, plugin.id(), "successes")), b.successes());
            put(new SeriesKey(Metric.OUTPUT_BULK_REQUESTS, DELIVERY, List.of(pipeline, plugin.id(), "with_errors")), b.withErrors());
            put(new SeriesKey(Metric.OUTPUT_BULK_REQUESTS, DELIVERY, List.of(pipeline, plugin.id(), "failures")), b.failures());
            Map<String, Long> responses = b.responses() == null ? Map.of() : b.responses();
            responses.forEach((code, n) -> put(new SeriesKey(Metric.OUTPUT_BULK_RESPONSES, RESPONSES, List.of(pipeline, plugin.id(), code)), n));
        }
        Snapshot.Documents d = plugin.documents();
        if (d != null) {
            put(new SeriesKey(Metric.OUTPUT_DOCUMENTS, DELIVERY, List.of(pipeline, plugin.id(), "successes")), d.successes());
            put(new SeriesKey(Metric.OUTPUT_DOCUMENTS, DELIVERY, List.of(pipeline, plugin.id(), "retryable_failures")), d.retryableFailures());
            put(new SeriesKey(Metric.OUTPUT_DOCUMENTS, DELIVERY, List.of(pipeline, plugin.id(), "non_retryable_failures")),
                    d.nonRetryableFailures());
            put(new SeriesKey(Metric.OUTPUT_DOCUMENTS, DELIVERY, List.of(pipeline, plugin.id(), "dlq_routed")), d.dlqRouted());
        }
    }

    private static void add(double[] sum, int field, Double value) {
        if (value != null) {
            sum[field] += value;
            sum[field + 3] = 1;
        }
    }

    private void put(SeriesKey key, Number value) {
        if (value != null) {
            values.put(key, value.doubleValue());
        }
    }

    private static Double current(Map<String, Flow> flow, String name) {
        Flow f = flow == null ? null : flow.get(name);
        return f == null || f.current() == null || f.current().isInfinite() || f.current().isNaN() ? null : f.current();
    }

    private static Double seconds(Long millis) {
        return millis == null ? null : millis / 1000.0;
    }

    private static Double ratio(Double percent) {
        return percent == null ? null : percent / 100.0;
    }
}
