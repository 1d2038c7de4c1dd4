package io.jenkins.plugins.aem.load;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import io.jenkins.plugins.aem.AemConnection;
import io.jenkins.plugins.aem.AemGlobalConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;

/**
 * The AEM side both the crowd benchmark and the soak set up on a controller: logins, held as Jenkins credentials, and
 * the global connections that name them. Static and stateless, so that the soak can call it inside a controller in
 * another process as well.
 */
final class CrowdAem {

    /** Long enough for the secret scan (6 characters or more), so that a leak of it would be found. */
    static final String PASSWORD = "crowd-Pa55-never-logged";

    private CrowdAem() {
    }

    /** The user whose login the connection of this name uses. */
    static String user(String connection) {
        return "jenkins-" + connection;
    }

    static String credentialsId(String connection) {
        return "aem-" + connection;
    }

    /** Task {@code i} of a crowd spread over {@code servers} servers, e.g. {@code T007}. */
    static String task(int i) {
        return String.format(Locale.ROOT, "T%03d", i);
    }

    static String server(int i, int servers) {
        return "Replicate-" + (char) ('A' + i % servers);
    }

    /** Adds, for each connection name, a login credential of its own and a global connection to {@code url}. */
    static void configure(Jenkins jenkins, String url, String... connections) throws Exception {
        CredentialsStore store = CredentialsProvider.lookupStores(jenkins).iterator().next();
        List<AemConnection> all = new ArrayList<>();
        for (String name : connections) {
            store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL,
                    credentialsId(name), "AEM login for " + name, user(name), PASSWORD));
            all.add(new AemConnection(name, url, credentialsId(name)));
        }
        AemGlobalConfiguration.get().setConnections(all);
    }

    /** A pipeline that runs the task, waits for RUNNING, then stops it and waits for STOPPED. */
    static String runThenStop(String connection, String server, String task, int timeoutSeconds) {
        String where = "connection: '" + connection + "', server: '" + server + "', task: '" + task + "'";
        return "aemRunTask " + where + ", timeout: " + timeoutSeconds + "\naemStopTask " + where + ", timeout: 300\n";
    }

    /** A pipeline that only runs the task and waits for RUNNING, stopping it if aborted when {@code stopOnAbort}. */
    static String runOnly(String connection, String server, String task, int timeoutSeconds, boolean stopOnAbort) {
        return "def r = aemRunTask connection: '" + connection + "', server: '" + server + "', task: '" + task
                + "', timeout: " + timeoutSeconds + (stopOnAbort ? ", stopTaskOnAbort: true" : "")
                + "\necho \"ended: ${r.state}\"\n";
    }
}
