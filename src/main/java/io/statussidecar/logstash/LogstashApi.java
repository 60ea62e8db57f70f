package io.statussidecar.logstash;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The Logstash monitoring API, built by {@link LogstashClient} with the REST client's builder (its base
 * URI is a bean, not a static property). Methods return the raw {@link Response} so that the client
 * can cap the body size and turn every failure into one readable error.
 */
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
    @Path("/_node/pipelines")
    Response nodePipelinesGraph(@QueryParam("graph") boolean graph);

    /** Only the JVM section of the node stats: small whatever the pipelines. */
    @GET
    @Path("/_node/stats/jvm")
    Response nodeStatsJvm();

    @GET
    @Path("/_node/plugins")
    Response nodePlugins();

    /** Null parameters are left out of the query, so Logstash applies its own defaults. */
    @GET
    @Path("/_node/hot_threads")
    Response hotThreads(@QueryParam("threads") Integer threads, @QueryParam("stacktrace_size") Integer stacktraceSize,
            @QueryParam("ignore_idle_threads") Boolean ignoreIdleThreads, @QueryParam("human") Boolean human);
}
