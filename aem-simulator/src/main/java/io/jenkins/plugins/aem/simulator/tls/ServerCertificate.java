package io.jenkins.plugins.aem.simulator.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Collections;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The simulator's TLS identity: a PKCS12 keystore (generated or given) and the SSL context built from it.
 *
 * @param keystore    the keystore file
 * @param certificate the server certificate
 * @param context     a server SSL context using the keystore's key
 * @param temporary   whether the keystore was generated and must be deleted on close
 */
public record ServerCertificate(Path keystore, Certificate certificate, SSLContext context, boolean temporary) {

    /** Loads a PKCS12 (or JKS) keystore holding one private key entry. */
    public static ServerCertificate load(Path keystore, char[] password, boolean temporary) throws IOException {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try {
                ks.load(in, password);
            } catch (IOException e) {
                try (InputStream again = Files.newInputStream(keystore)) {
                    ks = KeyStore.getInstance("JKS");
                    ks.load(again, password);
                }
            }
            Certificate cert = null;
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    cert = ks.getCertificate(alias);
                    break;
                }
            }
            if (cert == null) {
                throw new IOException("keystore " + keystore + " holds no private key entry");
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return new ServerCertificate(keystore, cert, ctx, temporary);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /** The certificate in PEM form, for a client's CA bundle. */
    public String pem() {
        try {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(certificate.getEncoded());
            return "-----BEGIN CERTIFICATE-----\n" + b64 + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deletes a generated keystore; a given one is left alone. */
    public void dispose() {
        if (temporary) {
            try {
                Files.deleteIfExists(keystore);
                Files.deleteIfExists(keystore.getParent());
            } catch (IOException e) {
                // a leftover file in the temp directory is harmless
            }
        }
    }
}
