package io.statussidecar.logstash;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.statussidecar.config.LogstashTarget;
import io.statussidecar.config.LogstashConfig;
import io.statussidecar.simulator.LogstashSimulator;
import io.statussidecar.support.Polls;
import io.statussidecar.support.TlsSimulatorResource;

/** An https Logstash API whose certificate the sidecar trusts only through LOGSTASH_API_CA_FILE. */
@QuarkusTest
@WithTestResource(TlsSimulatorResource.class)
class TlsLogstashTest {

    LogstashSimulator simulator;

    @Inject
    Polls polls;

    @Test
    void pollsOverHttpsTrustingTheGivenCa() {
        polls.freshStart();

        assertNull(polls.poll().error());
        given().get("/api/stats").then().statusCode(200)
                .body("node.version", equalTo("8.15.2"))
                .body("config.logstashApiUrl", startsWith("https://127.0.0.1:"))
                .body("config.logstashApiCaFile", endsWith("ca.pem"));
    }

    @Test
    void withoutTheCaTheCertificateIsRefusedReadably() {
        LogstashClient untrusting = new LogstashClient(LogstashTarget.of(URI.create(simulator.baseUrl())), new NoCa(),
                new ObjectMapper(), Optional.empty());

        LogstashUnavailable e = assertThrows(LogstashUnavailable.class, untrusting::nodeStats);
        assertTrue(e.getMessage().startsWith("TLS with " + simulator.baseUrl() + "/_node/stats failed"), e.getMessage());
    }

    /**
     * In a pod as ECK runs Logstash (API over https by default, its certificate issued for the Service,
     * not for localhost), the sidecar reads https://localhost:9600 trusting ECK's CA without checking the
     * host name, as ECK's own Metricbeat sidecar does: quarkus.tls.logstash.trust-store.pem.certs and
     * hostname-verification-algorithm=NONE, which reach the client as this TLS configuration.
     */
    @Test
    void byLocalhostTheCaIsTrustedOnlyWithoutHostNameVerification() {
        Path ca = Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("logstash.api-ca-file", String.class));
        URI localhost = URI.create(simulator.baseUrl().replace("127.0.0.1", "localhost"));

        LogstashClient strict = new LogstashClient(LogstashTarget.of(localhost), new NoCa(), new ObjectMapper(),
                Optional.of(new PemTrust(ca)));
        LogstashUnavailable e = assertThrows(LogstashUnavailable.class, strict::nodeStats);
        assertTrue(e.getMessage().startsWith("TLS with " + localhost + "/_node/stats failed"), e.getMessage());

        io.quarkus.tls.TlsConfiguration eck = new io.quarkus.tls.BaseTlsConfiguration() {
            @Override
            public io.vertx.core.net.TrustOptions getTrustStoreOptions() {
                return new PemTrust(ca).getTrustStoreOptions();
            }

            @Override
            public Optional<String> getHostnameVerificationAlgorithm() {
                return Optional.of("NONE");
            }
        };
        LogstashClient trusting = new LogstashClient(LogstashTarget.of(localhost), new NoCa(), new ObjectMapper(), Optional.of(eck));
        assertDoesNotThrow(trusting::nodeStats);
    }

    /** The defaults, with no CA file: the JVM's own trust store, which does not know the test certificate. */
    static final class NoCa implements LogstashConfig {
        public URI apiUrl() {
            return URI.create("http://localhost:9600");
        }

        public Path logPath() {
            return Path.of("/nonexistent");
        }

        public Duration connectTimeout() {
            return Duration.ofSeconds(1);
        }

        public Duration readTimeout() {
            return Duration.ofSeconds(1);
        }

        public Optional<String> apiUsername() {
            return Optional.empty();
        }

        public Optional<String> apiPassword() {
            return Optional.empty();
        }

        public Optional<Path> apiCaFile() {
            return Optional.empty();
        }
    }
}
