package io.statussidecar.collect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.statussidecar.logstash.FlowRate;
import io.statussidecar.logstash.HealthReport;
import io.statussidecar.logstash.NodeInfo;
import io.statussidecar.logstash.NodeStats;
import io.statussidecar.logtypes.LogTypes;
import io.statussidecar.store.Flow;
import io.statussidecar.store.LogstashHealth;
import io.statussidecar.store.Snapshot;

/** Turns Logstash's answers into a {@link Snapshot}: pure, so every fixture can be checked without HTTP. */
public final class SnapshotMapper {

    private SnapshotMapper() {
    }

    /** @param info the last {@code /_node} answer for this Logstash process, or null if unknown */
    public static Snapshot map(NodeStats stats, NodeInfo info, Instant collectedAt, LogTypes logTypes) {
        NodeStats.Jvm jvm = stats.jvm();
        Long uptime = jvm == null ? null : jvm.uptimeInMillis();
        Snapshot.Node node = new Snapshot.Node(
                first(stats.id(), info == null ? null : info.id()),
                first(stats.name(), info == null ? null : info.name()),
                first(stats.host(), info == null ? null : info.host()),
                first(stats.version(), info == null ? null : info.version()),
                stats.status(),
                stats.ephemeralId(),
                uptime,
                first(stats.httpAddress(), info == null ? null : info.httpAddress()));
        List<Snapshot.Pipeline> pipelines = pipelines(stats, info, logTypes);
        return new Snapshot(collectedAt, node, jvm(jvm), process(stats.process()), events(stats.events()),
                flows(stats.flow()), pipelines, logTypes.breakdown(pluginCounts(pipelines)), cgroup(stats.os()));
    }

    /** {@code os.cgroup.cpu}, with Logstash's -1 (a file it could not read, an unlimited quota) as absent. */
    static Snapshot.Cgroup cgroup(NodeStats.Os os) {
        NodeStats.CgroupCpu cpu = os == null || os.cgroup() == null ? null : os.cgroup().cpu();
        if (cpu == null) {
            return null;
        }
        NodeStats.CpuStat stat = cpu.stat();
        Snapshot.Cgroup c = new Snapshot.Cgroup(known(cpu.cfsPeriodMicros()), known(cpu.cfsQuotaMicros()),
                stat == null ? null : known(stat.numberOfElapsedPeriods()), stat == null ? null : known(stat.numberOfTimesThrottled()),
                stat == null ? null : known(stat.timeThrottledNanos()));
        boolean limit = c.periodMicros() != null && c.quotaMicros() != null;
        return c.elapsedPeriods() == null && !limit ? null : c;
    }

    private static Long known(Long v) {
        return v == null || v < 0 ? null : v;
    }

    private static List<LogTypes.PluginCount> pluginCounts(List<Snapshot.Pipeline> pipelines) {
        List<LogTypes.PluginCount> out = new ArrayList<>();
        for (Snapshot.Pipeline p : pipelines) {
            if (p.system()) {
                continue;
            }
            for (Snapshot.Plugin plugin : p.plugins()) {
                out.add(new LogTypes.PluginCount(plugin.id(), plugin.type(), plugin.events() == null ? null : plugin.events().out()));
            }
        }
        return out;
    }

    private static Snapshot.Jvm jvm(NodeStats.Jvm jvm) {
        if (jvm == null) {
            return null;
        }
        NodeStats.Mem mem = jvm.mem();
        Map<String, NodeStats.Collector> collectors = jvm.gc() == null || jvm.gc().collectors() == null
                ? Map.of()
                : jvm.gc().collectors();
        NodeStats.Collector young = collectors.get("young");
        NodeStats.Collector old = collectors.get("old");
        return new Snapshot.Jvm(
                mem == null ? null : mem.heapUsedInBytes(),
                mem == null ? null : mem.heapMaxInBytes(),
                mem == null ? null : mem.heapUsedPercent(),
                jvm.threads() == null ? null : jvm.threads().count(),
                new Snapshot.Gc(
                        young == null ? null : young.collectionCount(),
                        young == null ? null : young.collectionTimeInMillis(),
                        old == null ? null : old.collectionCount(),
                        old == null ? null : old.collectionTimeInMillis()));
    }

