package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.ProxyConfiguration;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.aem.AemConnection;
import io.jenkins.plugins.aem.AemGlobalConfiguration;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.ProxySettings;
import io.jenkins.plugins.aem.client.TlsTrust;
import java.net.Proxy;
import java.net.URI;
import java.util.stream.Collectors;
import jenkins.model.Jenkins;

/** Turns a step's connection fields (a global connection's name, or a URL and credentials ID) into client settings. */
public final class ConnectionResolver {

    private ConnectionResolver() {
    }

    /** What a step does with AEM, which decides the login a global connection gives it. */
    public enum Purpose {
        /** Reading, running, stopping and waiting: the connection's own credentials, as least-privileged as they may be. */
        OPERATE,
        /**
         * Exporting and deploying task definitions: the connection's release credentials when it has them (AEM asks
         * for Designer on All Tasks to import), else its own.
         */
        RELEASE
    }

    /**
     * The connection a build uses. Credentials are looked up as the build sees them and tracked. A credentials ID given
     * with a global connection logs in with those credentials instead of the connection's.
     *
     * @throws AemException ({@code INVALID_INPUT}) naming the field and the fix
     */
    public static ResolvedConnection forBuild(ConnectionFields fields, Run<?, ?> run, Purpose purpose) {
        String name = fields.connection();
        if (name != null) {
            if (fields.url() != null) {
                throw AemException.invalidInput("connection", "was given together with url. Give either the name of a "
                        + "global AEM connection, or url and credentialsId.");
            }
            AemConnection c = globalConnection(name);
            URI url = ConnectionSettings.parseUrl(c.getUrl());
            String id = fields.credentialsId();
            String whose = id == null ? "" : ", logging in with credentials '" + id + "'";
            if (id == null && purpose == Purpose.RELEASE && c.getReleaseCredentialsId() != null) {
                id = c.getReleaseCredentialsId();
                whose = ", logging in with its release credentials '" + id + "'";
            }
            ConnectionSettings settings = settings(url, AemCredentials.forBuild(id == null ? c.getCredentialsId() : id,
                    run, c.getUrl()), c.tlsTrust());
            return new ResolvedConnection("connection '" + c.getName() + "' (" + url + ")" + whose, settings,
                    c.defaultTimeoutDuration());
        }
        if (fields.url() == null) {
            throw AemException.invalidInput("connection", "is missing. Give connection: the name of a global AEM "
                    + "connection (Manage Jenkins → System), or url and credentialsId.");
        }
        URI url = ConnectionSettings.parseUrl(fields.url());
        Credentials login = AemCredentials.forBuild(fields.credentialsId(), run, fields.url());
        return new ResolvedConnection(url.toString(), settings(url, login, TlsTrust.system()), null);
    }

    /**
     * The global connection of this name.
     *
     * @throws AemException ({@code INVALID_INPUT}) listing the names that exist
     */
    public static AemConnection globalConnection(String name) {
        AemConnection c = AemGlobalConfiguration.get().connection(name);
        if (c == null) {
            String known = AemGlobalConfiguration.get().getConnections().stream().map(AemConnection::getName)
                    .map(n -> "'" + n + "'").collect(Collectors.joining(", "));
            throw AemException.invalidInput("connection", "'" + name + "' is not an AEM connection of this controller ("
                    + (known.isEmpty() ? "none is configured" : "known: " + known) + "). Add it under Manage Jenkins → "
                    + "System → Qlik Enterprise Manager, or fix the name.");
        }
        return c;
    }

    /** Settings for this URL and login, through Jenkins' HTTP proxy unless the host is exempt from it. */
    public static ConnectionSettings settings(URI url, Credentials login, TlsTrust tls) {
        return ConnectionSettings.builder(url.toString(), login).tls(tls).proxy(jenkinsProxy(url)).build();
    }

    @CheckForNull
    private static ProxySettings jenkinsProxy(URI url) {
        ProxyConfiguration proxy = Jenkins.get().getProxy();
        if (proxy == null || proxy.getName() == null || proxy.getName().isBlank()
                || proxy.createProxy(url.getHost()).type() == Proxy.Type.DIRECT) {
            return null;
        }
        String user = proxy.getUserName();
        Secret password = proxy.getSecretPassword();
        Credentials login = user == null || user.isBlank() || password == null
                ? null : Credentials.of(user, password.getPlainText());
        return new ProxySettings(proxy.getName(), proxy.getPort(), login);
    }
}
