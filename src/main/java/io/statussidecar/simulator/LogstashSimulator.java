package io.statussidecar.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server that answers like the Logstash monitoring API, for tests and development mode.
 * It either replays captured responses unchanged, or runs an Aviatrix-style model whose counters
 * advance at every {@code /_node/stats} request. Faults ({@link Fault}), restarts with counters reset,
 * and a stalled pipeline can be switched on and off while the sidecar polls it. Listens on loopback only.
 */
public final class LogstashSimulator implements AutoCloseable {

    /** The files under the fixtures directory that the Aviatrix model starts from. */
    public static final String BASE_STATS = "beats/8.4.0/node_stats.840.json";
    public static final String BASE_ROOT = "logstash-exporter/8.15.2/node_info.json";

    private static final long MAX_HANG_MILLIS = 60_000;
    private static final String DEFAULT_ERROR_BODY = "{\"error\":{\"type\":\"MetricNotFound\",\"reason\":\"For path: events\"}}";
    /** Switches for a simulator in another process (bench/): {@code /_simulator/fault/DRIP}, {@code /_simulator/wedge/on}. */
    static final String CONTROL = "/_simulator/";

    private final Function<String, Optional<String>> modelDispatcher;
    private final AviatrixModel model;
    private volatile Function<String, Optional<String>> dispatcher;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Object hangLock = new Object();
    private volatile Fault fault = Fault.NONE;
    private volatile String requiredAuthorization;
    private volatile String healthReport;
    private volatile String errorBody = DEFAULT_ERROR_BODY;
    private volatile String lastHotThreadsQuery;
    private ExecutorService executor;
    private HttpServer server;
    private HttpServer control;
    private int port;
    private javax.net.ssl.SSLContext tls;
    private LogWriter log;

    private LogstashSimulator(Function<String, Optional<String>> dispatcher, AviatrixModel model) {
        this.modelDispatcher = dispatcher;
        this.dispatcher = dispatcher;
        this.model = model;
    }

