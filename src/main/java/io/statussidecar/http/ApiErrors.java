package io.statussidecar.http;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Maps every failure to the JSON error shape. Unexpected exceptions are logged with their stack and
 * answered with a generic 500: a stack trace never reaches the client.
 */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        Response.ResponseBuilder r = builder(e.status(), e.code(), e.getMessage());
        if (e.retryAfterSeconds() != null) {
            r.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return json(404, "not_found", "No such endpoint; see the README for the list of endpoints");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        return json(405, "method_not_allowed", "This endpoint does not support that HTTP method");
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return json(status, "internal_error", "The sidecar failed to answer; its log has the details");
        }
        return json(status, "bad_request", "The request could not be handled (HTTP " + status + ")");
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("Request failed", e);
        return json(500, "internal_error", "The sidecar failed to answer; its log has the details");
    }

    static Response json(int status, String code, String message) {
        return builder(status, code, message).build();
    }

    private static Response.ResponseBuilder builder(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ApiError(code, message));
    }
}
