package io.jenkins.plugins.aem.impl;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.domains.URIRequirementBuilder;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.Credentials;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The one place that turns a Jenkins credential into an AEM login: "Username with password" is sent as it is, "Secret
 * text" as a personal access token (user {@value Credentials#TOKEN_USER}). The secret goes straight into the client's
 * {@link Credentials}, which never prints it.
 */
public final class AemCredentials {

    /** The kinds of credentials AEM can log in with. */
    public static final CredentialsMatcher USABLE = CredentialsMatchers.anyOf(
            CredentialsMatchers.instanceOf(StandardUsernamePasswordCredentials.class),
            CredentialsMatchers.instanceOf(StringCredentials.class));

    private AemCredentials() {
    }

    /** Domain requirements for AEM at this URL, so that credentials restricted to other hosts are left out. */
    public static List<DomainRequirement> requirements(@CheckForNull String url) {
        return url == null || url.isBlank() ? List.of() : URIRequirementBuilder.fromUri(url.strip()).build();
    }

    /**
     * The login a build uses: the credential is looked up as the build sees it (its folders, then global, or a
     * credentials parameter) and tracked, so "Credentials → Usage" lists the build.
     *
     * @throws AemException ({@code INVALID_INPUT}) when the ID is missing, unknown to this build, or of another kind
     */
    public static Credentials forBuild(@CheckForNull String credentialsId, Run<?, ?> run, String url) {
        String id = require(credentialsId);
        StandardCredentials c = CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, requirements(url));
        if (c == null) {
            throw AemException.invalidInput("credentialsId", "'" + id + "' is not a credential this build can use. "
                    + "Check the ID, and that the credential is in a folder of this job or global (System-scoped "
                    + "credentials are not given to builds), and that its domain matches " + url + ".");
        }
        CredentialsProvider.track(run, c);
        return toLogin(c);
    }

    /**
     * The credential "Test connection" logs in with: any of this controller's that an administrator may use.
     *
     * @throws AemException ({@code INVALID_INPUT}) when the ID is missing or unknown
     */
    public static StandardCredentials forAdministrator(@CheckForNull String credentialsId, String url) {
        String id = require(credentialsId);
        StandardCredentials c = CredentialsMatchers.firstOrNull(CredentialsProvider.lookupCredentialsInItemGroup(
                StandardCredentials.class, Jenkins.get(), ACL.SYSTEM2, requirements(url)), CredentialsMatchers.withId(id));
        if (c == null) {
            throw AemException.invalidInput("credentialsId", "'" + id + "' is not a credential of this controller for "
                    + url + ". Choose one from the list or add it under Manage Jenkins → Credentials.");
        }
        return c;
    }

    /** Whether builds cannot see this credential because it is System-scoped; "Test connection" warns about it. */
    public static boolean isSystemScoped(StandardCredentials credential) {
        return credential.getScope() == CredentialsScope.SYSTEM;
    }

    private static String require(@CheckForNull String credentialsId) {
        if (credentialsId == null || credentialsId.isBlank()) {
            throw AemException.invalidInput("credentialsId", "is empty. Choose the AEM login (Username with password, "
                    + "or Secret text holding a personal access token).");
        }
        return credentialsId.strip();
    }

    /**
     * The AEM login this credential stands for.
     *
     * @throws AemException ({@code INVALID_INPUT}) for a kind AEM cannot log in with
     */
    public static Credentials toLogin(StandardCredentials c) {
        if (c instanceof StandardUsernamePasswordCredentials up) {
            return Credentials.of(up.getUsername(), up.getPassword().getPlainText());
        }
        if (c instanceof StringCredentials token) {
            return Credentials.token(token.getSecret().getPlainText());
        }
        throw AemException.invalidInput("credentialsId", "'" + c.getId() + "' is a " + kindOf(c)
                + ", which AEM cannot log in with. Use Username with password, or Secret text holding a personal "
                + "access token.");
    }

    private static String kindOf(StandardCredentials c) {
        return c.getDescriptor().getDisplayName() + " credential";
    }
}
