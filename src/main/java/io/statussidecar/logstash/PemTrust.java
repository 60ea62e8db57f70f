package io.statussidecar.logstash;

import java.nio.file.Path;

import io.quarkus.tls.BaseTlsConfiguration;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;

/** LOGSTASH_API_CA_FILE as a TLS configuration: trust the certificates of that PEM file, and only those. */
final class PemTrust extends BaseTlsConfiguration {

    private final Path caFile;

    PemTrust(Path caFile) {
        this.caFile = caFile;
    }

    @Override
    public TrustOptions getTrustStoreOptions() {
        return new PemTrustOptions().addCertPath(caFile.toString());
    }
}
