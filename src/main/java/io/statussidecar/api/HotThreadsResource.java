package io.statussidecar.api;

import io.statussidecar.http.Requests;
import io.statussidecar.http.Gates;
import io.statussidecar.http.Gate;
import io.statussidecar.http.ApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.statussidecar.config.ConfigCheck;
import io.statussidecar.diagnosis.ThreadWindow;
import io.statussidecar.logstash.HotThreads;
import io.statussidecar.logstash.LogstashClient;
import io.statussidecar.logstash.LogstashUnavailable;

/**
 * {@code GET /api/hot-threads}: a proxy of Logstash's {@code /_node/hot_threads}, one call at a time
 * (it makes Logstash sample every thread), with only the parameters Logstash documents and in ranges
 * that keep the answer small.
 */
@Path("/api/hot-threads")
public class HotThreadsResource {

    static final Set<String> PARAMETERS = Set.of("threads", "stacktrace_size", "ignore_idle_threads", "human", "window");
    static final Duration MIN_WINDOW = Duration.ofSeconds(1);
    static final Duration MAX_WINDOW = Duration.ofSeconds(60);
    /** A window samples every thread Logstash has, so that the two samples hold the same threads. */
    static final int WINDOW_THREADS = 100;

    private final LogstashClient client;
    private final Gate gate;

    @Inject
    HotThreadsResource(LogstashClient client, Gates gates) {
        this.client = client;
        this.gate = gates.hotThreads();
    }

    @GET
    public Response hotThreads(@Context UriInfo uri) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ApiException.badRequest("invalid_parameter", "hot threads take only threads (1-100), stacktrace_size (1-200), "
                        + "ignore_idle_threads and human (true/false), or window (1s-60s); got \"" + Requests.echo(name) + "\"");
            }
        }
        Optional<String> window = Requests.single(uri, "window");
        if (window.isPresent()) {
            return windowed(uri, window.get());
        }
        Integer threads = Requests.single(uri, "threads").isPresent() ? Requests.intParam(uri, "threads", 0, 1, 100) : null;
        Integer stack = Requests.single(uri, "stacktrace_size").isPresent()
                ? Requests.intParam(uri, "stacktrace_size", 0, 1, 200) : null;
        Boolean idle = Requests.single(uri, "ignore_idle_threads").isPresent()
                ? Requests.boolParam(uri, "ignore_idle_threads", true) : null;
        boolean human = Requests.boolParam(uri, "human", false);
        Gate.Ticket ticket = gate.enter();
        try {
            LogstashClient.Raw raw = client.hotThreads(threads, stack, idle, human ? Boolean.TRUE : null,
                    LogstashClient.MAX_BODY_BYTES);
            return Response.ok(raw.body()).type(raw.contentType()).build();
        } catch (LogstashUnavailable e) {
            throw new ApiException(502, "logstash_unavailable", "Logstash did not give its hot threads: " + e.getMessage());
        } finally {
            gate.leave(ticket);
        }
    }

    /** SPEC §13: each thread's CPU within the window, from two samples {@code window} apart. */
    private Response windowed(UriInfo uri, String raw) {
        Duration window = ConfigCheck.parseDuration(raw).filter(d -> d.compareTo(MIN_WINDOW) >= 0 && d.compareTo(MAX_WINDOW) <= 0)
                .orElseThrow(() -> ApiException.badRequest("invalid_parameter", "window must be a duration from 1s to 60s "
                        + "(e.g. 10s); got \"" + Requests.echo(raw) + "\""));
        for (String name : List.of("human", "ignore_idle_threads")) {
            if (Requests.single(uri, name).isPresent()) {
                throw ApiException.badRequest("invalid_parameter", "window answers JSON over every thread; " + name + " does not apply");
            }
        }
        int threads = Requests.intParam(uri, "threads", 10, 1, 100);
        int stack = Requests.intParam(uri, "stacktrace_size", 10, 1, 200);
        Gate.Ticket ticket = gate.enter();
        try {
            // Logstash's uptime when it took each sample: between its uptime just before and just after.
            long before1 = client.uptimeMillis();
            HotThreads first = client.hotThreadsReport(WINDOW_THREADS, stack);
            double uptime1 = (before1 + client.uptimeMillis()) / 2.0;
            Thread.sleep(window.toMillis());
            long before2 = client.uptimeMillis();
            HotThreads second = client.hotThreadsReport(WINDOW_THREADS, stack);
            double uptime2 = (before2 + client.uptimeMillis()) / 2.0;
            return Response.ok(ThreadWindow.of(samples(first), uptime1, samples(second), uptime2, Math.round(uptime2 - uptime1),
                    threads)).type("application/json").build();
        } catch (LogstashUnavailable e) {
            throw new ApiException(502, "logstash_unavailable", "Logstash did not give its hot threads: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted", "the sidecar is stopping");
        } finally {
            gate.leave(ticket);
        }
    }

    private static List<ThreadWindow.Sample> samples(HotThreads report) {
        if (report.hotThreads() == null || report.hotThreads().threads() == null) {
            return List.of();
        }
        return report.hotThreads().threads().stream()
                .filter(t -> t.threadId() != null && t.percentOfCpuTime() != null)
                .map(t -> new ThreadWindow.Sample(t.threadId(), t.name(), t.state(), t.percentOfCpuTime(),
                        t.traces() == null ? List.of() : t.traces()))
                .toList();
    }
}
