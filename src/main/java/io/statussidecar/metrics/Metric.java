package io.statussidecar.metrics;

/**
 * Every series {@code /q/metrics} exposes about Logstash (SPEC §9), in Micrometer's dotted form; the
 * Prometheus registry turns {@code logstash.pipeline.events.in} into
 * {@code logstash_pipeline_events_in_total} and appends the base unit ({@code _bytes}, {@code _seconds},
 * {@code _ratio}). Counters are Logstash's own cumulative counters as the last poll read them, so a
 * Logstash restart is a counter reset, which {@code rate()} handles, never a negative rate.
 */
enum Metric {
    UP("logstash.up", Kind.GAUGE, null, "1 when the sidecar's last poll of the Logstash API succeeded, else 0"),
    HEALTH_STATUS("logstash.sidecar.health.status", Kind.GAUGE, null,
            "The sidecar's health verdict on this Logstash: 0 healthy, 1 degraded, 2 unhealthy"),
    HEALTH_REASON("logstash.sidecar.health.reason", Kind.GAUGE, null,
            "1 for each reason of the current health verdict, by its code and severity (absent when it does not hold)"),
    LAST_SUCCESS("logstash.sidecar.last.success.timestamp", Kind.GAUGE, "seconds",
            "When the sidecar last polled Logstash successfully, Unix time; the values below are from that poll"),
    NOTIFICATIONS("logstash.sidecar.notifications", Kind.COUNTER, null,
            "Notifications (SPEC 15): outcome sent (the receiver accepted one), failed (a try it did not accept), dropped (one given up)"),
    PLUGINS_FOLDED("logstash.sidecar.plugins.folded", Kind.GAUGE, null,
            "Plugins of the pipeline beyond SIDECAR_METRICS_MAX_PLUGINS, summed under plugin_id _other"),
    NODE_INFO("logstash.node.info", Kind.GAUGE, null, "1, labelled with the Logstash version"),
    UPTIME("logstash.uptime", Kind.GAUGE, "seconds", "Logstash's uptime"),

    HEAP_USED("logstash.jvm.heap.used", Kind.GAUGE, "bytes", "Logstash JVM heap in use"),
    HEAP_MAX("logstash.jvm.heap.max", Kind.GAUGE, "bytes", "Logstash JVM heap maximum"),
    JVM_THREADS("logstash.jvm.threads", Kind.GAUGE, null, "Logstash JVM live threads"),
    GC_COLLECTIONS("logstash.jvm.gc.collections", Kind.COUNTER, null, "Logstash JVM garbage collections"),
    GC_TIME("logstash.jvm.gc.collection", Kind.COUNTER, "seconds", "Time Logstash's JVM spent collecting garbage"),
    CPU("logstash.process.cpu.usage", Kind.GAUGE, "ratio", "Logstash process CPU use as Logstash reports it, 1 = the whole machine"),
    OPEN_FDS("logstash.process.open.fds", Kind.GAUGE, null, "Logstash process open file descriptors"),
    MAX_FDS("logstash.process.max.fds", Kind.GAUGE, null, "Logstash process file descriptor limit"),
    CGROUP_PERIODS("logstash.cgroup.cpu.periods", Kind.COUNTER, null, "CFS scheduler periods of Logstash's container"),
    CGROUP_THROTTLED("logstash.cgroup.cpu.throttled.periods", Kind.COUNTER, null,
            "CFS periods in which Logstash's container was throttled by its CPU limit"),
    CGROUP_THROTTLED_TIME("logstash.cgroup.cpu.throttled", Kind.COUNTER, "seconds", "Time Logstash's container was throttled"),
    CGROUP_LIMIT("logstash.cgroup.cpu.limit.cores", Kind.GAUGE, null, "CPU limit of Logstash's container in cores (CFS quota over period)"),

