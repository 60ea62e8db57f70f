package io.statussidecar.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Logstash 8.15 running an Aviatrix-style pipeline (plugin ids of SPEC §6), built on a real
 * {@code /_node/stats} fixture. Counters advance by one "tick" per {@code /_node/stats} request, with
 * seeded randomness, so a test sees the same numbers every run. Not thread-safe; the simulator
 * serialises access.
 */
final class AviatrixModel {

    static final String VERSION = "8.15.2";
    static final String LEGACY_VERSION = "7.17.9";
    /** Logstash 9.4: pipelines report their batches (9.2+), with percentiles (9.3+). */
    static final String NINE_VERSION = "9.4.0";
    /** About what one syslog line weighs as an event. */
    static final int BYTES_PER_EVENT = 380;
    static final String PIPELINE = "main";
    static final int WORKERS = 4;
    static final int BATCH_SIZE = 125;
    static final double TICK_SECONDS = 5;

    /** Log type, the ids of its entry filters, its output id, and its mean events per tick. */
    record LogType(String type, List<String> filterIds, String outputId, int perTick, boolean security) {
    }

    static final List<LogType> TYPES = List.of(
            new LogType("microseg", List.of("microseg"), "splunk-microseg", 120, true),
            new LogType("mitm", List.of("mitm"), "splunk-mitm", 15, true),
            new LogType("suricata", List.of("suricata"), "splunk-suricata", 40, true),
            new LogType("fqdn", List.of("fqdn"), "splunk-fqdn", 60, true),
            new LogType("cmd", List.of("cmd-v1", "cmd-v2"), "splunk-cmd", 6, true),
            new LogType("vpn_session", List.of("vpn-session"), "splunk-vpn-session", 3, true),
            new LogType("gw_net_stats", List.of("gw_net_stats"), "splunk-gw-net-stats", 30, false),
            new LogType("gw_sys_stats", List.of("gw-sys-stats"), "splunk-gw-sys-stats", 30, false),
            new LogType("tunnel_status", List.of("tunnel_status"), "splunk-tunnel-status", 10, false));

    static final String INPUT_ID = "syslog-udp";
    static final List<String> COMMON_FILTERS = List.of("syslog-parse", "mutate-common");
    /** A filter without an id in the configuration: Logstash names it by a hash (SPEC §13). */
    static final String ANONYMOUS_ID = "8f3a5c0e9d2b47a1c6e5f4b3a2918d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e";
    static final String CONFIG_FILE = "/usr/share/logstash/pipeline/aviatrix.conf";
    static final String ANONYMOUS_FILE = "/usr/share/logstash/pipeline/main.conf";

    /** The optional second pipeline: tunnel status from a TCP input, forwarded by its own output. */
    static final String EDGE = "edge";
    static final String EDGE_INPUT = "edge-tcp";
    static final String EDGE_FILTER = "tunnel-status";
    static final String EDGE_OUTPUT = "splunk-tunnel-status";
    static final int EDGE_PER_TICK = 25;

    /**
     * The optional archive: main also sends every event through a pipeline output to a second pipeline,
     * which indexes them into Elasticsearch (SPEC §14's pipeline-to-pipeline and output cases).
     */
    static final String ARCHIVE = "archive";
    static final String ARCHIVE_SENDER = "to-archive";
    static final String ARCHIVE_INPUT = "from-main";
    static final String ARCHIVE_OUTPUT = "es-archive";
    static final String ARCHIVE_ADDRESS = "archive-events";

    /** How the archive's Elasticsearch answers its bulk requests. */
    enum Elasticsearch {
        /** Every bulk request indexed. */
        OK,
        /** Overloaded: about half of the bulk requests answered 429 once before they pass, and documents refused with 429 and retried. */
        THROTTLING,
        /** Some documents refused for good each poll: version conflicts (409) and mapping errors (400) with no DLQ. */
        REJECTING
    }

    private final ObjectMapper json;
    private final ObjectNode baseStats;
    private final ObjectNode baseRoot;
    private String profile;
    private boolean idle;
    private final Map<String, JsonNode> patches = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private final Map<String, long[]> plugins = new LinkedHashMap<>();
    private final long[] events = new long[3];
    private final long[] mainEvents = new long[3];
    private final Map<String, long[]> edgePlugins = new LinkedHashMap<>();
    private final long[] edgeEvents = new long[3];
    private boolean edge;
    private boolean archive;
    private Elasticsearch elasticsearch = Elasticsearch.OK;
    /** The archive's Elasticsearch output is slow: its workers are all busy, main's pipeline output waits. */
    private boolean archiveSlow;
    // to-archive's {events in, events out}; the archive pipeline's {in, filtered, out}, which from-main
    // and es-archive report as theirs (the archive has no filter).
    private final long[] archiveSent = new long[2];
    private final long[] archiveEvents = new long[3];
    // es-archive's bulk requests {successes, with_errors, failures}, answers by status, and documents
    // {successes, retryable_failures, non_retryable_failures, dlq_routed}.
    private final long[] bulk = new long[3];
    private final Map<String, Long> bulkResponses = new java.util.TreeMap<>();
    private final long[] documents = new long[4];
    private String archiveEphemeralId;
    private boolean wedged;
    /** Plugin id -> worker milliseconds per event, for plugins made slow (a busy filter or output). */
    private final Map<String, Double> slow = new LinkedHashMap<>();
    /** Extra worker time the slow plugins have cost, which the pipeline's duration includes. */
    private long slowMillis;
    /** Logstash before 8.5: no flow metrics anywhere, version 7.17. */
    private boolean legacy;
    /** Logstash 9.4 instead of 8.15. */
    private boolean nine;
    /** A GC storm: the collectors take 40 % of each tick, the old generation most of it, the heap full. */
    private boolean gcStorm;
    // Collection counts and times since the model's start: {young count, young ms, old count, old ms}.
    private final long[] gc = new long[4];
    /** In a container with a 2-core CPU limit: null outside one, "v1" or "v2" for the cgroup version. */
    private String cgroup;
    /** The container's limit is too low: 40 % of its CFS periods throttled instead of 2 %. */
    private boolean cpuThrottled;
    // {elapsed periods, throttled periods, throttled nanoseconds} since the container started.
    private final long[] cfs = new long[3];
    private long pqMaxBytes;
    private long pqBytesPerTick;
    private long pqBytes;
    private long pqEvents;
    private boolean anonymous;
    private long anonymousEvents;
    private String mainEphemeralId;
    private String edgeEphemeralId;
    private String ephemeralId;
    private long startedAtMillis;
    private long ticks;
    private long lastTickIn;
    private boolean stalled;
    private double heapPercent = 30;
    private double cpuPercent = 8;

