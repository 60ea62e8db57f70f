package io.statussidecar.logstash;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
}
