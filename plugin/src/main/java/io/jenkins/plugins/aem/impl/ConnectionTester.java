package io.jenkins.plugins.aem.impl;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.FormValidation;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.ServerInfo;
import io.jenkins.plugins.aem.client.TlsTrust;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * "Test connection": logs in as the chosen credential and lists the servers AEM manages, or says that the account may
 * not list them, which is fine for one that only runs its own tasks.
 */
public final class ConnectionTester {

    /** Long enough for a slow login, short enough for a button in a form. */
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private ConnectionTester() {
    }

    /** The result shown under the button. Callers have checked that the user is an administrator. */
    public static FormValidation test(String url, String credentialsId, String tlsMode, String caBundle) {
        try {
            URI base = ConnectionSettings.parseUrl(url);
            TlsTrust tls = new TlsTrust(mode(tlsMode), caBundle);
            StandardCredentials credential = AemCredentials.forAdministrator(credentialsId, url);
            ConnectionSettings settings = ConnectionResolver.settings(base, AemCredentials.toLogin(credential), tls);
            String ok = loginAndList(settings);
            if (AemCredentials.isSystemScoped(credential)) {
                return FormValidation.warning(ok + " " + Messages.ConnectionTester_SystemScope());
            }
            if (tls.mode() == TlsTrust.Mode.INSECURE) {
                return FormValidation.warning(ok + " " + Messages.AemConnection_InsecureWarning());
            }
            return FormValidation.ok(ok);
        } catch (AemException e) {
            return FormValidation.error(FailureReporter.describe(e));
        } catch (ExecutionException e) {
            return FormValidation.error(FailureReporter.describe(FailureReporter.unwrap(e)));
        } catch (TimeoutException e) {
            return FormValidation.error(Messages.ConnectionTester_Timeout(TIMEOUT.toSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FormValidation.error(Messages.ConnectionTester_Timeout(TIMEOUT.toSeconds()));
        }
    }

    /**
     * What the login and the server list said. An account with Operator on its own tasks only passes the login and is
     * refused the list ({@code UNAUTHORIZED_REQUEST}): that is fine, as builds need RunTask, StopTask and
     * GetTaskDetails alone, so the test passes and says so.
     */
    private static String loginAndList(ConnectionSettings settings)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            List<ServerInfo> servers = ClientPoolHolder.get().client(settings).servers(TIMEOUT)
                    .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            String names = servers.stream().map(s -> s.name() + " (" + s.kind() + ")").collect(Collectors.joining(", "));
            return Messages.ConnectionTester_Success(servers.size(), names.isEmpty() ? "-" : names);
        } catch (ExecutionException e) {
            AemException failure = FailureReporter.unwrap(e);
            if (failure.refusedForRole()) {
                return Messages.ConnectionTester_MayNotListServers();
            }
            throw e;
        }
    }

    private static TlsTrust.Mode mode(String value) {
        try {
            return value == null || value.isBlank() ? TlsTrust.Mode.SYSTEM : TlsTrust.Mode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw AemException.invalidInput("tlsMode", "'" + value + "' is not a trust setting. Choose one from the list.");
        }
    }
}
