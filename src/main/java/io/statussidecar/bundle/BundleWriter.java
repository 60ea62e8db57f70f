package io.statussidecar.bundle;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.statussidecar.http.ApiException;
import io.statussidecar.http.Gate;
import io.statussidecar.http.Gates;
import io.statussidecar.api.HistoryResource;
import io.statussidecar.api.StatsResource;
import io.statussidecar.config.EffectiveSettings;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.health.HealthEvaluator;
import io.statussidecar.logs.ForwardLines;
import io.statussidecar.logs.LogsResource;
import io.statussidecar.logstash.LogstashClient;
import io.statussidecar.logstash.LogstashUnavailable;
import io.statussidecar.security.Redactor;
import io.statussidecar.store.HistoryRange;
import io.statussidecar.store.MetricsStore;
import io.statussidecar.store.Snapshot;

/**
 * Builds the support bundle of SPEC §7. Small items are collected first, each with its own timeout,
 * in parallel; a failed item is recorded in the manifest and never fails the bundle. The log's tail
 * is then streamed through the {@link Redactor} twice: once to learn its size (a tar header needs it
 * first), once into the archive; no copy of the log is made, and memory does not grow with its size.
 */
@ApplicationScoped
public class BundleWriter {

    /**
     * The most of one Logstash answer the bundle copies: it holds each whole (a tar entry needs its size
     * first) and the items are fetched at once, so together they must stay well within the heap.
     */
    static final long ITEM_MAX_BYTES = 2L * 1024 * 1024;
    static final long LOG_MAX_BYTES = 20L * 1024 * 1024;
    static final String LOG_ITEM = "logstash/logstash.log";
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Map<String, String> LOGSTASH_JSON = Map.of(
            "logstash/node.json", "/_node",
            "logstash/node_stats.json", "/_node/stats",
            "logstash/node_pipelines.json", "/_node/pipelines",
            "logstash/node_plugins.json", "/_node/plugins");

    private final LogstashClient client;
    private final MetricsStore store;
    private final HealthEvaluator health;
    private final EffectiveSettings settings;
    private final StatsResource stats;
    private final HistoryResource history;
    private final LogstashConfig logstash;
    private final ObjectMapper json;
    private final ManagedExecutor executor;
    private final Gates gates;
    private final String version;

    @Inject
    BundleWriter(LogstashClient client, MetricsStore store, HealthEvaluator health, EffectiveSettings settings,
            StatsResource stats, HistoryResource history, LogstashConfig logstash, ObjectMapper json, ManagedExecutor executor,
            Gates gates,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.client = client;
        this.store = store;
        this.health = health;
        this.settings = settings;
        this.stats = stats;
        this.history = history;
        this.logstash = logstash;
        this.json = json;
        this.executor = executor;
        this.gates = gates;
        this.version = version;
    }

    /**
     * What will be written, in this order: the manifest, the sidecar's own documents (serialized again,
     * and redacted, as they are written), Logstash's answers (already redacted) and the log part.
     */
    public record Bundle(String name, byte[] manifest, List<Document> documents, Map<String, byte[]> files, LogPart log) {
    }

    /**
     * A document of the sidecar's own, from immutable values: serializing it twice gives the same
     * bytes, so its redacted size is counted first and it is streamed into the archive afterwards,
     * never held whole (with thousands of pipelines, stats.json alone is megabytes).
     */
    public record Document(String path, Object value, long redactedSize) {
    }

    /** The log's tail [start, end) and its redacted size; null channel when the log could not be read. */
    public record LogPart(FileChannel channel, long start, long end, long redactedSize) {
    }

    public Bundle prepare() {
        Instant now = store.clock().instant();
        String name = "status-sidecar-" + host() + "-" + NAME_TIME.format(now);
        List<Item> items = new ArrayList<>();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Document> documents = new ArrayList<>();

        Map<String, CompletableFuture<Optional<byte[]>>> remote = new LinkedHashMap<>();
        LOGSTASH_JSON.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> remote.put(e.getKey(), call(() -> Optional.of(client.raw(e.getValue(), ITEM_MAX_BYTES).body()))));
        remote.put("logstash/hot_threads.txt", call(this::hotThreads));
        remote.put("logstash/health_report.json",
                call(() -> client.rawIfPresent("/_health_report", ITEM_MAX_BYTES).map(LogstashClient.Raw::body)));

