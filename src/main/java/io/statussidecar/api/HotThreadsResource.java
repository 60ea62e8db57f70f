package io.statussidecar.api;

import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.statussidecar.logstash.LogstashClient;
import io.statussidecar.logstash.LogstashUnavailable;

/**
 * {@code GET /api/hot-threads}: a proxy of Logstash's {@code /_node/hot_threads}, one call at a time
 * (it makes Logstash sample every thread), with only the parameters Logstash documents and in ranges
 * that keep the answer small.
 */
@Path("/api/hot-threads")
public class HotThreadsResource {

    static final Set<String> PARAMETERS = Set.of("threads", "stacktrace_size", "ignore_idle_threads", "human");

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
                        + "ignore_idle_threads and human (true/false); got \"" + Requests.echo(name) + "\"");
            }
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
}
