package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.DeployForms;
import io.jenkins.plugins.aem.impl.TaskForms;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Jenkins credentials that fill an endpoint's secret on a deploy: <i>Username with password</i> (the password
 * fills the secret, the user name the endpoint's user) or <i>Secret text</i>. {@code endpoint} is the endpoint's name
 * as the file has it, or {@code ENDPOINT/FIELD} for one of several secret fields. Only the ID is stored. In a
 * pipeline, {@code endpointCredentials: ['Oracle-Src': 'oracle-prod']} is the short form of
 * {@code endpointCredentials: [[endpoint: 'Oracle-Src', credentialsId: 'oracle-prod']]}.
 */
public final class EndpointCredentials extends AbstractDescribableImpl<EndpointCredentials> {

    private final String endpoint;
    private final String credentialsId;

    @DataBoundConstructor
    public EndpointCredentials(String endpoint, String credentialsId) {
        this.endpoint = endpoint == null ? "" : endpoint.strip();
        this.credentialsId = credentialsId == null ? "" : credentialsId.strip();
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** The credentials IDs by endpoint (or {@code ENDPOINT/FIELD}). */
    public static Map<String, String> byEndpoint(List<EndpointCredentials> credentials) {
        Map<String, String> out = new LinkedHashMap<>();
        credentials.forEach(c -> out.put(c.getEndpoint(), c.getCredentialsId()));
        return out;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<EndpointCredentials> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.EndpointCredentials_DisplayName();
        }

        @POST
        public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkEndpoint(value);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            if (!TaskForms.canConfigure(item)) {
                return TaskForms.currentValueOnly(credentialsId);
            }
            return TaskForms.credentialsItems(item, null, credentialsId);
        }
    }
}