    AviatrixModel(ObjectMapper json, JsonNode baseStats, JsonNode baseRoot, String profile) {
        this.json = json;
        this.baseStats = (ObjectNode) baseStats.deepCopy();
        this.baseRoot = (ObjectNode) baseRoot.deepCopy();
        this.profile = profile;
        restart();
    }

    /** Logstash restarted: every counter back to zero, a new ephemeral id. */
    void restart() {
        plugins.clear();
        plugins.put(INPUT_ID, new long[2]);
        COMMON_FILTERS.forEach(id -> plugins.put(id, new long[2]));
        TYPES.forEach(t -> t.filterIds().forEach(id -> plugins.put(id, new long[2])));
        TYPES.forEach(t -> plugins.put(t.outputId(), new long[2]));
        java.util.Arrays.fill(events, 0);
        reload(PIPELINE);
        reload(EDGE);
        reload(ARCHIVE);
        ephemeralId = UUID.nameUUIDFromBytes(("run-" + System.nanoTime()).getBytes()).toString();
        startedAtMillis = System.currentTimeMillis();
        ticks = 0;
    }

    /**
     * One pipeline reloaded (its configuration changed): its own counters start again from zero,
     * under a new pipeline ephemeral id; the node's counters and the other pipeline go on.
     */
    void reload(String pipeline) {
        String id = UUID.nameUUIDFromBytes(("pipeline-" + pipeline + System.nanoTime()).getBytes()).toString();
        if (pipeline.equals(ARCHIVE)) {
            java.util.Arrays.fill(archiveEvents, 0);
            java.util.Arrays.fill(bulk, 0);
            bulkResponses.clear();
            java.util.Arrays.fill(documents, 0);
            archiveEphemeralId = id;
            return;
        }
        if (pipeline.equals(EDGE)) {
            edgePlugins.clear();
            List.of(EDGE_INPUT, EDGE_FILTER, EDGE_OUTPUT).forEach(p -> edgePlugins.put(p, new long[2]));
            java.util.Arrays.fill(edgeEvents, 0);
            edgeEphemeralId = id;
            return;
        }
        plugins.values().forEach(c -> java.util.Arrays.fill(c, 0));
        java.util.Arrays.fill(archiveSent, 0);
        java.util.Arrays.fill(mainEvents, 0);
        mainEphemeralId = id;
    }

    /** Runs the second pipeline, {@value #EDGE}, beside {@value #PIPELINE}. */
    void edge(boolean on) {
        this.edge = on;
    }

    /** Main also sends everything to the {@value #ARCHIVE} pipeline, which indexes it into Elasticsearch. */
    void archive(boolean on) {
        this.archive = on;
    }

    void elasticsearch(Elasticsearch answers) {
        this.elasticsearch = answers;
    }

    void archiveSlow(boolean on) {
        this.archiveSlow = on;
    }

    /** Time passes without anyone asking: Logstash works on while the sidecar cannot reach it. */
    void advance(int ticks) {
        for (int i = 0; i < ticks; i++) {
            tick();
        }
    }

    /**
     * The common real stall: a memory queue and a blocked output. Nothing enters and nothing leaves
     * (inputs wait on the full queue), the workers are all busy, backpressure is 1.
     */
    void wedge(boolean wedged) {
        this.wedged = wedged;
    }

    /** No event arrives at all: the gateways stopped sending. */
    void idle(boolean idle) {
        this.idle = idle;
    }

    /** Which log types the outputs forward from now on. */
    void profile(String profile) {
        this.profile = profile;
    }

    /**
     * Overrides a value of the {@code /_node/stats} body, by JSON pointer, at every later request
     * (e.g. {@code /jvm/mem/heap_used_percent}); missing parent objects are created.
     */
    void patch(String pointer, JsonNode value) {
        patches.put(pointer, value);
    }

    /** Back to the plain model: no patched values, no slow plugin, 8.15, a memory queue. */
    void clearPatches() {
        patches.clear();
        slow.clear();
        slowMillis = 0;
        legacy = false;
        nine = false;
        gcStorm = false;
        cgroup = null;
        cpuThrottled = false;
        pqMaxBytes = 0;
        pqBytesPerTick = 0;
        pqBytes = 0;
        pqEvents = 0;
        anonymous = false;
        archive = false;
        elasticsearch = Elasticsearch.OK;
        archiveSlow = false;
    }

    /** Events keep arriving but none leave the filters: a stuck output or filter. */
    void stall(boolean stalled) {
        this.stalled = stalled;
    }

