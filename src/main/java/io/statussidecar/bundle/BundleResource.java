package io.statussidecar.bundle;


import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.statussidecar.http.Gate;
import io.statussidecar.http.Gates;

/** {@code GET /api/support-bundle}: a streamed {@code .tar.gz}, one at a time. */
@Path("/api/support-bundle")
public class BundleResource {

    private final BundleWriter writer;
    private final Gate gate;

    @Inject
    BundleResource(BundleWriter writer, Gates gates) {
        this.writer = writer;
        this.gate = gates.bundle();
    }

    @GET
    public Response bundle() {
        Gate.Ticket ticket = gate.enter();
        try {
            BundleWriter.Bundle bundle = writer.prepare();
            StreamingOutput body = out -> {
                try {
                    writer.write(bundle, out);
                } finally {
                    gate.leave(ticket);
                }
            };
            return Response.ok(body).type("application/gzip")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + bundle.name() + ".tar.gz\"").build();
        } catch (RuntimeException e) {
            gate.leave(ticket);
            throw e;
        }
    }
}
