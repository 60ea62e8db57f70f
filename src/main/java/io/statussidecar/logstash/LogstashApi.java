package io.statussidecar.logstash;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Logstash monitoring API. Methods return the raw {@link Response} so that {@link LogstashClient}
 * can cap the body size and turn every failure into one readable error; the Quarkus REST client
 * streams a {@code Response} entity instead of buffering it whole.
 */
@RegisterRestClient(configKey = "logstash")
public interface LogstashApi {

    @GET
    @Path("/_node/stats")
    Response nodeStats();

    @GET
    @Path("/_node")
    Response node();

    @GET
    @Path("/_health_report")
    Response healthReport();

    @GET
    @Path("/_node/pipelines")
    Response nodePipelines();

    @GET
    @Path("/_node/plugins")
    Response nodePlugins();

    /** Null parameters are left out of the query, so Logstash applies its own defaults. */
    @GET
    @Path("/_node/hot_threads")
    Response hotThreads(@QueryParam("threads") Integer threads, @QueryParam("stacktrace_size") Integer stacktraceSize,
            @QueryParam("ignore_idle_threads") Boolean ignoreIdleThreads, @QueryParam("human") Boolean human);
}
