package io.statussidecar.logstash;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.jboss.resteasy.reactive.client.api.QuarkusRestClientProperties;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.statussidecar.config.EffectiveSettings;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.config.LogstashTarget;
import io.statussidecar.http.OutboundFailure;
import io.statussidecar.security.Redactor;

/**
 * Calls the Logstash API and returns parsed responses or one {@link LogstashUnavailable} with an
 * operator-readable reason. Every call has a total deadline (connect plus read timeout) whatever the
 * server sends, and its body is read as it arrives through a cap, never buffered whole, so a hostile or
 * broken Logstash can neither hang a poll nor fill the sidecar's memory.
 */
@ApplicationScoped
public class LogstashClient {

    /**
     * Far above a real /_node/stats (tens of KB; about 1 MB with a hundred pipelines) and small enough
     * that a capped body plus what is parsed from it fits the shipped 48 MB heap (see the README).
     */
    public static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    /**
     * A TLS configuration of this name in Quarkus' TLS registry ({@code quarkus.tls.logstash.*}: client
     * certificates, say) wins; otherwise LOGSTASH_API_CA_FILE is the trust store, and without it the
     * JVM's default trust applies.
     */
    static final String TLS_CONFIGURATION = "logstash";

    // Ends calls that outlive their deadline; one daemon thread, as calls are few and brief.
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "logstash-call-deadline");
        t.setDaemon(true);
        return t;
    });

    private final LogstashApi api;
    private final LogstashTarget target;
    private final ObjectReader reader;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration deadline;

    @Inject
    LogstashClient(LogstashTarget target, LogstashConfig config, ObjectMapper mapper, TlsConfigurationRegistry tls) {
        this(target, config, mapper, tls.get(TLS_CONFIGURATION).or(() -> config.apiCaFile().map(PemTrust::new)));
    }

    /** The base URI is the target's, not a static property: development mode points it at a simulator. */
    public LogstashClient(LogstashTarget target, LogstashConfig config, ObjectMapper mapper, Optional<TlsConfiguration> tls) {
        this.target = target;
        this.connectTimeout = config.connectTimeout();
        this.readTimeout = config.readTimeout();
        this.deadline = connectTimeout.plus(readTimeout);
        this.reader = LogstashJson.reader(mapper);
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(target.baseUri())
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // A body abandoned at the cap or the deadline must close its connection, not go back to a
                // pool half read; a fresh loopback connection per call costs next to nothing.
                .property(QuarkusRestClientProperties.KEEP_ALIVE_ENABLED, false)
                // Non-2xx answers are read and described here, not thrown by the client.
                .property("microprofile.rest.client.disable.default.mapper", true);
        BasicAuthHeader.of(target, config).ifPresent(builder::clientHeadersFactory);
        tls.ifPresent(builder::tlsConfiguration);
        this.api = builder.build(LogstashApi.class);
    }

    public LogstashTarget target() {
        return target;
    }

    /** The most any one call takes: connect plus read timeout, whatever Logstash sends. */
    public Duration deadline() {
        return deadline;
    }

    public NodeStats nodeStats() throws LogstashUnavailable {
        return read("/_node/stats", api::nodeStats, NodeStats.class);
    }

    public NodeInfo node() throws LogstashUnavailable {
        return read("/_node", api::node, NodeInfo.class);
    }

    /** An answer as Logstash sent it, for the support bundle and the hot-threads proxy. */
    public record Raw(byte[] body, String contentType) {
    }

    /**
     * The endpoints the support bundle copies, by the path Logstash serves them at, up to
     * {@code maxBytes} (a body held whole must stay well within the heap).
     */
    public Raw raw(String path, long maxBytes) throws LogstashUnavailable {
        Supplier<Response> call = switch (path) {
            case "/_node" -> api::node;
            case "/_node/stats" -> api::nodeStats;
            case "/_node/pipelines" -> api::nodePipelines;
            case "/_node/plugins" -> api::nodePlugins;
            case "/_health_report" -> api::healthReport;
            default -> throw new IllegalArgumentException("not a copied endpoint: " + path);
        };
        return new Raw(exchange(path, call, maxBytes, Body::readAllBytes), "application/json");
    }

    /** Like {@link #raw}, but empty where Logstash answers 404 (an endpoint its version does not have). */
    public Optional<Raw> rawIfPresent(String path, long maxBytes) throws LogstashUnavailable {
        try {
            return Optional.of(raw(path, maxBytes));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** Each pipeline's configuration graph (7.x+), for where each plugin is defined. */
    public PipelineGraphs pipelineGraphs() throws LogstashUnavailable {
        return read("/_node/pipelines?graph=true", () -> api.nodePipelinesGraph(true), PipelineGraphs.class);
    }

    /** Logstash's JVM uptime now, from the JVM section of its node stats. */
    public long uptimeMillis() throws LogstashUnavailable {
        NodeStats s = read("/_node/stats/jvm", api::nodeStatsJvm, NodeStats.class);
        if (s.jvm() == null || s.jvm().uptimeInMillis() == null) {
            throw new LogstashUnavailable("Logstash's /_node/stats/jvm has no jvm.uptime_in_millis", "no uptime");
        }
        return s.jvm().uptimeInMillis();
    }

    /** Hot threads parsed, idle ones included: what a windowed measurement samples (SPEC §13). */
    public HotThreads hotThreadsReport(int threads, int stacktraceSize) throws LogstashUnavailable {
        return read("/_node/hot_threads", () -> api.hotThreads(threads, stacktraceSize, Boolean.FALSE, null), HotThreads.class);
    }

    public Raw hotThreads(Integer threads, Integer stacktraceSize, Boolean ignoreIdleThreads, Boolean human, long maxBytes)
            throws LogstashUnavailable {
        byte[] body = exchange("/_node/hot_threads", () -> api.hotThreads(threads, stacktraceSize, ignoreIdleThreads, human),
                maxBytes, Body::readAllBytes);
        return new Raw(body, Boolean.TRUE.equals(human) ? "text/plain; charset=UTF-8" : "application/json");
    }

    /** Empty when this Logstash has no health report (before 8.16 it answers 404). */
    public Optional<HealthReport> healthReport() throws LogstashUnavailable {
        try {
            return Optional.of(read("/_health_report", api::healthReport, HealthReport.class));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** Parses the body while it arrives: what is held is the parsed value, never the body's bytes. */
    private <T> T read(String path, Supplier<Response> call, Class<T> type) throws LogstashUnavailable {
        return exchange(path, call, MAX_BODY_BYTES, body -> {
            try {
                T value = reader.readValue(body, type);
                if (value == null) {
                    throw new Unusable("is JSON null");
                }
                return value;
            } catch (JsonProcessingException e) {
                // Jackson wraps what the stream threw: the cap and the deadline are not a JSON problem.
                for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                    if (t instanceof Body.TooLarge || t instanceof Body.Late) {
                        throw (IOException) t;
                    }
                }
                throw new Unusable("is not the expected JSON", " (" + oneLine(e.getOriginalMessage()) + "): " + body.snippet());
            }
        });
    }

    private interface BodyReader<T> {
        T read(Body body) throws IOException;
    }

    /** The body arrived whole but cannot be used; the message completes "response from URL ...". */
    private static final class Unusable extends IOException {
        private final String quote;

        Unusable(String message) {
            this(message, "");
        }

        /** {@code quote}: what of Logstash's answer explains it, for the detail only. */
        Unusable(String message, String quote) {
            super(message, null);
            this.quote = quote;
        }
    }

    /**
     * One call within the deadline. {@link Body} checks it at every read, as the client's read returns
     * whatever has arrived; a watchdog interrupts the calling thread at the deadline for the waits no
     * read returns from (headers that never come, a body that stops half way: the client's blocking
     * read has no timeout of its own). Closing the body instead would not wake a blocked read: the
     * client discards the stream and waits on.
     */
    private <T> T exchange(String path, Supplier<Response> call, long maxBytes, BodyReader<T> bodyReader)
            throws LogstashUnavailable {
        String url = target.url(path);
        long deadlineNanos = System.nanoTime() + deadline.toNanos();
        AtomicBoolean done = new AtomicBoolean();
        Thread caller = Thread.currentThread();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            synchronized (done) {
                if (!done.get()) {
                    caller.interrupt();
                }
            }
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
        try (Response response = headers(call, url)) {
            int status = response.getStatus();
            Body body = new Body(response.hasEntity() ? response.readEntity(InputStream.class) : InputStream.nullInputStream(),
                    maxBytes, deadlineNanos);
            if (status == 404 && path.equals("/_health_report")) { // the one endpoint whose absence is an answer
                throw new NotFound("HTTP 404 from " + url);
            }
            if (status < 200 || status > 299) {
                body.readNBytes(Body.HEAD_BYTES);
                String snippet = body.snippet();
                String summary = "HTTP " + status + " from " + url;
                throw new LogstashUnavailable(summary, snippet.isEmpty() ? summary : summary + ": " + Redactor.text(snippet));
            }
            return bodyReader.read(body);
        } catch (Body.TooLarge e) {
            throw new LogstashUnavailable("response from " + url + " is larger than " + mebibytes(maxBytes)
                    + " MiB; refusing to read it");
        } catch (Unusable e) {
            String summary = "response from " + url + " " + e.getMessage();
            throw new LogstashUnavailable(summary, summary + Redactor.text(e.quote));
        } catch (ProcessingException | WebApplicationException | IOException e) {
            if (System.nanoTime() - deadlineNanos >= 0 || e instanceof Body.Late || Thread.currentThread().isInterrupted()) {
                throw new LogstashUnavailable("no complete answer from " + url + " within "
                        + EffectiveSettings.human(deadline) + " (LOGSTASH_CONNECT_TIMEOUT + LOGSTASH_READ_TIMEOUT)");
            }
            throw new LogstashUnavailable(describe(e, url));
        } finally {
            synchronized (done) {
                done.set(true);
            }
            watchdog.cancel(false);
            // A watchdog that fired just as the call ended must not leave the interrupt for the next task.
            Thread.interrupted();
        }
    }

    // Vert.x reports an answer that is not HTTP at all (garbage before the status line) as an unchecked
    // exception of its own: that is Logstash's side failing, not the sidecar's.
    private Response headers(Supplier<Response> call, String url) throws LogstashUnavailable {
        try {
            return call.get();
        } catch (ProcessingException | WebApplicationException e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new ProcessingException(e); // the deadline's watchdog: reported as such by the caller
            }
            throw new LogstashUnavailable("the answer from " + url + " is not HTTP: " + oneLine(e.getMessage()));
        }
    }

    private static String mebibytes(long bytes) {
        double m = bytes / (1024.0 * 1024);
        return m == Math.rint(m) ? String.valueOf((long) m) : String.format(java.util.Locale.ROOT, "%.1f", m);
    }

    /** Thrown only for an endpoint whose absence is an answer (older Logstash versions). */
    private static final class NotFound extends LogstashUnavailable {
        NotFound(String message) {
            super(message);
        }
    }

    private String describe(Throwable e, String url) {
        OutboundFailure f = OutboundFailure.of(e);
        return switch (f.kind()) {
            case CONNECT_TIMEOUT -> "no connection to " + url + " within " + EffectiveSettings.human(connectTimeout)
                    + " (LOGSTASH_CONNECT_TIMEOUT)";
            case REFUSED -> "connection refused by " + url;
            case UNKNOWN_HOST -> "cannot resolve the host of " + url;
            case TLS -> "TLS with " + url + " failed: " + f.detail();
            case TIMEOUT -> "no answer from " + url + " within " + EffectiveSettings.human(readTimeout) + " (LOGSTASH_READ_TIMEOUT)";
            case CLOSED -> "connection closed by " + url + " before a complete answer";
            case OTHER -> "request to " + url + " failed: " + f.detail();
        };
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    }
}