    boolean forwards(LogType t) {
        return switch (profile) {
            case "all" -> true;
            case "security" -> t.security();
            case "networking" -> !t.security();
            default -> false;
        };
    }

    /** Advances one tick and returns the new {@code /_node/stats} body. */
    String nodeStats() {
        tick();
        boolean blocked = stalled || wedged;
        ObjectNode root = identity(baseStats.deepCopy());
        root.remove("pipelines");
        ObjectNode jvm = (ObjectNode) root.path("jvm");
        jvm.put("uptime_in_millis", System.currentTimeMillis() - startedAtMillis);
        ObjectNode mem = (ObjectNode) jvm.path("mem");
        long heapMax = mem.path("heap_max_in_bytes").asLong(1_073_741_824L);
        mem.put("heap_used_percent", Math.round(heapPercent));
        mem.put("heap_used_in_bytes", (long) (heapMax * heapPercent / 100));
        ((ObjectNode) root.path("process").path("cpu")).put("percent", Math.round(cpuPercent));
        if (cgroup != null) {
            os(root);
        }
        ObjectNode collectors = jvm.putObject("gc").putObject("collectors");
        collectors.putObject("young").put("collection_count", gc[0]).put("collection_time_in_millis", gc[1]);
        collectors.putObject("old").put("collection_count", gc[2]).put("collection_time_in_millis", gc[3]);
        ObjectNode ev = root.putObject("events");
        ev.put("in", events[0]).put("filtered", events[1]).put("out", events[2])
                .put("duration_in_millis", events[2] * 2).put("queue_push_duration_in_millis", events[0] / 10);
        double inRate = lastTickIn / TICK_SECONDS;
        double outRate = blocked ? 0 : inRate;
        ObjectNode flow = root.putObject("flow");
        rate(flow, "input_throughput", inRate, lifetime(events[0]));
        rate(flow, "filter_throughput", outRate, lifetime(events[1]));
        rate(flow, "output_throughput", outRate, lifetime(events[2]));
        rate(flow, "queue_backpressure", blocked ? 1.0 : 0.02, 0.01);
        rate(flow, "worker_concurrency", blocked ? WORKERS : 0.8, 0.7);
        ObjectNode pipelines = root.putObject("pipelines");
        ObjectNode pipeline = pipelines.putObject(PIPELINE);
        pipeline.set("events", events(mainEvents));
        ObjectNode pflow = pipeline.putObject("flow");
        pflow.setAll((ObjectNode) flow.deepCopy());
        boolean busy = !slow.isEmpty() || archive && archiveSlow;
        rate(pflow, "worker_utilization", blocked ? 100.0 : busy ? 95.0 : 20.0, 18.5);
        if (busy) {
            rate(pflow, "queue_backpressure", 0.6, 0.3);
        }
        ObjectNode plug = pipeline.putObject("plugins");
        ArrayNode inputs = plug.putArray("inputs");
        long[] in = plugins.get(INPUT_ID);
        ObjectNode input = inputs.addObject().put("id", INPUT_ID).put("name", "udp");
        input.putObject("events").put("out", in[1]).put("queue_push_duration_in_millis", in[1] / 10);
        rate(input.putObject("flow"), "throughput", inRate, lifetime(in[1]));
        plug.putArray("codecs");
        ArrayNode filters = plug.putArray("filters");
        COMMON_FILTERS.forEach(id -> plugin(filters, id, id.startsWith("syslog") ? "grok" : "mutate"));
        TYPES.forEach(t -> t.filterIds().forEach(id -> plugin(filters, id, "grok")));
        if (anonymous) {
            ObjectNode a = filters.addObject().put("id", ANONYMOUS_ID).put("name", "mutate");
            a.putObject("events").put("in", anonymousEvents).put("out", anonymousEvents).put("duration_in_millis", anonymousEvents / 4);
        }
        ArrayNode outputs = plug.putArray("outputs");
        TYPES.forEach(t -> plugin(outputs, t.outputId(), "http"));
        if (archive) {
            ObjectNode sender = outputs.addObject().put("id", ARCHIVE_SENDER).put("name", "pipeline");
            double waits = archiveSlow ? 9.0 : 0.05;
            sender.putObject("events").put("in", archiveSent[0]).put("out", archiveSent[1])
                    .put("duration_in_millis", (long) (archiveSent[1] * waits));
            ObjectNode f = sender.putObject("flow");
            rate(f, "worker_utilization", archiveSlow ? 92.0 : 0.5, 0.5);
            rate(f, "worker_millis_per_event", waits, 0.05);
            sender.putArray("send_to").add(ARCHIVE_ADDRESS);
        }
        ObjectNode reloads = pipeline.putObject("reloads");
        reloads.put("successes", 0).put("failures", 0).putNull("last_error").putNull("last_success_timestamp")
                .putNull("last_failure_timestamp");
        if (pqMaxBytes > 0) {
            pipeline.putObject("queue").put("type", "persisted").put("events_count", pqEvents)
                    .put("queue_size_in_bytes", pqBytes).put("max_queue_size_in_bytes", pqMaxBytes);
        } else {
            pipeline.putObject("queue").put("type", "memory").put("events_count", 0).put("queue_size_in_bytes", 0)
                    .put("max_queue_size_in_bytes", 0);
        }
        if (nine) {
            batch(pipeline, inRate, blocked);
        }
        pipeline.put("hash", "aviatrix-" + PIPELINE + (anonymous ? "-with-anonymous-filter" : "") + (archive ? "-with-archive" : ""));
        pipeline.put("ephemeral_id", mainEphemeralId);
        if (edge) {
            edgePipeline(pipelines.putObject(EDGE));
        }
        if (archive) {
            archivePipeline(pipelines.putObject(ARCHIVE));
        }
        root.putObject("reloads").put("successes", 0).put("failures", 0);
        root.putObject("queue").put("events_count", 0);
        if (legacy) {
            dropFlows(root);
        }
        patches.forEach((pointer, value) -> set(root, pointer, value));
        return write(root);
    }

