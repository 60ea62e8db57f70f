package io.statussidecar.health;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.common.annotation.NonBlocking;

/**
 * {@code GET /api/health} for load balancers: 503 only when unhealthy ("replace this instance"),
 * 200 when healthy or degraded. Answered from the store on the I/O thread.
 */
@Path("/api/health")
public class HealthResource {

    private final HealthEvaluator evaluator;

    @Inject
    HealthResource(HealthEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public RestResponse<Verdict> health() {
        Verdict verdict = evaluator.verdict();
        return RestResponse.status(verdict.status() == Status.UNHEALTHY ? RestResponse.Status.SERVICE_UNAVAILABLE
                : RestResponse.Status.OK, verdict);
    }
}
