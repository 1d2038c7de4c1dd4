package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class TlsTest {
    static SSLContext trusting(String pem) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("sim", CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void httpsWorksWithTheGeneratedCertificateTrustedFromItsPem() throws Exception {
        try (AemSimulator sim = AemSimulator.builder().tls(true).user("admin", "pw")
                .server(SimServer.replicate("R").task(SimTaskSpec.named("T"))).start()) {
            assertThat(sim.baseUrl().getScheme()).isEqualTo("https");
            assertThat(sim.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----\n")
                    .endsWith("-----END CERTIFICATE-----\n");
            RawClient c = new RawClient(sim, trusting(sim.certificatePem())).loggedIn("admin", "pw");
            assertThat(c.details("R", "T").path("state").asText()).isEqualTo("STOPPED");
            // without trusting the PEM, the default trust store refuses the self-signed certificate
            assertThatThrownBy(() -> new RawClient(sim, SSLContext.getDefault()).login("admin", "pw"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }
}
