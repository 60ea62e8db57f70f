package io.statussidecar.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.statussidecar.config.SidecarConfig;

/**
 * The one user of SIDECAR_AUTH_USERNAME / SIDECAR_AUTH_PASSWORD, for Quarkus' basic authentication.
 * Both are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the time taken says
 * nothing about how much of a guess was right; neither is ever logged.
 */
@ApplicationScoped
public class SidecarCredentials implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Optional<byte[]> username;
    private final Optional<byte[]> password;

    @Inject
    SidecarCredentials(SidecarConfig config) {
        this.username = config.auth().username().filter(u -> !u.isEmpty()).map(SidecarCredentials::digest);
        this.password = config.auth().password().filter(p -> !p.isEmpty()).map(SidecarCredentials::digest);
    }

    /** Authentication is on when both variables are set (start-up refuses one without the other). */
    public boolean enabled() {
        return username.isPresent() && password.isPresent();
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!enabled()) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        boolean user = MessageDigest.isEqual(username.get(), digest(request.getUsername()));
        boolean pass = MessageDigest.isEqual(password.get(), digest(new String(request.getPassword().getPassword())));
        if (!(user & pass)) { // both compared always: a wrong user takes as long as a wrong password
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(request.getUsername())).addRole("operator").build());
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