    EVENTS_IN("logstash.pipeline.events.in", Kind.COUNTER, null, "Events that entered the pipeline"),
    EVENTS_FILTERED("logstash.pipeline.events.filtered", Kind.COUNTER, null, "Events the pipeline's filters passed on"),
    EVENTS_OUT("logstash.pipeline.events.out", Kind.COUNTER, null, "Events that left the pipeline's outputs"),
    EVENTS_DURATION("logstash.pipeline.events.duration", Kind.COUNTER, "seconds", "Worker time the pipeline spent on events"),
    WORKERS("logstash.pipeline.workers", Kind.GAUGE, null, "Pipeline worker threads"),
    INPUT_THROUGHPUT("logstash.pipeline.flow.input.throughput", Kind.GAUGE, null,
            "Events per second entering the pipeline, Logstash's current flow rate (8.5+)"),
    FILTER_THROUGHPUT("logstash.pipeline.flow.filter.throughput", Kind.GAUGE, null, "Events per second through the filters (8.5+)"),
    OUTPUT_THROUGHPUT("logstash.pipeline.flow.output.throughput", Kind.GAUGE, null, "Events per second through the outputs (8.5+)"),
    QUEUE_BACKPRESSURE("logstash.pipeline.flow.queue.backpressure", Kind.GAUGE, null,
            "Share of time inputs waited on the queue (8.5+)"),
    WORKER_CONCURRENCY("logstash.pipeline.flow.worker.concurrency", Kind.GAUGE, null, "Workers busy on average (8.5+)"),
    WORKER_UTILIZATION("logstash.pipeline.flow.worker.utilization", Kind.GAUGE, "ratio", "Share of worker time in use (8.5+)"),
    QUEUE_EVENTS("logstash.pipeline.queue.events", Kind.GAUGE, null, "Events waiting in the pipeline's queue"),
    QUEUE_SIZE("logstash.pipeline.queue.size", Kind.GAUGE, "bytes", "Persisted queue size on disk"),
    QUEUE_MAX_SIZE("logstash.pipeline.queue.max.size", Kind.GAUGE, "bytes", "Persisted queue size limit"),
    DLQ_SIZE("logstash.pipeline.dlq.size", Kind.GAUGE, "bytes", "Dead-letter queue size"),
    DLQ_DROPPED("logstash.pipeline.dlq.dropped.events", Kind.COUNTER, null, "Events the full dead-letter queue dropped"),
    RELOAD_SUCCESSES("logstash.pipeline.reload.successes", Kind.COUNTER, null, "Successful configuration reloads"),
    RELOAD_FAILURES("logstash.pipeline.reload.failures", Kind.COUNTER, null, "Failed configuration reloads"),

    BATCH_EVENTS("logstash.pipeline.batch.events", Kind.GAUGE, null,
            "Events per batch the workers take: stat current (window now), average, p50, p90 or max over the window (9.2+)"),
    BATCH_SIZE("logstash.pipeline.batch.size", Kind.GAUGE, "bytes",
            "Bytes per batch the workers take: stat current (window now), average, p50, p90 or max over the window (9.2+)"),

    BOTTLENECK("logstash.pipeline.bottleneck", Kind.GAUGE, null,
            "1 for the pipeline's current bottleneck: stage input, filter, output, queue, downstream or none, and the plugin named"),

    PLUGIN_EVENTS_IN("logstash.pipeline.plugin.events.in", Kind.COUNTER, null, "Events into the plugin"),
    PLUGIN_EVENTS_OUT("logstash.pipeline.plugin.events.out", Kind.COUNTER, null, "Events out of the plugin"),
    PLUGIN_DURATION("logstash.pipeline.plugin.events.duration", Kind.COUNTER, "seconds", "Worker time spent in the plugin"),
    OUTPUT_BULK_REQUESTS("logstash.pipeline.plugin.bulk.requests", Kind.COUNTER, null,
            "Bulk requests of an output that reports them (elasticsearch): result successes, with_errors or failures"),
    OUTPUT_BULK_RESPONSES("logstash.pipeline.plugin.bulk.responses", Kind.COUNTER, null,
            "Answers to an output's bulk requests, by HTTP status code"),
    OUTPUT_DOCUMENTS("logstash.pipeline.plugin.documents", Kind.COUNTER, null,
            "Documents of an output that reports them: result successes, retryable_failures, non_retryable_failures or dlq_routed"),

    LOG_TYPE_EVENTS("logstash.log.type.events", Kind.COUNTER, null, "Events parsed as the log type (its entry filters' events out)"),
    LOG_TYPE_FORWARDED("logstash.log.type.forwarded", Kind.COUNTER, null, "Events of the log type its outputs sent on"),
    LOG_TYPE_IN_PROFILE("logstash.log.type.in.profile", Kind.GAUGE, null, "1 when LOG_PROFILE forwards the log type, else 0");

    enum Kind { GAUGE, COUNTER }

    final String id;
    final Kind kind;
    final String unit;
    final String help;

    Metric(String id, Kind kind, String unit, String help) {
        this.id = id;
        this.kind = kind;
        this.unit = unit;
        this.help = help;
    }
}