    private static Snapshot.Proc process(NodeStats.Process p) {
        if (p == null) {
            return null;
        }
        return new Snapshot.Proc(p.cpu() == null ? null : p.cpu().percent(), p.openFileDescriptors(),
                p.maxFileDescriptors());
    }

    private static Snapshot.Events events(NodeStats.Events e) {
        if (e == null) {
            return null;
        }
        return new Snapshot.Events(e.in(), e.filtered(), e.out(), e.durationInMillis(), e.queuePushDurationInMillis());
    }

    /**
     * 9.2+'s {@code batch} block, read leniently: a figure that is not a finite number is left out, an
     * unknown window ignored, and a block with nothing readable is no block.
     */
    public static Snapshot.Batch batch(JsonNode batch) {
        if (batch == null || !batch.isObject()) {
            return null;
        }
        Snapshot.BatchFigure events = batchFigure(batch.get("event_count"));
        Snapshot.BatchFigure bytes = batchFigure(batch.get("byte_size"));
        return events == null && bytes == null ? null : new Snapshot.Batch(events, bytes);
    }

    private static Snapshot.BatchFigure batchFigure(JsonNode f) {
        if (f == null || !f.isObject()) {
            return null;
        }
        Snapshot.BatchFigure figure = new Snapshot.BatchFigure(finite(f.get("current")), windows(f.get("average")),
                windows(f.get("p50")), windows(f.get("p90")), windows(f.get("max")));
        return figure.current() == null && figure.average() == null && figure.p50() == null && figure.p90() == null
                && figure.max() == null ? null : figure;
    }

    private static Snapshot.Windows windows(JsonNode w) {
        if (w == null || !w.isObject()) {
            return null;
        }
        Snapshot.Windows windows = new Snapshot.Windows(finite(w.get("lifetime")), finite(w.get("last_1_minute")),
                finite(w.get("last_5_minutes")), finite(w.get("last_15_minutes")));
        return windows.lifetime() == null && windows.last1Minute() == null && windows.last5Minutes() == null
                && windows.last15Minutes() == null ? null : windows;
    }

