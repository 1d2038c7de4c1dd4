package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TlsTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder().tls(true).tlsHostnames("aem.example.test")
            .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(100)))));

    @AfterEach
    void close() {
        fx.close();
    }

    private AemClient client(String host, TlsTrust trust) {
        String url = "https://" + host + ":" + fx.sim.port();
        return fx.pool.client(ConnectionSettings.builder(url, Credentials.of(SimFixture.USER, SimFixture.PASSWORD)).tls(trust).build());
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefaultWithTheFix() {
        AemException e = catchThrowableOfType(AemException.class,
                () -> SimFixture.join(client("127.0.0.1", TlsTrust.system()).servers(Duration.ofSeconds(5))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).contains("not trusted").contains("--ca-cert");
        assertThat(fx.sim.journal().entries()).isEmpty();
    }

    @Test
    void theCaBundleIsTrusted() {
        List<ServerInfo> servers = SimFixture.join(client("127.0.0.1", TlsTrust.withCaBundle(fx.sim.certificatePem()))
                .servers(Duration.ofSeconds(5)));
        assertThat(servers).extracting(ServerInfo::name).containsExactly("Rep");
    }

    @Test
    void insecureModeAcceptsAndWarnsOnEveryOperation() {
        AemClient client = client("127.0.0.1", TlsTrust.insecure());
        SimFixture.join(client.run(RunRequest.of(new TaskRef("Rep", "Orders")), fx.listener()));
        SimFixture.join(client.stop(StopRequest.of(new TaskRef("Rep", "Orders")), fx.listener()));
        assertThat(fx.events.stream().filter(e -> e.kind() == ProgressEvent.Kind.WARNING && e.message().contains("TLS verification is OFF")))
                .hasSize(2);
    }

    @Test
    void aHostNameMismatchIsRefusedUnlessInsecure() {
        // The certificate names aem.example.test and 127.0.0.1; localhost is the same server under another name.
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(
                client("localhost", TlsTrust.withCaBundle(fx.sim.certificatePem())).servers(Duration.ofSeconds(5))));
        assertThat(e.kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(e.getMessage()).containsAnyOf("does not name the host", "not trusted");
        assertThat(SimFixture.join(client("localhost", TlsTrust.insecure()).servers(Duration.ofSeconds(5)))).hasSize(1);
    }

    @Test
    void aHostNameMismatchIsSaidAsSuch() {
        AemException e = catchThrowableOfType(AemException.class, () -> SimFixture.join(
                client("localhost", TlsTrust.withCaBundle(fx.sim.certificatePem())).servers(Duration.ofSeconds(5))));
        assertThat(e.getMessage()).contains("does not name the host");
        assertThat(fx.sim.journal().entries()).isEmpty();
    }

    @Test
    void insecureModeStaysWithItsConnection() throws Exception {
        javax.net.ssl.SSLSocketFactory before = javax.net.ssl.HttpsURLConnection.getDefaultSSLSocketFactory();
        javax.net.ssl.SSLContext defaultContext = javax.net.ssl.SSLContext.getDefault();
        assertThat(SimFixture.join(client("127.0.0.1", TlsTrust.insecure()).servers(Duration.ofSeconds(5)))).hasSize(1);
        // The same pool, the same AEM, the default trust: still refused.
        AemException e = catchThrowableOfType(AemException.class,
                () -> SimFixture.join(client("127.0.0.1", TlsTrust.system()).servers(Duration.ofSeconds(5))));
        assertThat(e.getMessage()).contains("not trusted");
        assertThat(javax.net.ssl.HttpsURLConnection.getDefaultSSLSocketFactory()).isSameAs(before);
        assertThat(javax.net.ssl.SSLContext.getDefault()).isSameAs(defaultContext);
        assertThat(javax.net.ssl.HttpsURLConnection.getDefaultHostnameVerifier().verify("localhost",
                null)).isFalse();
    }
}
