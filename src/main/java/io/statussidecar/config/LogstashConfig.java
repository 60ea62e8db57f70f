package io.statussidecar.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How to reach the Logstash this sidecar watches. Quarkus maps each environment variable of SPEC §2
 * onto these names (LOGSTASH_API_URL is logstash.api-url); {@link ConfigCheck} has already rejected
 * bad environment values before Quarkus reads them.
 */
@ConfigMapping(prefix = "logstash")
public interface LogstashConfig {

    /** LOGSTASH_API_URL */
    @WithDefault("http://localhost:9600")
    URI apiUrl();

    /** LOGSTASH_LOG_PATH */
    @WithDefault("/var/log/logstash/logstash-plain.log")
    Path logPath();

    /** LOGSTASH_CONNECT_TIMEOUT */
    @WithDefault("2s")
    Duration connectTimeout();

    /** LOGSTASH_READ_TIMEOUT */
    @WithDefault("5s")
    Duration readTimeout();

    /** LOGSTASH_API_USERNAME */
    Optional<String> apiUsername();

    /** LOGSTASH_API_PASSWORD */
    Optional<String> apiPassword();

    /** LOGSTASH_API_CA_FILE */
    Optional<Path> apiCaFile();
}
