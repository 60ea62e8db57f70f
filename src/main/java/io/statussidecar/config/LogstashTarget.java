package io.statussidecar.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Where the Logstash API is. Credentials written into the URL ({@code http://user:pass@host:9600}) are
 * taken out of it: they become basic auth, and {@link #displayUrl()} is safe to show and to log.
 */
public record LogstashTarget(URI baseUri, Optional<String> urlUsername, Optional<String> urlPassword) {

    public static LogstashTarget of(URI configured) {
        String userInfo = configured.getRawUserInfo();
        if (userInfo == null) {
            return new LogstashTarget(configured, Optional.empty(), Optional.empty());
        }
        try {
            URI clean = new URI(configured.getScheme(), null, configured.getHost(), configured.getPort(),
                    configured.getPath(), null, null);
            String decoded = configured.getUserInfo();
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? new LogstashTarget(clean, Optional.of(decoded), Optional.empty())
                    : new LogstashTarget(clean, Optional.of(decoded.substring(0, colon)),
                            Optional.of(decoded.substring(colon + 1)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("LOGSTASH_API_URL cannot be rebuilt without its credentials", e);
        }
    }

    public String displayUrl() {
        String s = baseUri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    public String url(String path) {
        return displayUrl() + path;
    }

    @Override
    public String toString() {
        return displayUrl();
    }
}
