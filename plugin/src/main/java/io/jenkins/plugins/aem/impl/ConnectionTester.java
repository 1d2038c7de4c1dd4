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

/** "Test connection": logs in as the chosen credential and lists the servers AEM manages. */
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
            List<ServerInfo> servers = ClientPoolHolder.get().client(settings).servers(TIMEOUT)
                    .get(TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            String names = servers.stream().map(s -> s.name() + " (" + s.kind() + ")").collect(Collectors.joining(", "));
            String ok = Messages.ConnectionTester_Success(servers.size(), names.isEmpty() ? "-" : names);
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

    private static TlsTrust.Mode mode(String value) {
        try {
            return value == null || value.isBlank() ? TlsTrust.Mode.SYSTEM : TlsTrust.Mode.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw AemException.invalidInput("tlsMode", "'" + value + "' is not a trust setting. Choose one from the list.");
        }
    }
}
