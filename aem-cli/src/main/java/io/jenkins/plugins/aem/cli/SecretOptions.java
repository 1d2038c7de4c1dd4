package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/** The endpoints' secrets, each read from a file, with the user name that goes with it. */
final class SecretOptions {

    @Option(names = "--secret", paramLabel = "ENDPOINT=FILE", description = "The secret of an endpoint (its password, or "
            + "its only secret), or ENDPOINT/FIELD=FILE for one field, read from the first line of FILE. Repeatable. "
            + "Secrets are only read from files, never given on the command line.")
    Map<String, Path> secrets = new LinkedHashMap<>();

    @Option(names = "--endpoint-user", paramLabel = "ENDPOINT=NAME", description = "The user name that goes with the "
            + "endpoint's --secret (set in the endpoint's username field). Repeatable.")
    Map<String, String> users = new LinkedHashMap<>();

    /** The secrets, read from their files. */
    Map<String, EndpointSecret> read() {
        Map<String, EndpointSecret> filled = new TreeMap<>();
        secrets.forEach((key, file) -> {
            String secret = LocalFiles.secret(file, "--secret", key);
            String user = users.get(key);
            filled.put(key, user == null ? EndpointSecret.secretText(secret) : EndpointSecret.usernamePassword(user, secret));
        });
        users.keySet().stream().filter(k -> !secrets.containsKey(k)).findFirst().ifPresent(k -> {
            throw AemException.invalidInput("--endpoint-user " + k, "has no --secret " + k + "=FILE to go with. Give the "
                    + "endpoint's secret too.");
        });
        return filled;
    }
}
