package io.jenkins.plugins.aem.simulator.tls;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates a self-signed certificate by running the JDK's own {@code keytool}, so no library is needed: the JDK
 * has no public API for creating certificates.
 */
public final class SelfSignedCertificates {
    private SelfSignedCertificates() {
    }

    /**
     * Creates a temporary PKCS12 keystore with a fresh EC key and a certificate for these host names and IP
     * addresses (subject alternative names); the first name is also the CN.
     */
    public static ServerCertificate generate(List<String> hostnames) throws IOException {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(hostnames));
        if (names.isEmpty()) {
            names = List.of("localhost", "127.0.0.1");
        }
        Path dir = Files.createTempDirectory("aem-simulator-tls");
        Path store = dir.resolve("simulator.p12");
        byte[] secret = new byte[18];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> cmd = List.of(keytool.toString(), "-genkeypair", "-alias", "aem-simulator",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "825",
                "-dname", "CN=" + names.get(0) + ", O=AEM simulator", "-ext", "SAN=" + san(names),
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass:env", "AEM_SIM_STOREPASS");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("AEM_SIM_STOREPASS", password); // kept off the command line, where ps would show it
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool could not create the certificate: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating the certificate", e);
        }
        return ServerCertificate.load(store, password.toCharArray(), true);
    }

    private static String san(List<String> names) {
        List<String> parts = new ArrayList<>();
        for (String n : names) {
            parts.add((isIpLiteral(n) ? "ip:" : "dns:") + n);
        }
        return String.join(",", parts);
    }

    private static boolean isIpLiteral(String name) {
        if (!name.matches("[0-9.]+") && !name.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(name).getHostAddress() != null; // a literal never triggers a lookup
        } catch (IOException e) {
            return false;
        }
    }
}
