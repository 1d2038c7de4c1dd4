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

    /**
     * The connection a build uses. Credentials are looked up as the build sees them and tracked.
     *
     * @throws AemException ({@code INVALID_INPUT}) naming the field and the fix
     */
    public static ResolvedConnection forBuild(TaskInvocation invocation, Run<?, ?> run) {
        String name = invocation.connection();
        if (name != null) {
            if (invocation.url() != null || invocation.credentialsId() != null) {
                throw AemException.invalidInput("connection", "was given together with url or credentialsId. Give "
                        + "either the name of a global AEM connection, or url and credentialsId.");
            }
            AemConnection c = globalConnection(name);
            URI url = ConnectionSettings.parseUrl(c.getUrl());
            ConnectionSettings settings = settings(url, AemCredentials.forBuild(c.getCredentialsId(), run, c.getUrl()), c.tlsTrust());
            return new ResolvedConnection("connection '" + c.getName() + "' (" + url + ")", settings, c.defaultTimeoutDuration());
        }
        if (invocation.url() == null) {
            throw AemException.invalidInput("connection", "is missing. Give connection: the name of a global AEM "
                    + "connection (Manage Jenkins → System), or url and credentialsId.");
        }
        URI url = ConnectionSettings.parseUrl(invocation.url());
        Credentials login = AemCredentials.forBuild(invocation.credentialsId(), run, invocation.url());
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
