package io.statussidecar.metrics;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * {@code GET /q/metrics}, negotiated as Prometheus expects (SPEC §3, {@link ExpositionFormat}). Quarkus'
 * own handler sits behind routes that {@code produce} {@code text/plain} and the exact OpenMetrics
 * type, so Vert.x answers {@code application/openmetrics-text} without a version 406 with no body, and
 * the handler picks the text format whenever {@code text/plain} appears at all, whatever its q-value.
 * This route comes first and answers every scrape; the registry and its meters are Quarkus' as before.
 * It runs after authentication and authorization (SPEC §12), which Quarkus orders earlier.
 */
@Singleton
public class ScrapeRoute {

    /** Before Quarkus' Prometheus routes (order 1), after its security handlers (negative orders). */
    static final int ORDER = 0;

    private final PrometheusMeterRegistry registry;
    private final String path;

    ScrapeRoute(PrometheusMeterRegistry registry,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String root,
            @ConfigProperty(name = "quarkus.micrometer.export.prometheus.path", defaultValue = "metrics") String metrics) {
        this.registry = registry;
        this.path = metrics.startsWith("/") ? metrics : "/" + trim(root) + "/" + metrics;
    }

    void install(@Observes Router router) {
        router.get(path).order(ORDER).blockingHandler(rc -> {
            ExpositionFormat format = ExpositionFormat.negotiate(rc.request().getHeader(HttpHeaders.ACCEPT));
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, format.contentType())
                    .end(registry.scrape(format.contentType()));
        }, false);
    }

    private static String trim(String root) {
        String r = root.startsWith("/") ? root.substring(1) : root;
        return r.endsWith("/") ? r.substring(0, r.length() - 1) : r;
    }
}
