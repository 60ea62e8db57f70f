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

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            MultiMap headers = rc.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", "frame-ancestors 'none'");
            String path = rc.normalizedPath();
            if (path.startsWith("/api/") || path.startsWith("/q/")) {
                headers.set("Cache-Control", "no-store");
            }
            rc.next();
        });
    }
}
