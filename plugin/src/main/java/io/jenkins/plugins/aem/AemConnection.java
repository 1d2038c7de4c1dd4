package io.jenkins.plugins.aem;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.client.TlsTrust;
import io.jenkins.plugins.aem.client.Timeouts;
import io.jenkins.plugins.aem.impl.ConnectionTester;
import io.jenkins.plugins.aem.impl.TaskForms;
import java.time.Duration;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * A named AEM that jobs refer to by name: its URL, the ID of the credentials to log in with (never the password itself),
 * which certificates to trust, and the timeout used when a step gives none.
 */
public final class AemConnection implements Describable<AemConnection> {

    private final String name;
    private final String url;
    private final String credentialsId;
    private TlsTrust.Mode tlsMode = TlsTrust.Mode.SYSTEM;
    private String caBundle;
    private int defaultTimeout = (int) Timeouts.DEFAULT.toSeconds();
    private String releaseCredentialsId;

    @DataBoundConstructor
    public AemConnection(String name, String url, String credentialsId) {
        this.name = name == null ? "" : name.strip();
        this.url = url == null ? "" : url.strip();
        this.credentialsId = credentialsId;
    }

    public String getName() {
        return name;
    }

    public String getUrl() {
        return url;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /**
     * The credentials that exporting and deploying task definitions log in with, or {@code null} to use
     * {@link #getCredentialsId()}: deploying needs Designer on All Tasks, far more than running and stopping do, so
     * the connection may keep a least-privileged account for those.
     */
    @CheckForNull
    public String getReleaseCredentialsId() {
        return releaseCredentialsId;
    }

    @DataBoundSetter
    public void setReleaseCredentialsId(@CheckForNull String releaseCredentialsId) {
        this.releaseCredentialsId = releaseCredentialsId == null || releaseCredentialsId.isBlank() ? null : releaseCredentialsId;
    }

    @NonNull
    public TlsTrust.Mode getTlsMode() {
        return tlsMode == null ? TlsTrust.Mode.SYSTEM : tlsMode;
    }

    @DataBoundSetter
    public void setTlsMode(@CheckForNull TlsTrust.Mode tlsMode) {
        this.tlsMode = tlsMode == null ? TlsTrust.Mode.SYSTEM : tlsMode;
    }

    /** PEM certificates trusted besides the JVM's, with {@link TlsTrust.Mode#SYSTEM_AND_CA_BUNDLE}. Public, not secret. */
    @CheckForNull
    public String getCaBundle() {
        return caBundle;
    }

    @DataBoundSetter
    public void setCaBundle(@CheckForNull String caBundle) {
        this.caBundle = caBundle == null || caBundle.isBlank() ? null : caBundle.strip();
    }

    /** Seconds a step waits when it gives no timeout of its own. */
    public int getDefaultTimeout() {
        return defaultTimeout;
    }

    @DataBoundSetter
    public void setDefaultTimeout(int defaultTimeout) {
        this.defaultTimeout = defaultTimeout;
    }

    /** The trust settings, checked. @throws io.jenkins.plugins.aem.client.AemException for a bundle without certificates */
    public TlsTrust tlsTrust() {
        return new TlsTrust(getTlsMode(), caBundle);
    }

    /** The default timeout, checked. @throws io.jenkins.plugins.aem.client.AemException when out of range */
    public Duration defaultTimeoutDuration() {
        return Timeouts.ofSeconds(defaultTimeout);
    }

    @Override
    public String toString() {
        return "AEM connection '" + name + "' (" + url + ")";
    }

    /** The form of one connection in Manage Jenkins → System. Every method is for administrators only. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<AemConnection> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemConnection_DisplayName();
        }

        /*
         * No check says that the name, the URL or the credentials are missing: Jenkins queues each field's first check
         * with the value the field had when it appeared, empty in a connection just added, and on a busy page the
         * answer can come after the user has filled the field and its own check has passed, leaving a stale "give a
         * name" under a name. Saving refuses a connection without them (AemGlobalConfiguration#setConnections).
         */

        @POST
        public FormValidation doCheckUrl(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return TaskForms.checkUrl(value, false);
        }

        @POST
        public FormValidation doCheckTlsMode(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return TlsTrust.Mode.INSECURE.name().equals(value)
                    ? FormValidation.warning(Messages.AemConnection_InsecureWarning()) : FormValidation.ok();
        }

        @POST
        public ListBoxModel doFillTlsModeItems() {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            ListBoxModel items = new ListBoxModel();
            items.add(Messages.AemConnection_TlsSystem(), TlsTrust.Mode.SYSTEM.name());
            items.add(Messages.AemConnection_TlsCaBundle(), TlsTrust.Mode.SYSTEM_AND_CA_BUNDLE.name());
            items.add(Messages.AemConnection_TlsInsecure(), TlsTrust.Mode.INSECURE.name());
            return items;
        }

        @POST
        public FormValidation doCheckCaBundle(@QueryParameter String value, @QueryParameter String tlsMode) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return TaskForms.checkCaBundle(value, tlsMode);
        }

        @POST
        public FormValidation doCheckDefaultTimeout(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return TaskForms.checkTimeout(value, false);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@QueryParameter String url, @QueryParameter String credentialsId) {
            if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
                return TaskForms.currentValueOnly(credentialsId);
            }
            return TaskForms.credentialsItems(null, url, credentialsId);
        }

        @POST
        public ListBoxModel doFillReleaseCredentialsIdItems(@QueryParameter String url,
                                                            @QueryParameter String releaseCredentialsId) {
            return doFillCredentialsIdItems(url, releaseCredentialsId);
        }

        /** Logs in with the chosen credentials and lists AEM's servers. */
        @POST
        public FormValidation doTestConnection(@QueryParameter String url, @QueryParameter String credentialsId,
                                               @QueryParameter String tlsMode, @QueryParameter String caBundle) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return ConnectionTester.test(url, credentialsId, tlsMode, caBundle);
        }
    }
}