        local(documents, items, "sidecar/config.json", settings::describe);
        local(documents, items, "sidecar/health.json", health::verdict);
        local(documents, items, "sidecar/stats.json", stats::stats);
        local(documents, items, "sidecar/history-24h.json", () -> history.view(HistoryRange.H24));

        // Every call ends by its own deadline (LogstashClient), which is each item's timeout; the margin
        // only covers the hand-over between threads.
        long deadline = System.nanoTime() + client.deadline().plusSeconds(2).toNanos();
        remote.forEach((path, future) -> collect(path, future, deadline, files, items));

        LogPart log = log(items);
        Manifest manifest = new Manifest(version, now, client.target().displayUrl(), items);
        return new Bundle(name, Redactor.text(toJson(manifest)).getBytes(StandardCharsets.UTF_8), documents, files, log);
    }

    /** Streams the archive. Closes the log. */
    public void write(Bundle bundle, OutputStream out) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            Instant now = store.clock().instant();
            put(tar, bundle.name() + "/manifest.json", bundle.manifest(), now);
            for (Document d : bundle.documents()) {
                tar.putArchiveEntry(entry(bundle.name() + "/" + d.path(), d.redactedSize(), now));
                Exactly exact = new Exactly(tar, d.redactedSize());
                serialize(d.value(), exact);
                exact.pad();
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, byte[]> f : bundle.files().entrySet()) {
                put(tar, bundle.name() + "/" + f.getKey(), f.getValue(), now);
            }
            LogPart log = bundle.log();
            if (log != null) {
                try (FileChannel ch = log.channel()) {
                    tar.putArchiveEntry(entry(bundle.name() + "/" + LOG_ITEM, log.redactedSize(), now));
                    Exactly exact = new Exactly(tar, log.redactedSize());
                    redactLog(ch, log.start(), log.end(), exact);
                    exact.pad();
                    tar.closeArchiveEntry();
                }
            }
            tar.finish();
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content, Instant now) throws IOException {
        tar.putArchiveEntry(entry(name, content.length, now));
        tar.write(content);
        tar.closeArchiveEntry();
    }

    private LogPart log(List<Item> items) {
        long started = System.nanoTime();
        FileChannel ch;
        try {
            ch = LogsResource.open(logstash.logPath());
        } catch (ApiException e) {
            items.add(Item.failed(LOG_ITEM, millisSince(started), e.getMessage()));
            return null;
        }
        try {
            long end = ch.size();
            long start = ForwardLines.lineStartAtOrAfter(ch, Math.max(0, end - LOG_MAX_BYTES), end);
            Counting counting = new Counting();
            redactLog(ch, start, end, counting);
            items.add(Item.ok(LOG_ITEM, counting.count, millisSince(started)));
            return new LogPart(ch, start, end, counting.count);
        } catch (IOException e) {
            items.add(Item.failed(LOG_ITEM, millisSince(started), "reading " + logstash.logPath() + " failed: " + e.getMessage()));
            try {
                ch.close();
            } catch (IOException ignored) {
                // abandoning it
            }
            return null;
        }
    }

    private static void redactLog(FileChannel ch, long start, long end, OutputStream out) throws IOException {
        Redactor redactor = new Redactor();
        ForwardLines.read(ch, start, end, line -> {
            String red = redactor.line(line);
            if (red != null) {
                out.write(red.getBytes(StandardCharsets.UTF_8));
                out.write('\n');
            }
        });
    }

    // Shares the hot-threads proxy's gate: Logstash answers one hot-threads call at a time.
    private Optional<byte[]> hotThreads() throws LogstashUnavailable {
        Gate.Ticket ticket;
        try {
            ticket = gates.hotThreads().enter();
        } catch (ApiException busy) {
            throw new LogstashUnavailable("not asked: another hot-threads call to Logstash was running");
        }
        try {
            return Optional.of(client.hotThreads(null, null, null, true, ITEM_MAX_BYTES).body());
        } finally {
            gates.hotThreads().leave(ticket);
        }
    }

    private interface RemoteCall {
        Optional<byte[]> get() throws LogstashUnavailable;
    }

    private CompletableFuture<Optional<byte[]>> call(RemoteCall call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return call.get();
            } catch (LogstashUnavailable e) {
                throw new RemoteFailure(e.getMessage());
            }
        }, executor);
    }

    private static final class RemoteFailure extends RuntimeException {
        RemoteFailure(String message) {
            super(message, null, false, false);
        }
    }

    private void collect(String path, CompletableFuture<Optional<byte[]>> future, long deadline, Map<String, byte[]> files,
            List<Item> items) {
        long started = System.nanoTime();
        try {
            Optional<byte[]> body = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (body.isEmpty()) {
                items.add(Item.skipped(path, "this Logstash has no such endpoint (it answered 404)"));
                return;
            }
            byte[] red = Redactor.text(new String(body.get(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            files.put(path, red);
            items.add(Item.ok(path, red.length, millisSince(started)));
        } catch (TimeoutException e) {
            future.cancel(true);
            items.add(Item.failed(path, millisSince(started), "no answer within " + client.deadline().toSeconds() + "s"));
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof RemoteFailure ? e.getCause().getMessage() : String.valueOf(e.getCause());
            items.add(Item.failed(path, millisSince(started), why));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            items.add(Item.failed(path, millisSince(started), "interrupted"));
        }
    }

    private interface LocalCall {
        Object get();
    }

    private void local(List<Document> documents, List<Item> items, String path, LocalCall call) {
        long started = System.nanoTime();
        try {
            Object value = call.get();
            Counting counting = new Counting();
            serialize(value, counting);
            documents.add(new Document(path, value, counting.count));
            items.add(Item.ok(path, counting.count, millisSince(started)));
        } catch (ApiException | IOException e) {
            items.add(Item.failed(path, millisSince(started), e.getMessage()));
        }
    }

    private void serialize(Object value, OutputStream out) throws IOException {
        try (RedactingOutput red = new RedactingOutput(out)) {
            json.writerWithDefaultPrettyPrinter().without(SerializationFeature.CLOSE_CLOSEABLE)
                    .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(red, value);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new ApiException(500, "internal_error", "cannot write JSON: " + e.getOriginalMessage());
        }
    }

    private String host() {
        Snapshot latest = store.state().latest();
        String host = latest == null || latest.node() == null ? null : latest.node().name();
        if (host == null) {
            host = System.getenv("HOSTNAME");
        }
        String clean = host == null ? "" : host.replaceAll("[^A-Za-z0-9._-]", "_");
        return clean.isEmpty() ? "unknown" : clean.length() > 64 ? clean.substring(0, 64) : clean;
    }

    private static TarArchiveEntry entry(String name, long size, Instant modified) {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(size);
        e.setModTime(modified.toEpochMilli());
        e.setMode(0644);
        return e;
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Counts what the first pass would write. */
    private static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    /**
     * Writes exactly the size the tar header promised: if the log was truncated or rewritten between
     * the two passes, the second is cut or padded with line breaks rather than corrupting the archive.
     */
    private static final class Exactly extends FilterOutputStream {
        private long left;

        Exactly(OutputStream out, long size) {
            super(out);
            this.left = size;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int n = (int) Math.min(len, left);
            if (n > 0) {
                out.write(b, off, n);
                left -= n;
            }
        }

        void pad() throws IOException {
            while (left > 0) {
                out.write('\n');
                left--;
            }
        }

        @Override
        public void close() {
            // the tar entry is closed by its owner
        }
    }
}
