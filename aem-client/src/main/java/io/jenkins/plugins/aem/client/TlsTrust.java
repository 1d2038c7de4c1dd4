package io.jenkins.plugins.aem.client;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which TLS certificates to trust. Verification is on unless {@link #insecure()} is chosen for this connection alone;
 * nothing here changes JVM-wide settings.
 *
 * @param mode        how to verify
 * @param caBundlePem with {@link Mode#SYSTEM_AND_CA_BUNDLE}, one or more PEM certificates trusted besides the system's
 */
public record TlsTrust(Mode mode, String caBundlePem) {

    /** How to verify the server's certificate. */
    public enum Mode {
        /** The JVM's default trust store. */
        SYSTEM,
        /** The JVM's default trust store plus the given CA bundle (for AEM's own or a company CA). */
        SYSTEM_AND_CA_BUNDLE,
        /** No verification of the certificate or host name. Only for tests; a warning is printed on every use. */
        INSECURE
    }

    /**
     * @throws AemException ({@link FailureKind#INVALID_INPUT}) when a CA bundle is needed and holds no certificate
     */
    public TlsTrust {
        if (mode == null) {
            mode = Mode.SYSTEM;
        }
        if (mode == Mode.SYSTEM_AND_CA_BUNDLE) {
            parse(caBundlePem);
        } else {
            caBundlePem = null;
        }
    }

    /** Trust what the JVM trusts. The default. */
    public static TlsTrust system() {
        return new TlsTrust(Mode.SYSTEM, null);
    }

    /** Trust what the JVM trusts and the certificates in this PEM text. */
    public static TlsTrust withCaBundle(String pem) {
        return new TlsTrust(Mode.SYSTEM_AND_CA_BUNDLE, pem);
    }

    /** Trust any certificate and host name. */
    public static TlsTrust insecure() {
        return new TlsTrust(Mode.INSECURE, null);
    }

    /** The certificates of the CA bundle; empty unless the mode is {@link Mode#SYSTEM_AND_CA_BUNDLE}. */
    public List<X509Certificate> caCertificates() {
        return mode == Mode.SYSTEM_AND_CA_BUNDLE ? parse(caBundlePem) : List.of();
    }

    private static List<X509Certificate> parse(String pem) {
        String fix = " Give the PEM text of the CA certificate that signed AEM's certificate (-----BEGIN CERTIFICATE----- ...).";
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE-----")) {
            throw AemException.invalidInput("caCertificate", "holds no PEM certificate." + fix);
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = factory
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .stream().map(X509Certificate.class::cast).collect(Collectors.toList());
            if (certs.isEmpty()) {
                throw AemException.invalidInput("caCertificate", "holds no PEM certificate." + fix);
            }
            return certs;
        } catch (CertificateException e) {
            throw AemException.invalidInput("caCertificate", "could not be read as PEM (" + e.getMessage() + ")." + fix);
        }
    }
}