    /** An Aviatrix-style Logstash whose counters advance; {@code profile} decides what its outputs forward. */
    public static LogstashSimulator aviatrix(Path fixturesDir, String profile) {
        ObjectMapper json = new ObjectMapper();
        try {
            AviatrixModel model = new AviatrixModel(json, json.readTree(fixturesDir.resolve(BASE_STATS).toFile()),
                    json.readTree(fixturesDir.resolve(BASE_ROOT).toFile()), profile);
            return new LogstashSimulator(path -> switch (path) {
                case "/_node/stats" -> Optional.of(model.nodeStats());
                case "/_node/stats/jvm" -> Optional.of(model.jvmStats());
                case "/_node" -> Optional.of(model.node());
                case "/_node/pipelines" -> Optional.of(model.nodePipelines());
                case "/_node/plugins" -> Optional.of(model.nodePlugins());
                case "/" -> Optional.of(model.root());
                default -> Optional.empty();
            }, model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's fixtures under " + fixturesDir, e);
        }
    }

    /** Serves files unchanged: request path → file. Other paths answer 404, as an older Logstash would. */
    public static LogstashSimulator replaying(Map<String, Path> files) {
        return new LogstashSimulator(bodies(files), null);
    }

    /** From now on, serve these files unchanged instead of the model (see {@link #replaying}). */
    public void replay(Map<String, Path> files) {
        dispatcher = bodies(files);
    }

    /** Back to the model's advancing counters after {@link #replay}. */
    public void resumeModel() {
        dispatcher = modelDispatcher;
    }

    private static Function<String, Optional<String>> bodies(Map<String, Path> files) {
        Map<String, String> bodies = new ConcurrentHashMap<>();
        files.forEach((path, file) -> {
            try {
                bodies.put(path, Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read fixture " + file, e);
            }
        });
        return path -> Optional.ofNullable(bodies.get(path));
    }

    /**
     * Also writes Logstash's log to {@code file}, an entry or none every {@code everyMillis}, rolling it
     * over at {@code rollAtBytes}; {@link #restartLoop} and {@link #rollLog} act on it.
     */
    public synchronized LogstashSimulator writingLog(Path file, long rollAtBytes, long everyMillis) {
        log = new LogWriter(file, rollAtBytes).start(everyMillis);
        return this;
    }

    /** The simulated log's input plugin fails and restarts at every log step (SPEC §5 plugin_restarting). */
    public void restartLoop(boolean on) {
        logWriter().restartLoop(on);
    }

    /** The simulated log rolls over now, as log4j2 does at its size limit. */
    public void rollLog() {
        logWriter().roll();
    }

    private LogWriter logWriter() {
        if (log == null) {
            throw new IllegalStateException("this simulator writes no log: start it with writingLog");
        }
        return log;
    }

    /** Serves HTTPS with this context from the next {@link #start} on (as {@code api.ssl.enabled} does). */
    public synchronized LogstashSimulator tls(javax.net.ssl.SSLContext context) {
        this.tls = context;
        return this;
    }

    public synchronized LogstashSimulator start(int requestedPort) {
        try {
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "logstash-simulator");
                t.setDaemon(true);
                return t;
            });
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort);
            if (tls != null) {
                com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 50);
                https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls));
                server = https;
            } else {
                server = HttpServer.create(address, 50);
            }
            server.createContext("/", this::handle);
            server.setExecutor(executor);
            server.start();
            port = server.getAddress().getPort();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Logstash simulator on port " + requestedPort, e);
        }
    }

    /**
     * Also answers the controls on a port of their own, which stays open while the fault is
     * {@link Fault#REFUSE} (the main port is closed then, so {@code fault/NONE} could not reach it).
     */
    public synchronized LogstashSimulator withControlPort() {
        try {
            control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
            control.createContext(CONTROL, exchange -> {
                try (exchange) {
                    control(exchange, exchange.getRequestURI().getPath().substring(CONTROL.length()));
                }
            });
            control.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the simulator's control port", e);
        }
    }

    /** Where the controls answer whatever the fault: the control port when there is one. */
    public String controlUrl() {
        return control == null ? baseUrl() : "http://127.0.0.1:" + control.getAddress().getPort();
    }

    public String baseUrl() {
        return (tls != null ? "https" : "http") + "://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Switches a fault on; {@link Fault#NONE} (or {@link #recover()}) switches it off. */
    public synchronized void fail(Fault newFault) {
        Fault old = fault;
        fault = newFault;
        if (newFault == Fault.REFUSE && old != Fault.REFUSE) {
            server.stop(0);
            executor.shutdownNow();
        } else if (old == Fault.REFUSE && newFault != Fault.REFUSE) {
            start(port);
        }
        synchronized (hangLock) {
            hangLock.notifyAll();
        }
    }

    public void recover() {
        fail(Fault.NONE);
    }

    public Fault fault() {
        return fault;
    }

    /** Logstash restarted: counters start again from zero under a new ephemeral id. */
    public void restart() {
        synchronized (model()) {
            model().restart();
        }
        if (log != null) {
            log.startup();
        }
    }

    /** No event enters Logstash any more. */
    public void idle(boolean idle) {
        synchronized (model()) {
            model().idle(idle);
        }
    }

    /** Which log types the simulated outputs forward ({@code all}, {@code security}, {@code networking}). */
    public void profile(String profile) {
        synchronized (model()) {
            model().profile(profile);
        }
    }

    /** Overrides one value of later {@code /_node/stats} bodies by JSON pointer, e.g. {@code /jvm/mem/heap_used_percent}. */
    public void patch(String pointer, Object value) {
        synchronized (model()) {
            model().patch(pointer, new ObjectMapper().valueToTree(value));
        }
    }

    /** Back to the plain model: no patched values, slow plugins, legacy answers or persisted queue. */
    public void clearPatches() {
        synchronized (model()) {
            model().clearPatches();
        }
    }

    /** Serves this body at {@code /_health_report} (Logstash 8.16+); null answers 404 as older versions do. */
    public void healthReport(String json) {
        healthReport = json;
    }

    /** Events keep entering the pipeline but none leave it. */
    /** The body of the {@link Fault#HTTP_500} answer; null for Logstash's own. */
    public void errorBody(String body) {
        errorBody = body == null ? DEFAULT_ERROR_BODY : body;
    }

    /** A memory queue with a blocked output: nothing enters, nothing leaves, workers busy (see the model). */
    public void wedge(boolean wedged) {
        synchronized (model()) {
            model().wedge(wedged);
        }
    }

    /** That plugin of main takes {@code millisPerEvent} of worker time per event from now on. */
    public void slowPlugin(String id, double millisPerEvent) {
        synchronized (model()) {
            model().slow(id, millisPerEvent);
        }
    }

    /** Adds a filter whose id is a hash (defined at main.conf:42), as a configuration change does. */
    public void anonymousFilter(boolean on) {
        synchronized (model()) {
            model().anonymousFilter(on);
        }
    }

    /** Answers as Logstash 7.17 does: no flow metrics. */
    public void legacy(boolean on) {
        synchronized (model()) {
            model().legacy(on);
        }
    }

    /** Logstash's collectors take 40 % of its time, the heap at 96 % (SPEC §14 {@code gc_overhead}). */
    public void gcStorm(boolean on) {
        synchronized (model()) {
            model().gcStorm(on);
        }
    }

    /** Logstash in a container with a 2-core limit, cgroup {@code "v1"} or {@code "v2"}; null: outside one. */
    public void cgroup(String version) {
        synchronized (model()) {
            model().cgroup(version);
        }
    }

    /** The container is CPU-throttled in 40 % of its periods (SPEC §14 {@code cpu_throttled}); needs {@link #cgroup}. */
    public void cpuThrottled(boolean on) {
        synchronized (model()) {
            model().cpuThrottled(on);
        }
    }

    /** Answers as Logstash 9.4 does: its version, and each pipeline's batches (SPEC §14). */
    public void logstash9(boolean on) {
        synchronized (model()) {
            model().nine(on);
        }
    }

    /** Main's queue becomes persisted and grows by {@code bytesPerTick} a poll, up to {@code maxBytes}. */
    public void persistedQueue(long maxBytes, long bytesPerTick) {
        synchronized (model()) {
            model().persistedQueue(maxBytes, bytesPerTick);
        }
    }

    /** Logstash has been up for {@code uptime}. */
    public void upFor(java.time.Duration uptime) {
        synchronized (model()) {
            model().upFor(uptime);
        }
    }

    /** That thread burns {@code coreShare} of a core from now on, its Logstash figure now {@code lifetimePercent}. */
    public void burn(String thread, double coreShare, double lifetimePercent) {
        synchronized (model()) {
            model().burn(thread, coreShare, lifetimePercent);
        }
    }

    /** Runs a second pipeline beside main. */
    public void edgePipeline(boolean on) {
        synchronized (model()) {
            model().edge(on);
        }
    }

    /** Main also sends every event through a pipeline output to an {@code archive} pipeline with an elasticsearch output. */
    public void archivePipeline(boolean on) {
        synchronized (model()) {
            model().archive(on);
        }
    }

    /** The archive's Elasticsearch answers 429 to part of the bulk requests and documents (SPEC §14 {@code output_failing}). */
    public void elasticsearchThrottling(boolean on) {
        elasticsearch(on ? AviatrixModel.Elasticsearch.THROTTLING : AviatrixModel.Elasticsearch.OK);
    }

    /** The archive's Elasticsearch refuses some documents for good (SPEC §14 {@code output_dropping}). */
    public void elasticsearchRejecting(boolean on) {
        elasticsearch(on ? AviatrixModel.Elasticsearch.REJECTING : AviatrixModel.Elasticsearch.OK);
    }

    private void elasticsearch(AviatrixModel.Elasticsearch answers) {
        synchronized (model()) {
            model().archive(true);
            model().elasticsearch(answers);
        }
    }

    /** The archive's output is slow: its workers are all busy and main's pipeline output waits on it. */
    public void archiveSlow(boolean on) {
        synchronized (model()) {
            model().archive(true);
            model().archiveSlow(on);
        }
    }

    /** One pipeline's counters back to zero, as when Logstash reloads its configuration. */
    public void reloadPipeline(String id) {
        synchronized (model()) {
            model().reload(id);
        }
    }

    /** Logstash works on for {@code ticks} poll intervals that nobody asks about (an outage). */
    public void advance(int ticks) {
        synchronized (model()) {
            model().advance(ticks);
        }
    }

    public void stall(boolean stalled) {
        synchronized (model()) {
            model().stall(stalled);
        }
    }

    /** Answers 401 unless requests carry these basic-auth credentials ({@code null} to stop requiring them). */
    public void requireBasicAuth(String username, String password) {
        requiredAuthorization = username == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The most requests that were in progress at the same time since the last {@link #resetConcurrency()}. */
    public int maxConcurrentRequests() {
        return maxInFlight.get();
    }

    public void resetConcurrency() {
        maxInFlight.set(inFlight.get());
    }

    /** The query string of the last hot-threads request, to check what the sidecar passed on. */
    public String lastHotThreadsQuery() {
        return lastHotThreadsQuery;
    }

    /** How many requests reached {@code path} (whatever the answer). */
    public int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    /** The model's counters {in, out} per plugin id, to check the sidecar's arithmetic against. */
    public Map<String, long[]> pluginCounters() {
        synchronized (model()) {
            return model().pluginCounters();
        }
    }

    /** The model's pipeline counters {in, filtered, out}. */
    public long[] eventCounters() {
        synchronized (model()) {
            return model().eventCounters();
        }
    }

    public String ephemeralId() {
        synchronized (model()) {
            return model().ephemeralId();
        }
    }

    @Override
    public synchronized void close() {
        fault = Fault.NONE;
        synchronized (hangLock) {
            hangLock.notifyAll();
        }
        if (server != null) {
            server.stop(0);
        }
        if (control != null) {
            control.stop(0);
        }
        if (log != null) {
            log.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private AviatrixModel model() {
        if (model == null) {
            throw new IllegalStateException("a replaying simulator has no model");
        }
        return model;
    }

    private void handle(HttpExchange exchange) throws IOException {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange) {
            respond(exchange);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.startsWith(CONTROL)) {
            control(exchange, path.substring(CONTROL.length()));
            return;
        }
        String auth = requiredAuthorization;
        if (auth != null && !auth.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "application/json", "{\"error\":\"authentication required\"}");
            return;
        }
        switch (fault) {
            case HANG -> {
                hang();
                return;
            }
            case GARBAGE -> {
                send(exchange, 200, "text/html", "<html><body>502 Bad Gateway (nginx)</body></html>");
                return;
            }
            case HTTP_500 -> {
                send(exchange, 500, "application/json", errorBody);
                return;
            }
            case OVERSIZED -> {
                oversized(exchange);
                return;
            }
            case HUGE, ENDLESS, DRIP, HALF -> {
                hostile(exchange, fault);
                return;
            }
            default -> {
            }
        }
        // The model draws its graph; a replay serves its files for the graph too.
        if (path.equals("/_node/pipelines") && model != null && dispatcher == modelDispatcher
                && String.valueOf(exchange.getRequestURI().getRawQuery()).contains("graph=true")) {
            synchronized (model) {
                send(exchange, 200, "application/json", model.nodePipelinesGraph());
            }
            return;
        }
        if (path.equals("/_node/hot_threads") && model != null) {
            String query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
            boolean human = query.contains("human=true");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|&)threads=(\\d+)").matcher(query);
            int threads = m.find() ? Integer.parseInt(m.group(1)) : 10;
            lastHotThreadsQuery = query;
            synchronized (model) {
                send(exchange, 200, human ? "text/plain" : "application/json", model.hotThreads(human, threads));
            }
            return;
        }
        if (path.equals("/_health_report")) {
            String report = healthReport;
            if (report != null) {
                send(exchange, 200, "application/json", report);
                return;
            }
        }
        Optional<String> body;
        Function<String, Optional<String>> current = dispatcher;
        if (model != null) {
            synchronized (model) {
                body = current.apply(path);
            }
        } else {
            body = current.apply(path);
        }
        if (body.isPresent()) {
            send(exchange, 200, "application/json", body.get());
        } else {
            send(exchange, 404, "application/json", "{\"path\":\"" + path.replace("\"", "") + "\",\"status\":404}");
        }
    }

    private void control(HttpExchange exchange, String command) throws IOException {
        String[] parts = command.split("/");
        boolean on = parts.length > 1 && parts[1].equals("on");
        try {
            command(parts, on);
        } catch (IllegalArgumentException e) { // an unknown control or fault name
            send(exchange, 404, "text/plain", e.getMessage());
            return;
        } catch (IllegalStateException e) { // a control this simulator cannot act on (no log)
            send(exchange, 409, "text/plain", e.getMessage());
            return;
        }
        send(exchange, 200, "text/plain", "ok " + command);
    }

    private void command(String[] parts, boolean on) {
        switch (parts[0]) {
            case "fault" -> fail(Fault.valueOf(parts.length > 1 ? parts[1] : "NONE"));
            case "wedge" -> wedge(on);
            case "stall" -> stall(on);
            case "idle" -> idle(on);
            case "restart" -> restart();
            case "restart-loop" -> restartLoop(on);
            case "roll-log" -> rollLog();
            case "logstash-9" -> logstash9(on);
            case "gc-storm" -> gcStorm(on);
            case "archive" -> archivePipeline(on);
            case "es-throttling" -> elasticsearchThrottling(on);
            case "es-rejecting" -> elasticsearchRejecting(on);
            case "archive-slow" -> archiveSlow(on);
            case "cgroup" -> cgroup(parts.length > 1 && !parts[1].equals("off") ? cgroupVersion(parts[1]) : null);
            case "cpu-throttled" -> {
                cgroup(cgroupOrV2());
                cpuThrottled(on);
            }
            default -> throw new IllegalArgumentException("unknown control " + String.join("/", parts));
        }
    }

    private static String cgroupVersion(String v) {
        if (!v.equals("v1") && !v.equals("v2")) {
            throw new IllegalArgumentException("unknown cgroup version " + v + " (v1, v2 or off)");
        }
        return v;
    }

    private String cgroupOrV2() {
        synchronized (model()) {
            return model().cgroupVersion() == null ? "v2" : model().cgroupVersion();
        }
    }

    private void hang() {
        long deadline = System.currentTimeMillis() + MAX_HANG_MILLIS;
        synchronized (hangLock) {
            while (fault == Fault.HANG && System.currentTimeMillis() < deadline) {
                try {
                    hangLock.wait(Math.max(1, deadline - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void oversized(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write("{\"padding\":\"".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 512; i++) { // 32 MiB, twice the sidecar's cap
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // The client hung up once it had read enough: that is the expected outcome.
        }
    }

    /** Bodies no real Logstash sends, each until the sidecar gives up (or the fault is cleared). */
    private void hostile(HttpExchange exchange, Fault kind) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        long deadline = System.currentTimeMillis() + MAX_HANG_MILLIS;
        byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = exchange.getResponseBody()) {
            switch (kind) {
                case HUGE -> {
                    long size = 300L * 1024 * 1024;
                    exchange.sendResponseHeaders(200, size);
                    out.write('{');
                    for (long sent = 1; sent + chunk.length < size && fault == kind; sent += chunk.length) {
                        out.write(chunk);
                    }
                }
                case ENDLESS -> {
                    exchange.sendResponseHeaders(200, 0); // 0: chunked
                    out.write('{');
                    while (fault == kind && System.currentTimeMillis() < deadline) {
                        out.write(chunk);
                    }
                }
                case DRIP -> {
                    exchange.sendResponseHeaders(200, 100_000);
                    while (fault == kind && System.currentTimeMillis() < deadline) {
                        out.write(' ');
                        out.flush();
                        sleep(1000);
                    }
                }
                default -> { // HALF
                    exchange.sendResponseHeaders(200, 2 * 1024);
                    out.write("{\"host\":\"logstash\",\"version\":\"8.15.2\",".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    while (fault == kind && System.currentTimeMillis() < deadline) {
                        sleep(100);
                    }
                }
            }
        } catch (IOException e) {
            // The sidecar hung up: that is the outcome these faults are for.
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