    /** {@code /_node/stats/jvm}: the JVM section only, no tick of the counters. */
    String jvmStats() {
        ObjectNode root = identity(baseStats.deepCopy());
        root.retain("id", "name", "host", "version", "ephemeral_id", "status", "snapshot", "jvm");
        ((ObjectNode) root.path("jvm")).put("uptime_in_millis", System.currentTimeMillis() - startedAtMillis);
        return write(root);
    }

    String node() {
        ObjectNode root = identity(baseRoot.deepCopy());
        root.remove(List.of("build_date", "build_sha", "build_snapshot"));
        ObjectNode p = root.putObject("pipelines").putObject(PIPELINE);
        p.put("ephemeral_id", ephemeralId).put("hash", "aviatrix-" + PIPELINE).put("workers", WORKERS)
                .put("batch_size", BATCH_SIZE).put("batch_delay", 50).put("config_reload_automatic", false)
                .put("config_reload_interval", 3_000_000_000L).put("dead_letter_queue_enabled", false);
        if (archive) {
            root.withObject("/pipelines").putObject(ARCHIVE).put("ephemeral_id", archiveEphemeralId).put("hash", "aviatrix-" + ARCHIVE)
                    .put("workers", 2).put("batch_size", BATCH_SIZE).put("batch_delay", 50).put("config_reload_automatic", false)
                    .put("config_reload_interval", 3_000_000_000L).put("dead_letter_queue_enabled", false);
        }
        return write(root);
    }

    /** {@code /_node/pipelines}: the pipeline settings part of {@code /_node}. */
    String nodePipelines() {
        return node();
    }

    String nodePlugins() {
        ObjectNode root = identity(baseRoot.deepCopy());
        root.put("total", 3);
        ArrayNode list = root.putArray("plugins");
        list.addObject().put("name", "logstash-input-udp").put("version", "3.5.0");
        list.addObject().put("name", "logstash-filter-grok").put("version", "4.4.3");
        list.addObject().put("name", "logstash-output-http").put("version", "5.6.0");
        return write(root);
    }

    /**
     * A thread of the simulated Logstash that burns CPU: {@code coreShare} of one core from
     * {@code since} on, after {@code cpuBefore} ms of CPU time before that.
     */
    private record Burner(String name, long id, double coreShare, double cpuBefore, long since) {
    }

    /** Since Logstash started (a restart starts them again). */
    private static final long SINCE_START = -1;

    private final List<Burner> burners = new ArrayList<>(List.of(
            new Burner("[main]>worker0", 40, 0.125, 0, SINCE_START), new Burner("[main]>worker1", 41, 0.115, 0, SINCE_START),
            new Burner("[main]<udp", 42, 0.105, 0, SINCE_START)));

    private double cpuMillis(Burner b, long now) {
        return b.cpuBefore() + b.coreShare() * (now - (b.since() == SINCE_START ? startedAtMillis : b.since()));
    }

    /**
     * From now on the thread burns {@code coreShare} of a core; its CPU time so far is what makes
     * Logstash's own figure, CPU time over Logstash's uptime, {@code lifetimePercent} right now.
     */
    /** Logstash has been up this long (its uptime, which its CPU figures divide by). */
    void upFor(java.time.Duration uptime) {
        startedAtMillis = System.currentTimeMillis() - uptime.toMillis();
    }

    void burn(String name, double coreShare, double lifetimePercent) {
        long now = System.currentTimeMillis();
        double cpuBefore = lifetimePercent / 100 * (now - startedAtMillis);
        long id = burners.stream().filter(x -> x.name().equals(name)).mapToLong(Burner::id).findFirst()
                .orElse(burners.stream().mapToLong(Burner::id).max().orElse(39) + 1);
        burners.removeIf(x -> x.name().equals(name));
        burners.add(new Burner(name, id, coreShare, cpuBefore, now));
    }

    /**
     * Hot threads as Logstash 8 computes them (hot_threads_reporter.rb): each thread's CPU time over
     * Logstash's uptime, truncated to 0.01 %, busiest first.
     */
    String hotThreads(boolean human, int threads) {
        long now = System.currentTimeMillis();
        double uptime = Math.max(1, now - startedAtMillis);
        List<Burner> sorted = new ArrayList<>(burners);
        sorted.sort((a, b) -> Double.compare(cpuMillis(b, now), cpuMillis(a, now)));
        String time = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
        if (human) {
            StringBuilder t = new StringBuilder("::: {" + baseStats.path("host").asText("logstash") + "}\n")
                    .append("Hot threads at ").append(time).append(", busiestThreads=").append(threads).append(":\n")
                    .append("=".repeat(80)).append('\n');
            for (Burner b : sorted.subList(0, Math.min(threads, sorted.size()))) {
                t.append(percent(b, now, uptime)).append(" % of cpu usage, state: runnable, thread name: '").append(b.name())
                        .append("', thread id: ").append(b.id()).append('\n')
                        .append("\tjava.base@17/sun.nio.ch.EPoll.wait(Native Method)\n")
                        .append("-".repeat(80)).append('\n');
            }
            return t.toString();
        }
        ObjectNode root = identity(baseRoot.deepCopy());
        ObjectNode hot = root.putObject("hot_threads").put("time", time).put("busiest_threads", threads);
        ArrayNode list = hot.putArray("threads");
        for (Burner b : sorted.subList(0, Math.min(threads, sorted.size()))) {
            ObjectNode th = list.addObject().put("name", b.name()).put("thread_id", b.id())
                    .put("percent_of_cpu_time", percent(b, now, uptime)).put("state", "runnable");
            th.putArray("traces").add("java.base@17/sun.nio.ch.EPoll.wait(Native Method)")
                    .add("org.logstash.execution.WorkerLoop.run(WorkerLoop.java:85)");
        }
        return write(root);
    }

