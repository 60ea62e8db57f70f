package io.statussidecar.logstash;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.netty.channel.ConnectTimeoutException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.statussidecar.config.EffectiveSettings;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.config.LogstashTarget;
import io.vertx.core.http.HttpClosedException;

/**
 * Calls the Logstash API and returns parsed responses or one {@link LogstashUnavailable} with an
 * operator-readable reason. Bodies are read through a cap, so a hostile or broken Logstash cannot make
 * the sidecar buffer without bound.
 */
@ApplicationScoped
public class LogstashClient {

    /** Far above a real /_node/stats (tens of KB, ~1 MB with many pipelines and vertices). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int SNIPPET_CHARS = 200;

    private final LogstashApi api;
    private final LogstashTarget target;
    private final ObjectReader reader;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * A TLS configuration of this name in Quarkus' TLS registry ({@code quarkus.tls.logstash.*}: client
     * certificates, say) wins; otherwise LOGSTASH_API_CA_FILE is the trust store, and without it the
     * JVM's default trust applies.
     */
    static final String TLS_CONFIGURATION = "logstash";

    @Inject
    LogstashClient(LogstashTarget target, LogstashConfig config, ObjectMapper mapper, TlsConfigurationRegistry tls) {
        this(target, config, mapper, tls.get(TLS_CONFIGURATION).or(() -> config.apiCaFile().map(PemTrust::new)));
    }

    /** The base URI is the target's, not a static property: development mode points it at a simulator. */
    public LogstashClient(LogstashTarget target, LogstashConfig config, ObjectMapper mapper, Optional<TlsConfiguration> tls) {
        this.target = target;
        this.connectTimeout = config.connectTimeout();
        this.readTimeout = config.readTimeout();
        this.reader = LogstashJson.reader(mapper);
        QuarkusRestClientBuilder builder = QuarkusRestClientBuilder.newBuilder()
                .baseUri(target.baseUri())
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Non-2xx answers are read and described here, not thrown by the client.
                .property("microprofile.rest.client.disable.default.mapper", true);
        BasicAuthHeader.of(target, config).ifPresent(builder::clientHeadersFactory);
        tls.ifPresent(builder::tlsConfiguration);
        this.api = builder.build(LogstashApi.class);
    }

    public LogstashTarget target() {
        return target;
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

    /** The endpoints the support bundle copies, by the path Logstash serves them at. */
    public Raw raw(String path) throws LogstashUnavailable {
        Supplier<Response> call = switch (path) {
            case "/_node" -> api::node;
            case "/_node/stats" -> api::nodeStats;
            case "/_node/pipelines" -> api::nodePipelines;
            case "/_node/plugins" -> api::nodePlugins;
            case "/_health_report" -> api::healthReport;
            default -> throw new IllegalArgumentException("not a copied endpoint: " + path);
        };
        return new Raw(fetch(path, call), "application/json");
    }

    /** Like {@link #raw}, but empty where Logstash answers 404 (an endpoint its version does not have). */
    public Optional<Raw> rawIfPresent(String path) throws LogstashUnavailable {
        try {
            return Optional.of(raw(path));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    public Raw hotThreads(Integer threads, Integer stacktraceSize, Boolean ignoreIdleThreads, Boolean human)
            throws LogstashUnavailable {
        byte[] body = fetch("/_node/hot_threads", () -> api.hotThreads(threads, stacktraceSize, ignoreIdleThreads, human));
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

    private <T> T read(String path, Supplier<Response> call, Class<T> type) throws LogstashUnavailable {
        byte[] body = fetch(path, call);
        try {
            T value = reader.readValue(body, type);
            if (value == null) {
                throw new LogstashUnavailable("response from " + target.url(path) + " is JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new LogstashUnavailable("response from " + target.url(path) + " is not the expected JSON ("
                    + oneLine(e.getOriginalMessage()) + "): " + snippet(body));
        } catch (IOException e) {
            throw new LogstashUnavailable("response from " + target.url(path) + " could not be read: " + e.getMessage());
        }
    }

    private byte[] fetch(String path, Supplier<Response> call) throws LogstashUnavailable {
        try {
            return fetchOnce(path, call);
        } catch (StaleConnection e) {
            // A pooled keep-alive connection that Logstash closed (it restarted, or idled it out) fails
            // before any answer; a GET is safe to send once more on a fresh connection.
            try {
                return fetchOnce(path, call);
            } catch (StaleConnection again) {
                throw new LogstashUnavailable(describe(again.getCause(), target.url(path)));
            }
        }
    }

    private byte[] fetchOnce(String path, Supplier<Response> call) throws LogstashUnavailable, StaleConnection {
        String url = target.url(path);
        try (Response response = call.get()) {
            byte[] body = response.hasEntity() ? readCapped(response.readEntity(InputStream.class), url) : new byte[0];
            int status = response.getStatus();
            if (status == 404 && path.equals("/_health_report")) { // the one endpoint whose absence is an answer
                throw new NotFound("HTTP 404 from " + url);
            }
            if (status < 200 || status > 299) {
                throw new LogstashUnavailable("HTTP " + status + " from " + url
                        + (body.length == 0 ? "" : ": " + snippet(body)));
            }
            return body;
        } catch (ProcessingException | WebApplicationException | IOException e) {
            if (closedConnection(e)) {
                throw new StaleConnection(e);
            }
            throw new LogstashUnavailable(describe(e, url));
        }
    }

    private static boolean closedConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    /** Thrown only for an endpoint whose absence is an answer (older Logstash versions). */
    private static final class NotFound extends LogstashUnavailable {
        NotFound(String message) {
            super(message);
        }
    }

    private static final class StaleConnection extends Exception {
        StaleConnection(Throwable cause) {
            super(cause);
        }
    }

    private static byte[] readCapped(InputStream in, String url) throws IOException, LogstashUnavailable {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) != -1) {
                if (out.size() + n > MAX_BODY_BYTES) {
                    throw new LogstashUnavailable("response from " + url + " is larger than "
                            + (MAX_BODY_BYTES / (1024 * 1024)) + " MiB; refusing to read it");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private String describe(Throwable e, String url) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // Netty's connect timeout is a ConnectException too: it must be told apart first.
            if (t instanceof ConnectTimeoutException) {
                return "no connection to " + url + " within " + EffectiveSettings.human(connectTimeout) + " (LOGSTASH_CONNECT_TIMEOUT)";
            }
            if (t instanceof ConnectException) {
                return "connection refused by " + url;
            }
            if (t instanceof UnknownHostException) {
                return "cannot resolve the host of " + url;
            }
            if (t instanceof SSLException) {
                return "TLS with " + url + " failed: " + oneLine(t.getMessage());
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return "no answer from " + url + " within " + EffectiveSettings.human(readTimeout) + " (LOGSTASH_READ_TIMEOUT)";
            }
        }
        if (closedConnection(e)) {
            return "connection closed by " + url + " before a complete answer";
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "request to " + url + " failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + oneLine(root.getMessage()));
    }

    static String snippet(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, SNIPPET_CHARS * 4), StandardCharsets.UTF_8);
        text = oneLine(text);
        return text.length() > SNIPPET_CHARS ? text.substring(0, SNIPPET_CHARS) + "..." : text;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
    }
}
