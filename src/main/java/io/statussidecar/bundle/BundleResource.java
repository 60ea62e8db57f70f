package io.statussidecar.bundle;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import io.statussidecar.api.ApiException;

/**
 * {@code GET /api/support-bundle}: a streamed {@code .tar.gz}, one at a time. A bundle whose client
 * vanished before it was streamed does not block the next ones for longer than {@link #MAX_BUSY}.
 */
@Path("/api/support-bundle")
public class BundleResource {

    private final BundleWriter writer;
    static final Duration MAX_BUSY = Duration.ofMinutes(5);

    private final AtomicLong busySince = new AtomicLong();

    @Inject
    BundleResource(BundleWriter writer) {
        this.writer = writer;
    }

    @GET
    public Response bundle() {
        long now = System.nanoTime();
        long since = busySince.get();
        boolean free = since == 0 || now - since > MAX_BUSY.toNanos();
        if (!free || !busySince.compareAndSet(since, now)) {
            throw new ApiException(429, "busy", "A support bundle is being built; try again when it is done");
        }
        try {
            BundleWriter.Bundle bundle = writer.prepare();
            StreamingOutput body = out -> {
                try {
                    writer.write(bundle, out);
                } finally {
                    busySince.compareAndSet(now, 0);
                }
            };
            return Response.ok(body).type("application/gzip")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + bundle.name() + ".tar.gz\"").build();
        } catch (RuntimeException e) {
            busySince.compareAndSet(now, 0);
            throw e;
        }
    }
}