    private static Double finite(JsonNode n) {
        return n != null && n.isNumber() && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    private static List<Snapshot.Pipeline> pipelines(NodeStats stats, NodeInfo info, LogTypes logTypes) {
        if (stats.pipelines() == null) {
            return List.of();
        }
        List<Snapshot.Pipeline> out = new ArrayList<>(stats.pipelines().size());
        stats.pipelines().forEach((id, p) -> {
            if (p == null) {
                return;
            }
            NodeInfo.PipelineInfo declared = info == null || info.pipelines() == null ? null : info.pipelines().get(id);
            Integer workers = p.pipeline() != null && p.pipeline().workers() != null ? p.pipeline().workers()
                    : declared != null ? declared.workers() : null;
            Integer batchSize = p.pipeline() != null && p.pipeline().batchSize() != null ? p.pipeline().batchSize()
                    : declared != null ? declared.batchSize() : null;
            out.add(new Snapshot.Pipeline(id, id.startsWith("."), workers, batchSize, events(p.events()), flows(p.flow()),
                    queue(p.queue()), deadLetterQueue(p.deadLetterQueue()), reloads(p.reloads()), plugins(p.plugins(), logTypes), null,
                    batch(p.batch())));
        });
        return Collections.unmodifiableList(out);
    }

    private static Snapshot.Queue queue(NodeStats.Queue q) {
        if (q == null) {
            return null;
        }
        return new Snapshot.Queue(q.type(), first(q.eventsCount(), q.events()), q.queueSizeInBytes(),
                q.maxQueueSizeInBytes());
    }

    private static Snapshot.DeadLetterQueue deadLetterQueue(NodeStats.DeadLetterQueue d) {
        if (d == null) {
            return null;
        }
        return new Snapshot.DeadLetterQueue(d.queueSizeInBytes(), d.maxQueueSizeInBytes(), d.droppedEvents(),
                d.expiredEvents(), d.storagePolicy(), errorText(d.lastError()));
    }

    private static Snapshot.Reloads reloads(NodeStats.Reloads r) {
        if (r == null) {
            return null;
        }
        return new Snapshot.Reloads(r.successes(), r.failures(), errorText(r.lastError()), r.lastSuccessTimestamp(),
                r.lastFailureTimestamp());
    }

    private static List<Snapshot.Plugin> plugins(NodeStats.Plugins plugins, LogTypes logTypes) {
        if (plugins == null) {
            return List.of();
        }
        List<Snapshot.Plugin> out = new ArrayList<>();
        addPlugins(out, plugins.inputs(), "input", logTypes);
        addPlugins(out, plugins.filters(), "filter", logTypes);
        addPlugins(out, plugins.outputs(), "output", logTypes);
        addPlugins(out, plugins.codecs(), "codec", logTypes);
        return Collections.unmodifiableList(out);
    }

    private static void addPlugins(List<Snapshot.Plugin> out, List<NodeStats.Plugin> plugins, String type,
            LogTypes logTypes) {
        if (plugins == null) {
            return;
        }
        for (NodeStats.Plugin p : plugins) {
            if (p == null || p.id() == null) {
                continue;
            }
            NodeStats.Events e = p.events();
            Snapshot.PluginEvents events = e == null ? null : new Snapshot.PluginEvents(e.in(), e.out(), e.durationInMillis());
            boolean pipelinePlugin = "pipeline".equals(p.name());
            out.add(new Snapshot.Plugin(p.id(), p.name(), type, logTypes.typeOf(p.id(), type), events, flows(p.flow()), null,
                    pipelinePlugin && type.equals("output") ? addresses(p.sendTo()) : List.of(),
                    pipelinePlugin && type.equals("input") ? address(p.address()) : null,
                    type.equals("output") ? bulkRequests(p.bulkRequests()) : null,
                    type.equals("output") ? documents(p.documents()) : null));
        }
    }

    /** At most this many addresses or response codes are kept from one plugin: a real one has a few. */
    static final int MAX_ENTRIES = 32;

    private static List<String> addresses(JsonNode sendTo) {
        if (sendTo == null || !sendTo.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (JsonNode a : sendTo) {
            String address = address(a);
            if (address != null && out.size() < MAX_ENTRIES) {
                out.add(address);
            }
        }
        return List.copyOf(out);
    }

    private static String address(JsonNode a) {
        return a != null && a.isTextual() && !a.textValue().isEmpty() && a.textValue().length() <= 256 ? a.textValue() : null;
    }

    /** The elasticsearch output's {@code bulk_requests}; a counter that is not a whole number ≥ 0 is left out. */
    private static Snapshot.BulkRequests bulkRequests(JsonNode b) {
        if (b == null || !b.isObject()) {
            return null;
        }
        Map<String, Long> responses = new java.util.TreeMap<>();
        JsonNode r = b.get("responses");
        if (r != null && r.isObject()) {
            r.fields().forEachRemaining(e -> {
                Long n = count(e.getValue());
                if (n != null && e.getKey().matches("[1-5][0-9][0-9]") && responses.size() < MAX_ENTRIES) {
                    responses.put(e.getKey(), n);
                }
            });
        }
        Snapshot.BulkRequests out = new Snapshot.BulkRequests(count(b.get("successes")), count(b.get("with_errors")),
                count(b.get("failures")), Collections.unmodifiableMap(responses));
        return out.successes() == null && out.withErrors() == null && out.failures() == null && responses.isEmpty() ? null : out;
    }

    private static Snapshot.Documents documents(JsonNode d) {
        if (d == null || !d.isObject()) {
            return null;
        }
        Snapshot.Documents out = new Snapshot.Documents(count(d.get("successes")), count(d.get("retryable_failures")),
                count(d.get("non_retryable_failures")), count(d.get("dlq_routed")));
        return out.successes() == null && out.retryableFailures() == null && out.nonRetryableFailures() == null
                && out.dlqRouted() == null ? null : out;
    }

    private static Long count(JsonNode n) {
        return n != null && n.canConvertToExactIntegral() && n.canConvertToLong() && n.longValue() >= 0 ? n.longValue() : null;
    }

    /** Logstash's snake_case flow names become camelCase keys, in Logstash's order. */
    static Map<String, Flow> flows(Map<String, FlowRate> flow) {
        if (flow == null || flow.isEmpty()) {
            return Map.of();
        }
        Map<String, Flow> out = new LinkedHashMap<>();
        flow.forEach((name, r) -> {
            if (r != null) {
                out.put(camel(name), new Flow(r.current(), r.lifetime(), r.last1Minute(), r.last5Minutes(),
                        r.last15Minutes(), r.last1Hour(), r.last24Hours()));
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /**
     * Logstash's health report with its indicators flattened the way an operator reads them: a
     * top-level indicator that has per-pipeline indicators stands for those ({@code pipelines 'main'}),
     * one without stands for itself.
     */
    public static LogstashHealth health(HealthReport report) {
        if (report == null) {
            return null;
        }
        List<LogstashHealth.Indicator> indicators = new ArrayList<>();
        Map<String, HealthReport.Indicator> top = report.indicators() == null ? Map.of() : report.indicators();
        top.forEach((name, indicator) -> {
            Map<String, HealthReport.Indicator> subs = indicator == null || indicator.indicators() == null ? Map.of()
                    : indicator.indicators();
            subs.forEach((id, sub) -> indicator(name + " '" + id + "'", sub).ifPresent(indicators::add));
            if (subs.isEmpty()) {
                indicator(name, indicator).ifPresent(indicators::add);
            }
        });
        return new LogstashHealth(report.status(), report.symptom(), List.copyOf(indicators));
    }

    private static Optional<LogstashHealth.Indicator> indicator(String name, HealthReport.Indicator i) {
        if (i == null) {
            return Optional.empty();
        }
        List<LogstashHealth.Diagnosis> diagnoses = new ArrayList<>();
        if (i.diagnosis() != null) {
            for (HealthReport.Diagnosis d : i.diagnosis()) {
                if (d != null) {
                    diagnoses.add(new LogstashHealth.Diagnosis(d.cause(), d.action(), d.helpUrlText()));
                }
            }
        }
        return Optional.of(new LogstashHealth.Indicator(name, i.status(), i.symptom(), List.copyOf(diagnoses),
                recoveries(i.details())));
    }

    /** At most this many recovery times are kept from a report: Logstash keeps 5 minutes of them. */
    static final int MAX_RECOVERIES = 20;

    /** 9.4's {@code details.recovery_log}: the newest {@link #MAX_RECOVERIES} valid instants, oldest first. */
    private static List<Instant> recoveries(JsonNode details) {
        JsonNode log = details == null ? null : details.get("recovery_log");
        if (log == null || !log.isArray()) {
            return List.of();
        }
        List<Instant> out = new ArrayList<>();
        for (JsonNode t : log) {
            if (t.isTextual() && t.textValue().length() <= 64) {
                try {
                    out.add(Instant.parse(t.textValue()));
                } catch (java.time.format.DateTimeParseException e) {
                    // not an instant: left out, as any figure Logstash gives that cannot be read
                }
            }
        }
        out.sort(null);
        return List.copyOf(out.subList(Math.max(0, out.size() - MAX_RECOVERIES), out.size()));
    }

    static String camel(String snake) {
        StringBuilder sb = new StringBuilder(snake.length());
        boolean upper = false;
        for (char c : snake.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }

    /** Logstash reports a reload or DLQ error as an object with a message, or as a plain string. */
    static String errorText(JsonNode error) {
        if (error == null || error.isNull() || error.isMissingNode()) {
            return null;
        }
        if (error.isTextual()) {
            return error.asText();
        }
        return Optional.ofNullable(error.get("message")).filter(JsonNode::isValueNode).map(JsonNode::asText)
                .orElse(error.toString());
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
