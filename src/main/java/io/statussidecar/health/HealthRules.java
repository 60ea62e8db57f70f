package io.statussidecar.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.statussidecar.store.Bottleneck;
import io.statussidecar.store.CollectorStatus;
import io.statussidecar.store.Flow;
import io.statussidecar.store.LogstashHealth;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.PluginRestart;
import io.statussidecar.store.Snapshot;
import io.statussidecar.store.Trends;
import io.statussidecar.security.Redactor;

/**
 * The health rules of SPEC §5: a pure function from what the store knows to a status and its reasons.
 * One method per rule; every threshold comes from {@link Thresholds}. Defaults are chosen so that
 * {@code unhealthy} means "replace this instance".
 */
public final class HealthRules {

    static final double BACKPRESSURE_LIMIT = 0.9;
    static final double PQ_FULL_FRACTION = 0.8;
    /** Before 8.16 Logstash's {@code status} is hard-coded green, so it says nothing. */
    static final int[] REAL_STATUS_SINCE = { 8, 16 };

    private HealthRules() {
    }

    public static Verdict evaluate(HealthInputs in) {
        List<Reason> reasons = new ArrayList<>();
        collectorStuck(in).ifPresent(reasons::add);
        boolean unreachable = unreachable(in).map(r -> reasons.add(r)).orElse(false);
        if (in.latest() == null && !unreachable) {
            reasons.add(starting(in));
        }
        if (in.latest() != null && !unreachable) {
            reasons.addAll(snapshotReasons(in));
        }
        logProfileInvalid(in).ifPresent(reasons::add);
        reasons.addAll(pluginRestarting(in));
        reasons.sort(Comparator.comparing(Reason::severity).reversed());
        Status status = reasons.stream().map(Reason::severity).max(Comparator.naturalOrder()).orElse(Status.HEALTHY);
        Snapshot s = in.latest();
        boolean reachable = in.status().attempted() && in.status().lastError() == null;
        return new Verdict(status, List.copyOf(reasons), in.now(), new Verdict.Logstash(reachable,
                s == null || s.node() == null ? null : s.node().version(),
                s == null || s.node() == null ? null : s.node().uptimeMillis()));
    }

    private static List<Reason> snapshotReasons(HealthInputs in) {
        List<Reason> reasons = new ArrayList<>();
        Snapshot s = in.latest();
        if (s.userPipelines().isEmpty()) {
            reasons.add(new Reason("no_pipelines", Status.UNHEALTHY, "Logstash at " + in.logstashUrl()
                    + " answers but runs no pipeline: check its pipeline configuration (pipelines.yml or -f) and its log"));
            return reasons;
        }
        reasons.addAll(logstashStatus(in));
        List<Map<String, Snapshot.Pipeline>> recent = in.recentPipelines();
        for (Snapshot.Pipeline p : s.userPipelines()) {
            Trends.Pipeline trend = in.trends().pipelines().get(p.id());
            pipelineStalled(in, p, trend).ifPresent(reasons::add);
            workersSaturated(in, recent, p).ifPresent(reasons::add);
            queueBackpressure(in, recent, p).ifPresent(reasons::add);
            pqNearFull(p).ifPresent(reasons::add);
            pqFilling(in, p, trend).ifPresent(reasons::add);
            dlqDropping(in, p, trend).ifPresent(reasons::add);
            configReloadFailed(p, trend).ifPresent(reasons::add);
            if (trend != null && trend.outputs() != null) {
                trend.outputs().forEach((plugin, w) -> {
                    if (w.size() >= 2) { // one sample is only the baseline
                        outputFailing(p, plugin, w.get(0), w.get(w.size() - 1)).ifPresent(reasons::add);
                        outputDropping(p, plugin, w.get(0), w.get(w.size() - 1)).ifPresent(reasons::add);
                    }
                });
            }
        }
        heapPressure(in).ifPresent(reasons::add);
        gcOverhead(in).ifPresent(reasons::add);
        cpuThrottled(in).ifPresent(reasons::add);
        noEvents(in).ifPresent(reasons::add);
        return reasons;
    }