    private double percent(Burner b, long now, double uptime) {
        return Math.floor(cpuMillis(b, now) / uptime * 10000) / 100.0;
    }

    String root() {
        ObjectNode root = identity(baseRoot.deepCopy());
        // The node's default pipeline settings, as the pipelines run them.
        root.putObject("pipeline").put("workers", WORKERS).put("batch_size", BATCH_SIZE).put("batch_delay", 50);
        return write(root);
    }

    /** Per-plugin counters, for tests that check the sidecar's arithmetic: {in, out}. */
    Map<String, long[]> pluginCounters() {
        Map<String, long[]> copy = new LinkedHashMap<>();
        plugins.forEach((id, v) -> copy.put(id, v.clone()));
        return copy;
    }

    long[] eventCounters() {
        return events.clone();
    }

    String ephemeralId() {
        return ephemeralId;
    }

    private void tick() {
        ticks++;
        long total = 0;
        for (LogType t : TYPES) {
            long n = idle || wedged ? 0 : Math.max(0, Math.round(t.perTick() * (0.7 + 0.6 * random.nextDouble())));
            total += n;
            if (stalled) {
                continue;
            }
            long remaining = n;
            for (int i = 0; i < t.filterIds().size(); i++) {
                long share = i == t.filterIds().size() - 1 ? remaining : n / t.filterIds().size();
                remaining -= share;
                add(t.filterIds().get(i), share, share);
            }
            add(t.outputId(), n, forwards(t) ? n : 0);
        }
        lastTickIn = total;
        add(INPUT_ID, 0, total);
        count(total, !stalled, mainEvents);
        if (!stalled) {
            for (String id : COMMON_FILTERS) {
                add(id, total, total);
            }
        }
        if (edge) {
            long n = idle || wedged ? 0 : EDGE_PER_TICK;
            edgeAdd(EDGE_INPUT, 0, n);
            edgeAdd(EDGE_FILTER, n, n);
            edgeAdd(EDGE_OUTPUT, n, n);
            count(n, true, edgeEvents);
        }
        if (archive && !stalled) {
            archiveTick(total);
        }
        if (pqMaxBytes > 0) {
            pqBytes = Math.min(pqMaxBytes, pqBytes + pqBytesPerTick);
            pqEvents += pqBytesPerTick / 1000;
        }
        if (anonymous) {
            anonymousEvents += total;
        }
        heapPercent = gcStorm ? 96 : clamp(heapPercent + random.nextDouble(-4, 4), 18, 65);
        cpuPercent = clamp(cpuPercent + random.nextDouble(-3, 3), 2, 35);
        // A healthy node collects its young generation for about 0.5 % of the time.
        gc[0] += gcStorm ? 8 : 1;
        gc[1] += gcStorm ? 400 : 25;
        gc[2] += gcStorm ? 2 : 0;
        gc[3] += gcStorm ? 1600 : 0;
        // 100 ms CFS periods: 50 a tick; a throttled period loses about half of itself.
        long throttled = cpuThrottled ? 20 : 1;
        cfs[0] += 50;
        cfs[1] += throttled;
        cfs[2] += throttled * 50_000_000L;
    }

    void cgroup(String version) {
        cgroup = version;
    }

    String cgroupVersion() {
        return cgroup;
    }

    void cpuThrottled(boolean on) {
        cpuThrottled = on;
    }

    /**
     * {@code os.cgroup} as Logstash writes it: for cgroup v2 (9.4+) it reads {@code cpu.max} and
     * {@code cpu.stat}'s {@code throttled_usec} and reports them under v1's names, so the shapes differ
     * only in the control group's path.
     */
    private void os(ObjectNode root) {
        String group = "v2".equals(cgroup) ? "/" : "/docker/3f5c0a9e41b7";
        ObjectNode c = root.putObject("os").putObject("cgroup");
        c.putObject("cpuacct").put("control_group", group).put("usage_nanos", ticks * 2_500_000_000L);
        ObjectNode cpu = c.putObject("cpu").put("control_group", group).put("cfs_period_micros", 100_000)
                .put("cfs_quota_micros", 200_000);
        cpu.putObject("stat").put("number_of_elapsed_periods", cfs[0]).put("number_of_times_throttled", cfs[1])
                .put("time_throttled_nanos", cfs[2]);
    }

    void gcStorm(boolean on) {
        gcStorm = on;
    }

    // A pipeline's events and the node's, which a pipeline reload leaves alone.
    private void count(long n, boolean leaves, long[] pipeline) {
        pipeline[0] += n;
        events[0] += n;
        if (leaves) {
            pipeline[1] += n;
            pipeline[2] += n;
            events[1] += n;
            events[2] += n;
        }
    }

