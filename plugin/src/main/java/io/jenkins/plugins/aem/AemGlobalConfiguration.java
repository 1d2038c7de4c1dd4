package io.jenkins.plugins.aem;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.Descriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jenkins.model.GlobalConfiguration;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * The AEM connections of this controller (Manage Jenkins → System), and in JCasC {@code unclassified: aem: connections:}.
 */
@Extension
@Symbol("aem")
public final class AemGlobalConfiguration extends GlobalConfiguration {

    private List<AemConnection> connections = new ArrayList<>();

    public AemGlobalConfiguration() {
        load();
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.AemGlobalConfiguration_DisplayName();
    }

    /** The configuration of this controller. */
    public static AemGlobalConfiguration get() {
        return ExtensionList.lookupSingleton(AemGlobalConfiguration.class);
    }

    @NonNull
    public List<AemConnection> getConnections() {
        return connections == null ? List.of() : List.copyOf(connections);
    }

    /**
     * Replaces every connection.
     *
     * @throws IllegalArgumentException when two connections share a name, or one has no name, URL or credentials; JCasC
     *     and the form show the message
     */
    @DataBoundSetter
    public void setConnections(@CheckForNull List<AemConnection> connections) {
        List<AemConnection> checked = connections == null ? List.of() : List.copyOf(connections);
        Set<String> names = new HashSet<>();
        for (AemConnection c : checked) {
            if (c.getName().isEmpty()) {
                throw new IllegalArgumentException(Messages.AemConnection_NameRequired());
            }
            if (c.getUrl().isEmpty()) {
                throw new IllegalArgumentException(Messages.AemConnection_UrlRequired(c.getName()));
            }
            if (c.getCredentialsId() == null || c.getCredentialsId().isBlank()) {
                throw new IllegalArgumentException(Messages.AemConnection_CredentialsRequired(c.getName()));
            }
            if (!names.add(c.getName())) {
                throw new IllegalArgumentException(Messages.AemGlobalConfiguration_DuplicateName(c.getName()));
            }
        }
        this.connections = new ArrayList<>(checked);
        save();
    }

    /** The connection with this name, or {@code null}. */
    @CheckForNull
    public AemConnection connection(@CheckForNull String name) {
        if (name == null) {
            return null;
        }
        for (AemConnection c : getConnections()) {
            if (c.getName().equals(name.strip())) {
                return c;
            }
        }
        return null;
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws Descriptor.FormException {
        // A form that removes the last connection sends no "connections" key at all, so start empty.
        List<AemConnection> before = connections;
        connections = new ArrayList<>();
        try {
            req.bindJSON(this, json);
        } catch (IllegalArgumentException e) {
            connections = before;
            throw new Descriptor.FormException(e.getMessage(), "connections");
        }
        save(); // also when the last connection was removed, which calls no setter
        return true;
    }
}
