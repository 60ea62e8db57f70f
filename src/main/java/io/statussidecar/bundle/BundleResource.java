package io.statussidecar.bundle;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.statussidecar.api.SingleFlight;

/** {@code GET /api/support-bundle}: a streamed {@code .tar.gz}, one at a time. */
@Path("/api/support-bundle")
public class BundleResource {

    static final Duration MAX_BUSY = Duration.ofMinutes(5);

    private final BundleWriter writer;
    private final SingleFlight single = new SingleFlight(MAX_BUSY, "A support bundle is being built; try again when it is done");

    @Inject
    BundleResource(BundleWriter writer) {
        this.writer = writer;
    }

    @GET
    public Response bundle() {
        long ticket = single.enter();
        try {
            BundleWriter.Bundle bundle = writer.prepare();
            StreamingOutput body = out -> {
                try {
                    writer.write(bundle, out);
                } finally {
                    single.leave(ticket);
                }
            };
            return Response.ok(body).type("application/gzip")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + bundle.name() + ".tar.gz\"").build();
        } catch (RuntimeException e) {
            single.leave(ticket);
            throw e;
        }
    }
}