    /**
     * The archive takes what main sends and indexes it in bulk requests of up to a batch, as the
     * elasticsearch output counts them (logstash-output-elasticsearch's {@code bulk_requests} and
     * {@code documents}): a request answered 429 or 5xx counts as a failure and is retried; one
     * answered 200 with some documents refused counts as with_errors.
     */
    private void archiveTick(long n) {
        archiveSent[0] += n;
        archiveSent[1] += n;
        archiveEvents[0] += n;
        archiveEvents[1] += n;
        archiveEvents[2] += n;
        long requests = (n + BATCH_SIZE - 1) / BATCH_SIZE;
        if (requests == 0) {
            return;
        }
        answer("200", requests);
        // No switch on the enum: javac would add a synthetic class the production jar must then leave out.
        if (elasticsearch == Elasticsearch.THROTTLING) {
            long refused = (requests + 1) / 2; // each refused once, then accepted on retry
            bulk[2] += refused;
            answer("429", refused);
            bulk[0] += requests - 1;
            bulk[1] += 1; // one accepted with 20 documents refused (es_rejected_execution_exception), retried
            documents[1] += 20;
            documents[0] += n;
        } else if (elasticsearch == Elasticsearch.REJECTING) {
            bulk[0] += requests - 1;
            bulk[1] += 1;
            long lost = Math.min(n, 5);
            documents[2] += Math.min(lost, 3); // 409 version conflicts
            documents[3] += lost - Math.min(lost, 3); // 400 mapping errors, no dead-letter queue: logged only
            documents[0] += n - lost;
        } else {
            bulk[0] += requests;
            documents[0] += n;
        }
    }

    private void answer(String status, long count) {
        bulkResponses.merge(status, count, Long::sum);
    }

    private void archivePipeline(ObjectNode p) {
        p.set("events", events(archiveEvents));
        ObjectNode flow = p.putObject("flow");
        rate(flow, "worker_utilization", archiveSlow ? 100.0 : 12.0, 10.0);
        rate(flow, "queue_backpressure", archiveSlow ? 0.97 : 0.01, 0.01);
        ObjectNode plug = p.putObject("plugins");
        ObjectNode in = plug.putArray("inputs").addObject().put("id", ARCHIVE_INPUT).put("name", "pipeline");
        in.putObject("events").put("out", archiveEvents[0]);
        in.put("address", ARCHIVE_ADDRESS);
        plug.putArray("codecs");
        plug.putArray("filters");
        double ms = archiveSlow ? 12.0 : 0.3;
        ObjectNode out = plug.putArray("outputs").addObject().put("id", ARCHIVE_OUTPUT).put("name", "elasticsearch");
        out.putObject("events").put("in", archiveEvents[2]).put("out", archiveEvents[2])
                .put("duration_in_millis", (long) (archiveEvents[2] * ms));
        ObjectNode f = out.putObject("flow");
        rate(f, "worker_utilization", archiveSlow ? 99.0 : 10.0, 10.0);
        rate(f, "worker_millis_per_event", ms, 0.3);
        ObjectNode b = out.putObject("bulk_requests").put("successes", bulk[0]);
        if (bulk[1] > 0) {
            b.put("with_errors", bulk[1]); // as in the plugin, a counter appears when it first counts
        }
        if (bulk[2] > 0) {
            b.put("failures", bulk[2]);
        }
        ObjectNode r = b.putObject("responses");
        bulkResponses.forEach(r::put);
        ObjectNode d = out.putObject("documents").put("successes", documents[0]);
        String[] names = { "retryable_failures", "non_retryable_failures", "dlq_routed" };
        for (int i = 1; i < documents.length; i++) {
            if (documents[i] > 0) {
                d.put(names[i - 1], documents[i]);
            }
        }
        p.putObject("reloads").put("successes", 0).put("failures", 0);
        p.putObject("queue").put("type", "memory").put("events_count", 0).put("queue_size_in_bytes", 0)
                .put("max_queue_size_in_bytes", 0);
        p.put("hash", "aviatrix-" + ARCHIVE);
        p.put("ephemeral_id", archiveEphemeralId);
    }

    private void edgeAdd(String id, long in, long out) {
        long[] c = edgePlugins.get(id);
        c[0] += in;
        c[1] += out;
    }

    private ObjectNode events(long[] e) {
        return json.createObjectNode().put("in", e[0]).put("filtered", e[1]).put("out", e[2])
                .put("duration_in_millis", e[2] * 2 + (e == mainEvents ? slowMillis : 0))
                .put("queue_push_duration_in_millis", e[0] / 10);
    }

    private void edgePipeline(ObjectNode p) {
        p.set("events", events(edgeEvents));
        rate(p.putObject("flow"), "worker_utilization", wedged ? 100.0 : 5.0, 5.0);
        ObjectNode plug = p.putObject("plugins");
        long[] in = edgePlugins.get(EDGE_INPUT);
        plug.putArray("inputs").addObject().put("id", EDGE_INPUT).put("name", "tcp").putObject("events").put("out", in[1]);
        plug.putArray("codecs");
        for (String[] f : new String[][] { { "filters", EDGE_FILTER, "grok" }, { "outputs", EDGE_OUTPUT, "http" } }) {
            long[] c = edgePlugins.get(f[1]);
            ObjectNode o = plug.putArray(f[0]).addObject().put("id", f[1]).put("name", f[2]);
            o.putObject("events").put("in", c[0]).put("out", c[1]).put("duration_in_millis", c[1] / 4);
        }
        p.putObject("reloads").put("successes", 0).put("failures", 0);
        p.putObject("queue").put("type", "memory").put("events_count", 0).put("queue_size_in_bytes", 0)
                .put("max_queue_size_in_bytes", 0);
        p.put("hash", "aviatrix-" + EDGE);
        p.put("ephemeral_id", edgeEphemeralId);
    }

