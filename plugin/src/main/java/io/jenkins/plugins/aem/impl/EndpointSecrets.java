package io.jenkins.plugins.aem.impl;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Run;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.definition.EndpointSecret;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns the credentials mapped to a deploy's endpoints into the client's {@link EndpointSecret}s, looked up as the
 * build sees them and tracked. The secrets go straight into memory for the request; nothing here prints or stores them.
 */
final class EndpointSecrets {

    private EndpointSecrets() {
    }

    /**
     * @param credentialsIds credentials IDs by endpoint name (or {@code ENDPOINT/FIELD})
     * @throws AemException ({@code INVALID_INPUT}) naming the endpoint whose credentials are missing or of another kind
     */
    static Map<String, EndpointSecret> resolve(Map<String, String> credentialsIds, Run<?, ?> run) {
        Map<String, EndpointSecret> secrets = new TreeMap<>();
        credentialsIds.forEach((endpoint, id) -> {
            String field = "endpointCredentials '" + endpoint + "'";
            if (endpoint.isBlank()) {
                throw AemException.invalidInput("endpointCredentials", "hold an entry without an endpoint name. Give the "
                        + "endpoint's name as the definition file has it.");
            }
            if (id == null || id.isBlank()) {
                throw AemException.invalidInput(field, "has no credentials ID. Choose the credentials that hold the "
                        + "endpoint's password (Username with password, or Secret text).");
            }
            StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run);
            if (c instanceof StandardUsernamePasswordCredentials up) {
                secrets.put(endpoint, EndpointSecret.usernamePassword(up.getUsername(), up.getPassword().getPlainText()));
            } else if (c instanceof StringCredentials text) {
                secrets.put(endpoint, EndpointSecret.secretText(text.getSecret().getPlainText()));
            } else {
                throw AemException.invalidInput(field, "'" + id + "' is " + (c == null ? "not a credential this build "
                        + "can use (check the ID, and that it is in a folder of this job or global)" : "neither Username "
                        + "with password nor Secret text") + ". Give the credentials that hold the endpoint's password.");
            }
            CredentialsProvider.track(run, c);
        });
        return secrets;
    }
}
