package io.statussidecar.security;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * SPEC §12's headers on every response the sidecar sends, its errors, 401s and 404s included. They
 * are put on the response as the request arrives, by a route before all others (a headers-end hook
 * would be replaced by the REST layer's own). The API's answers, JSON and the log and bundle
 * downloads alike, are never stored by a cache.
 */
@Singleton
public class SecurityHeaders {

    /**
     * The dashboard's policy, on every response: scripts, styles and data only from the sidecar
     * itself, no inline script or style element, no plugin, no form posting elsewhere, no framing.
     * A value from Logstash that slipped into markup could still not run, nor call another host.
     */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    /** Quarkus' Dev UI (development mode only) is built with inline scripts. */
    static final String DEV_UI = "/q/dev-ui";
    static final String FRAMES_ONLY = "frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            String path = rc.normalizedPath();
            headers.set("Content-Security-Policy", path.startsWith(DEV_UI) ? FRAMES_ONLY : POLICY);
            if (path.startsWith("/api/") || path.startsWith("/q/")) {
                headers.set("Cache-Control", "no-store");
            }
            rc.next();
        });
    }
}