    private void add(String id, long in, long out) {
        long[] c = plugins.get(id);
        c[0] += in;
        c[1] += out;
        Double ms = slow.get(id);
        if (ms != null) {
            slowMillis += (long) (Math.max(in, out) * ms);
        }
    }

    private void plugin(ArrayNode list, String id, String name) {
        long[] c = plugins.get(id);
        Double ms = slow.get(id);
        ObjectNode p = list.addObject().put("id", id).put("name", name);
        p.putObject("events").put("in", c[0]).put("out", c[1])
                .put("duration_in_millis", ms == null ? c[1] / 4 : (long) (c[1] * ms));
        ObjectNode flow = p.putObject("flow");
        rate(flow, "worker_utilization", stalled || wedged ? 0 : ms == null ? 1.5 : 90.0, 1.2);
        rate(flow, "worker_millis_per_event", ms == null ? 0.25 : ms, 0.25);
    }

    /** That plugin now takes {@code millisPerEvent} of worker time per event: the workers get busy. */
    void slow(String id, double millisPerEvent) {
        slow.put(id, millisPerEvent);
    }

    /** Adds (or removes) a filter whose id is a hash, defined at main.conf:42: the configuration changes. */
    void anonymousFilter(boolean on) {
        anonymous = on;
    }

    /**
     * {@code /_node/pipelines?graph=true}: each pipeline's graph as Logstash's LIR serializer writes it
     * (lir_serializer.rb; the shape of the captured 8.5 graph among the fixtures): main's input, queue and
     * common filters, then an if/else-if chain choosing each log type's filters, then one choosing its
     * output, each plugin with where it is defined; with the archive on, main's unconditional pipeline
     * output and the archive pipeline it feeds.
     */
    String nodePipelinesGraph() {
        ObjectNode root = identity(baseRoot.deepCopy());
        ObjectNode pipelines = root.putObject("pipelines");
        String hash = "aviatrix-" + PIPELINE + (anonymous ? "-with-anonymous-filter" : "") + (archive ? "-with-archive" : "");
        Graph main = new Graph(pipelines.putObject(PIPELINE), mainEphemeralId, hash);
        main.plugin(INPUT_ID, "udp", "input", CONFIG_FILE, 2, true);
        main.queue();
        int line = 8;
        for (String id : COMMON_FILTERS) {
            main.plugin(id, id.startsWith("syslog") ? "grok" : "mutate", "filter", CONFIG_FILE, line += 4, true);
        }
        if (anonymous) {
            main.plugin(ANONYMOUS_ID, "mutate", "filter", ANONYMOUS_FILE, 42, false);
        }
        // if [log_type] == "microseg" { grok { id => "microseg" } } else if …: each branch joins the outputs.
        List<String> joins = new ArrayList<>();
        for (LogType t : TYPES) {
            String test = main.condition("[log_type] == \"" + t.type() + "\"", CONFIG_FILE, line += 2);
            for (String id : t.filterIds()) {
                main.plugin(id, "grok", "filter", CONFIG_FILE, line += 2, true);
            }
            joins.add(main.tail());
            main.from(test, false);
        }
        main.join(joins);
        List<Head> outputJoins = main.heads();
        for (LogType t : TYPES) {
            String test = main.condition("[log_type] == \"" + t.type() + "\"", CONFIG_FILE, line += 4);
            main.plugin(t.outputId(), "http", "output", CONFIG_FILE, line += 2, true);
            main.from(test, false);
        }
        if (archive) {
            main.restart(outputJoins);
            main.plugin(ARCHIVE_SENDER, "pipeline", "output", CONFIG_FILE, line + 4, true);
            Graph a = new Graph(pipelines.putObject(ARCHIVE), archiveEphemeralId, "aviatrix-" + ARCHIVE);
            a.plugin(ARCHIVE_INPUT, "pipeline", "input", ARCHIVE_FILE, 2, true);
            a.queue();
            a.plugin(ARCHIVE_OUTPUT, "elasticsearch", "output", ARCHIVE_FILE, 6, true);
        }
        return write(root);
    }

    static final String ARCHIVE_FILE = "/usr/share/logstash/pipeline/archive.conf";

    /** A vertex the flow is at, and the branch (true, false, or null for a plain edge) by which it leaves. */
    private record Head(String id, Boolean branch) {
    }

    /**
     * Builds one pipeline's graph in order: each vertex added is joined from the current heads (the
     * vertices the flow is at, each with the branch it leaves by), and becomes the only head.
     */
    private final class Graph {
        private final ArrayNode vertices;
        private final ArrayNode edges;
        private List<Head> heads = List.of();
        private int conditions;

        Graph(ObjectNode pipeline, String ephemeralId, String hash) {
            pipeline.put("ephemeral_id", ephemeralId).put("hash", hash).put("workers", WORKERS).put("batch_size", BATCH_SIZE);
            ObjectNode lir = pipeline.putObject("graph");
            ObjectNode graph = lir.putObject("graph");
            vertices = graph.putArray("vertices");
            edges = graph.putArray("edges");
            lir.put("hash", hash).put("type", "lir").put("version", "0.0.0");
        }

        /** A plugin at column 3 of its line when top-level in its section, 5 when inside a conditional. */
        void plugin(String id, String name, String type, String file, int line, boolean explicit) {
            int column = type.equals("input") || COMMON_FILTERS.contains(id) ? 3 : 5;
            ObjectNode v = vertices.addObject().put("config_name", name).put("explicit_id", explicit).put("id", id);
            v.putObject("meta").putObject("source").put("column", column).put("id", file).put("line", line).put("protocol", "file");
            v.put("plugin_type", type).put("type", "plugin");
            enter(id, null);
        }

