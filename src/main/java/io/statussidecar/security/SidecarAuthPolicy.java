package io.statussidecar.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP permission of every path but the health ones (application.properties): with SIDECAR_AUTH_*
 * set, an authenticated user; without, anyone. A denied anonymous request gets Quarkus' basic
 * challenge, 401 with {@code WWW-Authenticate}.
 */
@ApplicationScoped
public class SidecarAuthPolicy implements HttpSecurityPolicy {

    static final String NAME = "sidecar-auth";

    private final SidecarCredentials credentials;

    @Inject
    SidecarAuthPolicy(SidecarCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
            AuthorizationRequestContext context) {
        if (!credentials.enabled()) {
            return CheckResult.permit();
        }
        return identity.map(id -> id.isAnonymous() ? CheckResult.DENY : CheckResult.PERMIT);
    }

    @Override
    public String name() {
        return NAME;
    }
}