    /** SPEC §5: the same plugin restarting after an error 3 times within 5 minutes. */
    static final int RESTARTS_FOR_A_LOOP = 3;
    static final Duration RESTART_WINDOW = Duration.ofMinutes(5);

    // Read from the log, so it holds even while the API is unreachable (a crashing input can be why).
    private static List<Reason> pluginRestarting(HealthInputs in) {
        Map<String, List<PluginRestart>> byPlugin = new java.util.LinkedHashMap<>();
        Instant since = in.now().minus(RESTART_WINDOW);
        for (PluginRestart r : in.restarts()) {
            if (r.seenAt().isAfter(since) && !r.seenAt().isAfter(in.now())) {
                byPlugin.computeIfAbsent(r.pipeline() + "\u0000" + r.plugin(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Reason> out = new ArrayList<>();
        byPlugin.values().forEach(list -> {
            if (list.size() >= RESTARTS_FOR_A_LOOP) {
                PluginRestart last = list.get(list.size() - 1);
                out.add(new Reason("plugin_restarting", Status.DEGRADED, "Plugin '" + last.plugin() + "'"
                        + (last.pluginClass() != null && last.pluginId() != null ? " (" + last.pluginClass() + ")" : "")
                        + (last.pipeline() != null ? " of pipeline '" + last.pipeline() + "'" : "") + " restarted " + list.size()
                        + " times in the last " + RESTART_WINDOW.toMinutes() + " minutes after an unrecoverable error"
                        + (last.error() != null ? ": " + last.error() : "")
                        + ". It fails and restarts in a loop while Logstash's status stays green: fix what the error names"));
            }
        });
        return out;
    }

    private static Optional<Reason> collectorStuck(HealthInputs in) {
        if (!in.status().stuck(in.now(), in.thresholds().collectorStuckAfter())) {
            return Optional.empty();
        }
        return Optional.of(new Reason("stale_data", Status.UNHEALTHY, "The sidecar has not finished a poll of Logstash for more than "
                + seconds(in.thresholds().collectorStuckAfter()) + "; what it shows is out of date. Check the sidecar's CPU limit and its log"));
    }

    private static Optional<Reason> unreachable(HealthInputs in) {
        CollectorStatus st = in.status();
        if (st.failingSince() == null || Duration.between(st.failingSince(), in.now()).compareTo(in.thresholds().unreachableGrace()) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Reason("logstash_unreachable", Status.UNHEALTHY, "Logstash at " + in.logstashUrl()
                + " has not answered for " + seconds(Duration.between(st.failingSince(), in.now())) + ": " + st.lastErrorSummary()
                + ". Check that Logstash runs and that its API (api.http.host, port 9600) is reachable from the sidecar"));
    }

    private static Reason starting(HealthInputs in) {
        String why = in.status().lastError() == null ? "the first poll has not finished" : in.status().lastErrorSummary();
        return new Reason("starting", Status.UNHEALTHY, "No successful poll of Logstash at " + in.logstashUrl() + " yet: " + why);
    }

    private static Optional<Reason> logProfileInvalid(HealthInputs in) {
        if (in.profile().valid()) {
            return Optional.empty();
        }
        return Optional.of(new Reason("log_profile_invalid", Status.DEGRADED, "LOG_PROFILE=\"" + in.profile().value()
                + "\" is not one of all, security, networking, so Logstash forwards no log type; fix LOG_PROFILE on Logstash and the sidecar"));
    }

    private static List<Reason> logstashStatus(HealthInputs in) {
        List<Reason> reasons = new ArrayList<>();
        LogstashHealth report = in.report();
        if (report != null) {
            report.indicators().forEach(indicator -> indicatorReason(indicator).ifPresent(reasons::add));
            if (reasons.isEmpty()) {
                code(report.status()).ifPresent(code -> reasons.add(new Reason(code.code, code.severity,
                        "Logstash reports status " + report.status() + ": " + report.symptom())));
            }
            return reasons;
        }
        Snapshot.Node node = in.latest().node();
        if (node != null && atLeast(node.version(), REAL_STATUS_SINCE)) {
            code(node.status()).ifPresent(code -> reasons.add(new Reason(code.code, code.severity,
                    "Logstash reports status " + node.status() + "; GET " + in.logstashUrl() + "/_health_report says why")));
        }
        return reasons;
    }

    /** Logstash's own words: the symptom, then each diagnosis' cause, action and help URL. */
    private static Optional<Reason> indicatorReason(LogstashHealth.Indicator indicator) {
        return code(indicator.status()).map(code -> {
            StringBuilder m = new StringBuilder("Logstash ").append(indicator.name()).append(" is ").append(indicator.status());
            if (indicator.symptom() != null) {
                m.append(": ").append(indicator.symptom());
            }
            for (LogstashHealth.Diagnosis d : indicator.diagnoses()) {
                m.append(". Cause: ").append(Objects.toString(d.cause(), "not given"));
                if (d.action() != null) {
                    m.append(". Action: ").append(d.action());
                }
                if (d.helpUrl() != null) {
                    m.append(" (").append(d.helpUrl()).append(')');
                }
            }
            List<Instant> r = indicator.recoveries();
            if (!r.isEmpty()) {
                // Logstash 9.4's recovery log: how often and when, which its diagnosis only counts.
                m.append(". Recovered from a crash ").append(r.size()).append(r.size() == 1 ? " time" : " times")
                        .append(" in Logstash's recovery log, the last at ").append(r.get(r.size() - 1))
                        .append(": look in its log at that time for the crash");
            }
            return new Reason(code.code, code.severity, m.toString());
        });
    }

    private record Code(String code, Status severity) {
    }

    private static Optional<Code> code(String logstashStatus) {
        if ("red".equals(logstashStatus)) {
            return Optional.of(new Code("logstash_status_red", Status.UNHEALTHY));
        }
        if ("yellow".equals(logstashStatus)) {
            return Optional.of(new Code("logstash_status_yellow", Status.DEGRADED));
        }
        return Optional.empty();
    }

    /**
     * Nothing left the pipeline for the stall period while work was pending: events kept entering (a
     * persisted queue filling), or the workers stayed fully busy / the queue fully backpressured all
     * along (a memory queue behind a blocked output: then nothing enters either). An idle pipeline,
     * with nothing arriving and idle workers, is neither.
     */
    private static Optional<Reason> pipelineStalled(HealthInputs in, Snapshot.Pipeline p, Trends.Pipeline t) {
        if (t == null || t.outAdvancedAt() == null) {
            return Optional.empty();
        }
        Duration period = in.thresholds().stallPeriod();
        Duration silent = Duration.between(t.outAdvancedAt(), in.now());
        if (silent.compareTo(period) < 0) {
            return Optional.empty();
        }
        boolean filling = t.inAdvancedAt() != null && t.inAdvancedAt().isAfter(t.outAdvancedAt());
        boolean blocked = t.blockedSince() != null && Duration.between(t.blockedSince(), in.now()).compareTo(period) >= 0;
        if (filling) {
            return Optional.of(new Reason("pipeline_stalled", Status.UNHEALTHY, "Pipeline '" + p.id()
                    + "': events keep entering but none has left for " + seconds(silent) + " (HEALTH_STALL_PERIOD "
                    + seconds(period) + "). An output is probably blocked: check the destination and GET /api/hot-threads"));
        }
        if (blocked) {
            return Optional.of(new Reason("pipeline_stalled", Status.UNHEALTHY, "Pipeline '" + p.id()
                    + "': no event has left for " + seconds(silent) + " (HEALTH_STALL_PERIOD " + seconds(period)
                    + ") while its workers are all busy or its queue blocks the inputs (worker utilization "
                    + round(orNaN(flow(p, "workerUtilization"))) + "%, queue backpressure "
                    + round(orNaN(flow(p, "queueBackpressure"))) + "). An output is probably blocked: check the "
                    + "destination and GET /api/hot-threads"));
        }
        return Optional.empty();
    }

    private static double orNaN(Double d) {
        return d == null ? Double.NaN : d;
    }

    private static Optional<Reason> workersSaturated(HealthInputs in, List<Map<String, Snapshot.Pipeline>> recent,
            Snapshot.Pipeline p) {
        int limit = in.thresholds().workerUtilizationPercent();
        return forRecentPolls(recent, p.id(), q -> flow(q, "workerUtilization"), v -> v >= limit).map(v -> new Reason("workers_saturated",
                Status.DEGRADED, "Pipeline '" + p.id() + "': worker utilization has been at least " + limit
                        + "% for " + in.recent().size() + " polls (now " + round(v) + "%). "
                        + downstream(p).orElse("Add pipeline.workers or CPU, or find the slow filter")));
    }

    // More workers do not help a pipeline that waits on the pipeline it sends to (SPEC §14).
    private static Optional<String> downstream(Snapshot.Pipeline p) {
        Bottleneck b = p.bottleneck();
        return b == null || !Bottleneck.DOWNSTREAM.equals(b.stage()) ? Optional.empty()
                : Optional.of("Its workers wait in output '" + b.pluginId() + "' for pipeline '" + b.pipeline()
                        + "' to take its events: see that pipeline's bottleneck");
    }

    private static Optional<Reason> queueBackpressure(HealthInputs in, List<Map<String, Snapshot.Pipeline>> recent,
            Snapshot.Pipeline p) {
        return forRecentPolls(recent, p.id(), q -> flow(q, "queueBackpressure"), v -> v >= BACKPRESSURE_LIMIT)
                .map(v -> new Reason("queue_backpressure", Status.DEGRADED, "Pipeline '" + p.id()
                        + "': inputs have been blocked by a full queue for " + in.recent().size() + " polls (queue backpressure "
                        + round(v) + "). " + downstream(p).orElse("The filters or outputs do not keep up with the input rate")));
    }

    private static Optional<Reason> pqNearFull(Snapshot.Pipeline p) {
        Snapshot.Queue q = p.queue();
        if (q == null || !"persisted".equals(q.type()) || q.sizeBytes() == null || q.maxSizeBytes() == null
                || q.maxSizeBytes() <= 0 || q.sizeBytes() <= PQ_FULL_FRACTION * q.maxSizeBytes()) {
            return Optional.empty();
        }
        long percent = Math.round(100.0 * q.sizeBytes() / q.maxSizeBytes());
        return Optional.of(new Reason("pq_near_full", Status.DEGRADED, "Pipeline '" + p.id() + "': the persisted queue is " + percent
                + "% full (" + q.sizeBytes() + " of " + q.maxSizeBytes() + " bytes). When full, inputs stop; check the outputs or raise queue.max_bytes"));
    }

    /** SPEC §5: grown for 10 minutes, and at that rate full within the hour. */
    static final Duration PQ_FILLING_FOR = Duration.ofMinutes(10);
    static final Duration PQ_FULL_WITHIN = Duration.ofHours(1);

    private static Optional<Reason> pqFilling(HealthInputs in, Snapshot.Pipeline p, Trends.Pipeline t) {
        Snapshot.Queue q = p.queue();
        if (t == null || t.pqGrowingSince() == null || t.pqBytesThen() == null || q == null || q.sizeBytes() == null
                || q.maxSizeBytes() == null || q.maxSizeBytes() <= 0) {
            return Optional.empty();
        }
        Duration growing = Duration.between(t.pqGrowingSince(), in.now());
        long grown = q.sizeBytes() - t.pqBytesThen();
        if (growing.compareTo(PQ_FILLING_FOR) < 0 || grown <= 0) {
            return Optional.empty();
        }
        double bytesPerSecond = grown / (double) growing.toSeconds();
        long left = Math.max(0, q.maxSizeBytes() - q.sizeBytes());
        Duration toFull = Duration.ofSeconds((long) Math.ceil(left / bytesPerSecond));
        if (toFull.compareTo(PQ_FULL_WITHIN) > 0) {
            return Optional.empty();
        }
        return Optional.of(new Reason("pq_filling", Status.DEGRADED, "Pipeline '" + p.id() + "': the persisted queue grew by "
                + mib(grown) + " in " + growing.toMinutes() + " min (" + mib((long) (bytesPerSecond * 60)) + "/min) and at that rate is full in about "
                + Math.max(1, toFull.toMinutes()) + " min (" + mib(q.sizeBytes()) + " of " + mib(q.maxSizeBytes())
                + "). The outputs do not keep up: see the pipeline's bottleneck in /api/stats"));
    }

    private static String mib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private static Optional<Reason> dlqDropping(HealthInputs in, Snapshot.Pipeline p, Trends.Pipeline t) {
        if (t == null || t.dlqDroppedAt() == null
                || Duration.between(t.dlqDroppedAt(), in.now()).compareTo(in.thresholds().recentWindow()) > 0) {
            return Optional.empty();
        }
        Snapshot.DeadLetterQueue d = p.deadLetterQueue();
        return Optional.of(new Reason("dlq_dropping", Status.DEGRADED, "Pipeline '" + p.id()
                + "': the dead-letter queue is dropping events (" + (d == null ? "?" : d.droppedEvents()) + " dropped so far"
                + (d == null || d.lastError() == null ? "" : "; last error: " + Redactor.text(d.lastError()))
                + "). Raise dead_letter_queue.max_bytes or reprocess the queue"));
    }

    private static Optional<Reason> configReloadFailed(Snapshot.Pipeline p, Trends.Pipeline t) {
        if (t == null || t.reloadFailedAt() == null
                || t.reloadSucceededAt() != null && !t.reloadFailedAt().isAfter(t.reloadSucceededAt())) {
            return Optional.empty();
        }
        String error = p.reloads() == null ? null : p.reloads().lastError();
        return Optional.of(new Reason("config_reload_failed", Status.DEGRADED, "Pipeline '" + p.id()
                + "': the last configuration reload failed, Logstash still runs the previous one"
                + (error == null ? "" : ": " + Redactor.text(error)) + ". Fix the pipeline configuration"));
    }

    private static Optional<Reason> heapPressure(HealthInputs in) {
        int limit = in.thresholds().heapPercent();
        if (in.recent().size() < 3) {
            return Optional.empty();
        }
        for (Snapshot s : in.recent()) {
            if (s.jvm() == null || s.jvm().heapUsedPercent() == null || s.jvm().heapUsedPercent() < limit) {
                return Optional.empty();
            }
        }
        double now = in.latest().jvm().heapUsedPercent();
        return Optional.of(new Reason("heap_pressure", Status.DEGRADED, "Logstash's JVM heap has been at least " + limit + "% used for "
                + in.recent().size() + " polls (now " + round(now) + "%). Raise -Xmx in jvm.options or reduce pipeline.batch.size"));
    }

    /** SPEC §14: garbage collection took at least this share of wall-clock time over the window. */
    static final double GC_OVERHEAD = 0.20;

    private static Optional<Reason> gcOverhead(HealthInputs in) {
        List<Trends.GcSample> w = in.trends().gc();
        if (!whole(w)) {
            return Optional.empty();
        }
        Trends.GcSample last = w.get(w.size() - 1);
        Trends.GcSample base = w.get(0);
        long wall = Duration.between(base.at(), last.at()).toMillis();
        double share = (last.millis() - base.millis()) / (double) wall;
        if (share < GC_OVERHEAD) {
            return Optional.empty();
        }
        double old = (last.oldMillis() - base.oldMillis()) / (double) wall;
        Snapshot.Jvm jvm = in.latest().jvm();
        return Optional.of(new Reason("gc_overhead", Status.DEGRADED, "Logstash's JVM spent " + percent(share)
                + " of the last " + Math.round(wall / 60000.0) + " minutes collecting garbage (the old generation " + percent(old)
                + ")" + (jvm != null && jvm.heapUsedPercent() != null ? ", heap " + round(jvm.heapUsedPercent()) + "% used" : "")
                + ". Its pipelines get that much less CPU: raise -Xmx in jvm.options, reduce pipeline.batch.size or"
                + " pipeline.workers, or look for a filter holding events (aggregate, a large translate dictionary)"));
    }

    // Not before the window is whole: a sidecar started a minute ago has no five minutes to judge.
    private static boolean whole(List<? extends Trends.Sample> w) {
        return w.size() >= 2 && Duration.between(w.get(0).at(), w.get(w.size() - 1).at()).compareTo(Trends.NODE_WINDOW) >= 0;
    }

    private static Optional<Reason> cpuThrottled(HealthInputs in) {
        List<Trends.CpuSample> w = in.trends().cpu();
        if (!whole(w)) {
            return Optional.empty();
        }
        Trends.CpuSample last = w.get(w.size() - 1);
        Trends.CpuSample base = w.get(0);
        long periods = last.elapsedPeriods() - base.elapsedPeriods();
        long throttled = last.throttledPeriods() - base.throttledPeriods();
        double share = Snapshot.Cgroup.throttledShare(periods, throttled);
        if (!(share >= Snapshot.Cgroup.THROTTLED)) {
            return Optional.empty();
        }
        Snapshot.Cgroup c = in.latest().cgroup();
        Double cores = c == null ? null : c.limitCores();
        long minutes = Math.round(Duration.between(base.at(), last.at()).toSeconds() / 60.0);
        return Optional.of(new Reason("cpu_throttled", Status.DEGRADED, "Logstash's container was CPU-throttled in "
                + percent(share) + " of its scheduler periods over the last " + minutes + " minutes ("
                + throttled + " of " + periods + ")" + (cores == null ? "" : " at a limit of " + round(cores) + " cores")
                + ": it runs slower than its pipelines need, which looks like a slow filter from inside. Raise the container's"
                + " CPU limit, or lower pipeline.workers to what the limit allows"));
    }

    /**
     * SPEC §14: an output's bulk requests failed (document errors, 429/5xx, no answer) or its documents
     * were retried within the window. Counters that grew before the sidecar's first poll say nothing
     * about now: the window's first sample is its baseline.
     */
    private static Optional<Reason> outputFailing(Snapshot.Pipeline p, String pluginId, Trends.OutputSample base,
            Trends.OutputSample last) {
        long failing = last.failing() - base.failing();
        long retried = last.retriedDocuments() - base.retriedDocuments();
        if (failing <= 0 && retried <= 0) {
            return Optional.empty();
        }
        long requests = last.requests() - base.requests();
        StringBuilder m = new StringBuilder(output(p, pluginId)).append(": ");
        if (requests > 0) {
            m.append(percent(failing / (double) requests)).append(" of its bulk requests failed over the last ")
                    .append(span(base, last)).append(" (").append(failing).append(" of ").append(requests);
        } else {
            m.append("its documents failed over the last ").append(span(base, last)).append(" (");
        }
        List<String> detail = new ArrayList<>();
        Map<String, Long> codes = new java.util.TreeMap<>();
        last.errorResponses().forEach((code, n) -> {
            long d = n - base.errorResponses().getOrDefault(code, 0L);
            if (d > 0) {
                codes.put(code, d);
            }
        });
        if (!codes.isEmpty()) {
            java.util.StringJoiner c = new java.util.StringJoiner(", ", "answered ", "");
            codes.forEach((code, n) -> c.add("HTTP " + code + " ×" + n));
            detail.add(c.toString());
        }
        long withErrors = last.withErrors() - base.withErrors();
        if (withErrors > 0) {
            detail.add(withErrors + " with some documents refused");
        }
        if (retried > 0) {
            detail.add(retried + " document" + (retried == 1 ? "" : "s") + " failed and retried");
        }
        if (!detail.isEmpty()) {
            m.append(requests > 0 ? "; " : "").append(String.join("; ", detail));
        }
        long failed = last.failed() - base.failed();
        m.append(retried > 0 || failed > 0
                ? "). Logstash retries these for as long as it takes (a 429 is logged at debug level only): events wait in"
                        + " the pipeline until the destination accepts them. Check the destination's indexing load and rejections"
                : "). None was retried: the refused documents were rejected for good or dead-lettered (output_dropping"
                        + " counts those lost). Its log names each one");
        return Optional.of(new Reason("output_failing", Status.DEGRADED, m.toString()));
    }

    /** SPEC §14: documents rejected for good, or given to a dead-letter path the pipeline does not have, within the window. */
    private static Optional<Reason> outputDropping(Snapshot.Pipeline p, String pluginId, Trends.OutputSample base,
            Trends.OutputSample last) {
        long lost = last.lostDocuments() - base.lostDocuments();
        if (lost <= 0) {
            return Optional.empty();
        }
        long documents = last.documents() - base.documents();
        return Optional.of(new Reason("output_dropping", Status.DEGRADED, output(p, pluginId) + ": " + lost + " document"
                + (lost == 1 ? " was" : "s were") + " rejected for good over the last " + span(base, last)
                + (documents > 0 ? " (" + smallPercent(lost / (double) documents) + " of " + documents + ")" : "")
                + ": those events are lost. Its log names each one (\"Failed action\", \"Could not index event\"):"
                + " a version conflict (409), an error type in drop_error_types, or a mapping error (400/404)"
                + (p.deadLetterQueue() == null ? " that a dead-letter queue (dead_letter_queue.enable) would keep" : "")));
    }

    private static String output(Snapshot.Pipeline p, String pluginId) {
        String name = p.plugins() == null ? null
                : p.plugins().stream().filter(x -> pluginId.equals(x.id())).map(Snapshot.Plugin::name).findFirst().orElse(null);
        return "Output '" + pluginId + "'" + (name == null ? "" : " (" + name + ")") + " of pipeline '" + p.id() + "'";
    }

    private static String span(Trends.Sample from, Trends.Sample to) {
        long s = Duration.between(from.at(), to.at()).toSeconds();
        return s >= 90 ? Math.round(s / 60.0) + " minutes" : s + " seconds";
    }

    // A few lost documents in many are still worth a figure other than "0%".
    private static String smallPercent(double share) {
        return share >= 0.01 ? percent(share) : share < 0.001 ? "under 0.1%" : String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    private static Optional<Reason> noEvents(HealthInputs in) {
        Trends t = in.trends();
        Instant since = t.eventsInAdvancedAt() != null ? t.eventsInAdvancedAt() : t.firstPollAt();
        if (since == null || Duration.between(since, in.now()).compareTo(in.thresholds().noEventsPeriod()) < 0) {
            return Optional.empty();
        }
        return Optional.of(new Reason("no_events", Status.DEGRADED, "No event has entered Logstash for "
                + seconds(Duration.between(since, in.now())) + " (HEALTH_NO_EVENTS_PERIOD " + seconds(in.thresholds().noEventsPeriod())
                + "). Check that the gateways still send logs to this instance (port, security group, load balancer)"));
    }

    /** The latest value when every one of the last polls (all three of them) satisfies the condition. */
    private static Optional<Double> forRecentPolls(List<Map<String, Snapshot.Pipeline>> recent, String pipelineId,
            Function<Snapshot.Pipeline, Double> value, java.util.function.DoublePredicate condition) {
        if (recent.size() < MetricsStore.RECENT_POLLS) {
            return Optional.empty();
        }
        Double last = null;
        for (Map<String, Snapshot.Pipeline> pipelines : recent) {
            Snapshot.Pipeline p = pipelines.get(pipelineId);
            Double v = p == null ? null : value.apply(p);
            if (v == null || v.isNaN() || !condition.test(v)) {
                return Optional.empty();
            }
            last = v;
        }
        return Optional.ofNullable(last);
    }

    private static Double flow(Snapshot.Pipeline p, String name) {
        Flow rate = p.flow() == null ? null : p.flow().get(name);
        return rate == null ? null : rate.current();
    }

    static boolean atLeast(String version, int[] minimum) {
        if (version == null) {
            return false;
        }
        String[] parts = version.split("[.-]");
        for (int i = 0; i < minimum.length; i++) {
            int n;
            try {
                n = i < parts.length ? Integer.parseInt(parts[i]) : 0;
            } catch (NumberFormatException e) {
                return false;
            }
            if (n != minimum[i]) {
                return n > minimum[i];
            }
        }
        return true;
    }

    private static String seconds(Duration d) {
        long s = d.toSeconds();
        return s >= 120 && s % 60 == 0 ? (s / 60) + "m" : s + "s";
    }

    private static String round(double v) {
        return v == Math.rint(v) && !Double.isInfinite(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.2f", v);
    }
}
