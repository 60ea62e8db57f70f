package io.statussidecar.logstash;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.statussidecar.config.LogstashConfig;
import io.statussidecar.config.LogstashTarget;

/**
 * Logstash's {@code api.auth.type: basic}: the credentials of LOGSTASH_API_USERNAME/PASSWORD, or else
 * those written into LOGSTASH_API_URL, on every request.
 */
final class BasicAuthHeader implements ClientHeadersFactory {

    private final String value;

    private BasicAuthHeader(String value) {
        this.value = value;
    }

    static Optional<BasicAuthHeader> of(LogstashTarget target, LogstashConfig config) {
        Optional<String> user = config.apiUsername().or(target::urlUsername);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        String password = config.apiUsername().isPresent()
                ? config.apiPassword().orElse("")
                : target.urlPassword().orElse("");
        String token = Base64.getEncoder().encodeToString((user.get() + ":" + password).getBytes(StandardCharsets.UTF_8));
        return Optional.of(new BasicAuthHeader("Basic " + token));
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>(outgoing);
        headers.putSingle(HttpHeaders.AUTHORIZATION, value);
        return headers;
    }
}
