package io.statussidecar.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import io.statussidecar.simulator.LogstashSimulator;

/**
 * The simulator over HTTPS with a certificate made for this run by the JDK's keytool (for 127.0.0.1),
 * and the sidecar given that certificate as LOGSTASH_API_CA_FILE.
 */
public class TlsSimulatorResource extends SimulatorResource {

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("tls-logstash");
            Path keystore = dir.resolve("logstash.p12");
            Path ca = dir.resolve("ca.pem");
            String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
            run(keytool, "-genkeypair", "-alias", "logstash", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                    "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                    keystore.toString(), "-storepass", "changeit", "-keypass", "changeit");
            run(keytool, "-exportcert", "-rfc", "-alias", "logstash", "-keystore", keystore.toString(), "-storepass", "changeit",
                    "-file", ca.toString());
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, "changeit".toCharArray());
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "changeit".toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            simulator = LogstashSimulator.aviatrix(Fixtures.DIR, "all").tls(context).start(0);
            return Map.of("logstash.api-url", simulator.baseUrl(), "logstash.api-ca-file", ca.toString());
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the HTTPS simulator", e);
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