        void queue() {
            vertices.addObject().put("explicit_id", false).put("id", "__QUEUE__").putNull("meta").put("type", "queue");
            enter("__QUEUE__", null);
        }

        /** An if vertex: the flow goes on by its true branch. */
        String condition(String expression, String file, int line) {
            // Logstash names an if vertex by a hash of its source; any stable id will do here.
            String key = file + ":" + line + ":" + conditions++;
            String id = (UUID.nameUUIDFromBytes(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString()
                    + UUID.nameUUIDFromBytes((key + "/2").getBytes(java.nio.charset.StandardCharsets.UTF_8))).replace("-", "");
            ObjectNode v = vertices.addObject().put("condition", expression).put("explicit_id", false).put("id", id);
            v.putObject("meta").putObject("source").put("column", 3).put("id", file).put("line", line).put("protocol", "file");
            v.put("type", "if");
            enter(id, true);
            return id;
        }

        private void enter(String id, Boolean leaving) {
            for (Head head : heads) {
                ObjectNode e = edges.addObject().put("from", head.id()).put("id", head.id() + "->" + id).put("to", id);
                if (head.branch() == null) {
                    e.put("type", "plain");
                } else {
                    e.put("type", "boolean").put("when", head.branch());
                }
            }
            heads = List.of(new Head(id, leaving));
        }

        String tail() {
            return heads.get(0).id();
        }

        /** The flow goes on from that if vertex's other branch. */
        void from(String condition, boolean branch) {
            heads = List.of(new Head(condition, branch));
        }

        /** The flow goes on from all these vertices (the ends of branches), and from the current head. */
        void join(List<String> ends) {
            List<Head> joined = new ArrayList<>();
            ends.forEach(id -> joined.add(new Head(id, null)));
            joined.addAll(heads);
            heads = List.copyOf(joined);
        }

        List<Head> heads() {
            return heads;
        }

        void restart(List<Head> from) {
            heads = from;
        }

    }

    void legacy(boolean on) {
        legacy = on;
    }

    void nine(boolean on) {
        nine = on;
    }

    /**
     * 9.4's {@code batch} block from the model's own rate: a worker takes what arrived within the
     * 50 ms batch delay, up to the batch size; a blocked pipeline's batches are full.
     */
    private static void batch(ObjectNode pipeline, double inRate, boolean blocked) {
        long fill = blocked ? BATCH_SIZE : Math.max(1, Math.min(BATCH_SIZE, Math.round(inRate * 0.05)));
        long p90 = Math.min(BATCH_SIZE, Math.round(fill * 1.2));
        long max = Math.min(BATCH_SIZE, fill * 2);
        ObjectNode batch = pipeline.putObject("batch");
        batchFigure(batch.putObject("event_count"), fill, p90, max, 1);
        batchFigure(batch.putObject("byte_size"), fill, p90, max, BYTES_PER_EVENT);
    }

    private static void batchFigure(ObjectNode f, long fill, long p90, long max, int scale) {
        f.put("current", fill * scale);
        windows(f.putObject("average"), fill * scale);
        windows(f.putObject("p50"), fill * scale);
        windows(f.putObject("p90"), p90 * scale);
        windows(f.putObject("max"), max * scale);
    }

    private static void windows(ObjectNode w, long value) {
        w.put("lifetime", value).put("last_1_minute", value).put("last_5_minutes", value).put("last_15_minutes", value);
    }

    /** The main pipeline's queue becomes persisted, growing by {@code bytesPerTick} up to {@code maxBytes}. */
    void persistedQueue(long maxBytes, long bytesPerTick) {
        pqMaxBytes = maxBytes;
        pqBytesPerTick = bytesPerTick;
    }

    private static void dropFlows(com.fasterxml.jackson.databind.JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("flow");
            o.forEach(AviatrixModel::dropFlows);
        } else if (node instanceof ArrayNode a) {
            a.forEach(AviatrixModel::dropFlows);
        }
    }

    /** One node whatever is asked: the id, name and host of the stats fixture in every answer. */
    private ObjectNode identity(ObjectNode node) {
        node.put("id", baseStats.path("id").asText());
        node.put("name", baseStats.path("name").asText());
        node.put("host", baseStats.path("host").asText());
        node.put("version", legacy ? LEGACY_VERSION : nine ? NINE_VERSION : VERSION);
        node.put("ephemeral_id", ephemeralId);
        node.put("status", "green");
        node.put("snapshot", false);
        return node;
    }

    private double lifetime(long counter) {
        double seconds = Math.max(1, (System.currentTimeMillis() - startedAtMillis) / 1000.0);
        return Math.round(counter / seconds * 1000) / 1000.0;
    }

    private static void rate(ObjectNode parent, String name, double current, double lifetime) {
        ObjectNode r = parent.putObject(name);
        r.put("current", Math.round(current * 1000) / 1000.0);
        r.put("lifetime", lifetime);
        r.put("last_1_minute", Math.round(current * 1000) / 1000.0);
    }

    /** Sets the value at a JSON pointer; object members on the way are made, array elements must exist. */
    private static void set(ObjectNode root, String pointer, JsonNode value) {
        String[] parts = pointer.substring(1).split("/");
        JsonNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
                node = array.get(Integer.parseInt(parts[i]));
            } else {
                JsonNode child = node.get(parts[i]);
                node = child != null && child.isContainerNode() ? child : ((ObjectNode) node).putObject(parts[i]);
            }
        }
        String last = parts[parts.length - 1];
        if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) node).set(last, value);
        }
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private String write(JsonNode node) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
