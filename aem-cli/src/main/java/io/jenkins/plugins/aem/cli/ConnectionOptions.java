package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.Timeouts;
import io.jenkins.plugins.aem.client.TlsTrust;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that say where AEM is and who logs in; shared by every command that talks to AEM. */
final class ConnectionOptions {

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "AEM's address, e.g. https://aem.example.com (the /attunityenterprisemanager/api/v1 part is added).")
    String url;

    @Option(names = "--username", paramLabel = "NAME",
            description = "AEM user (DOMAIN\\user or user@domain for Windows accounts). Default: $AEM_USERNAME.")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File whose first line is the password. Default: the password from $AEM_PASSWORD. There is no password option, so it never shows in process lists.")
    Path passwordFile;

    @Option(names = "--ca-cert", paramLabel = "FILE", description = "PEM file of the CA certificate(s) to trust besides the system's, e.g. AEM's self-signed certificate.")
    Path caCert;

    @Option(names = "--insecure", description = "Do not verify AEM's TLS certificate (testing only; prints a warning).")
    boolean insecure;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Deadline for the whole command: login, lookups, the command and every poll. Default: 60 "
                    + "(deploy-task and restore-task: 600, of which 40%% is held back to restore the task on failure).")
    Long timeoutSeconds;

    @Option(names = "--json", description = "Print the result as one JSON object on the last line of stdout.")
    boolean json;

    @Option(names = "--verbose", description = "Print more detail about failures (never secrets).")
    boolean verbose;

    Duration timeout() {
        return timeout(Timeouts.DEFAULT);
    }

    /** The timeout given, or {@code otherwise}. */
    Duration timeout(Duration otherwise) {
        return timeoutSeconds == null ? otherwise : Timeouts.ofSeconds(timeoutSeconds);
    }

    /** Checks everything before anything is sent. */
    ConnectionSettings settings(Map<String, String> env) {
        String user = username != null ? username : env.get("AEM_USERNAME");
        if (user == null || user.isBlank()) {
            throw AemException.invalidInput("username", "is missing. Give --username NAME or set AEM_USERNAME.");
        }
        Credentials credentials = Credentials.of(user, password(env));
        if (insecure && caCert != null) {
            throw AemException.invalidInput("--insecure", "and --ca-cert exclude each other. Give --ca-cert to trust "
                    + "AEM's certificate, or --insecure only for testing.");
        }
        TlsTrust tls = insecure ? TlsTrust.insecure() : caCert != null ? TlsTrust.withCaBundle(read(caCert, "--ca-cert")) : TlsTrust.system();
        return ConnectionSettings.builder(url, credentials).tls(tls).build();
    }

    private String password(Map<String, String> env) {
        if (passwordFile != null) {
            String text = read(passwordFile, "--password-file");
            String first = text.lines().findFirst().orElse("");
            if (first.isEmpty()) {
                throw AemException.invalidInput("--password-file", passwordFile + " is empty. Put the password on its first line.");
            }
            return first;
        }
        String pw = env.get("AEM_PASSWORD");
        if (pw == null || pw.isEmpty()) {
            throw AemException.invalidInput("password", "is missing. Set AEM_PASSWORD or give --password-file FILE.");
        }
        return pw;
    }

    static String read(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AemException.invalidInput(option, "cannot read " + file + " (" + e.getClass().getSimpleName()
                    + "). Give a readable file.");
        }
    }
}
