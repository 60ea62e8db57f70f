package io.statussidecar.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.statussidecar.support.SimulatorResource;

/**
 * The sidecar's own port over https with Quarkus' TLS settings, as the README shows them: a key store
 * made for this run by the JDK's keytool, trusted by the test client and by nothing else.
 */
@QuarkusTest
@TestProfile(TlsSidecarTest.WithTls.class)
@WithTestResource(SimulatorResource.class)
class TlsSidecarTest {

    static final String PASSWORD = "changeit";

    public static class WithTls implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path keyStore = keyStore();
            return Map.of(
                    "quarkus.tls.key-store.p12.path", keyStore.toString(),
                    "quarkus.tls.key-store.p12.password", PASSWORD,
                    "quarkus.http.test-ssl-port", "0",
                    "quarkus.http.insecure-requests", "disabled");
        }
    }

    @TestHTTPResource(value = "/api/health", tls = true)
    URL health;

    @Test
    void answersOverHttpsWithTheConfiguredCertificate() {
        given().trustStore(keyStore().toFile(), PASSWORD).get(health.toString()).then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 503))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        assertEquals("https", health.getProtocol());
    }

    private static Path keyStore;

    static synchronized Path keyStore() {
        if (keyStore != null) {
            return keyStore;
        }
        try {
            Path dir = Files.createTempDirectory("sidecar-tls");
            Path ks = dir.resolve("sidecar.p12");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sidecar", "-keyalg", "RSA", "-keysize", "2048",
                    "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                    "-keystore", ks.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            keyStore = ks;
            return ks;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
