package io.statussidecar.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.statussidecar.config.SidecarConfig;

/**
 * {@code GET /}: the dashboard (SPEC §8). Qute renders the page's frame; {@code /assets/dashboard.js}
 * fills it from the JSON API and keeps it current, so what the page shows is exactly what
 * {@code /api/health}, {@code /api/stats} and {@code /api/history} answer, rendered in one place.
 */
@Path("/")
public class DashboardResource {

    /** Refreshing faster than the collector polls shows nothing new; slower than a minute looks dead. */
    static final long MIN_REFRESH_MILLIS = 1_000;
    static final long MAX_REFRESH_MILLIS = 60_000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(long refreshMillis, String version);
    }

    private final long refreshMillis;
    /** In the assets' URLs, so a browser never runs an old script against a new sidecar. */
    private final String version;

    @Inject
    DashboardResource(SidecarConfig config, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.version = version;
        this.refreshMillis = refresh(config.pollInterval());
    }

    static long refresh(java.time.Duration pollInterval) {
        return Math.max(MIN_REFRESH_MILLIS, Math.min(MAX_REFRESH_MILLIS, pollInterval.toMillis()));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.page(refreshMillis, version);
    }
}
