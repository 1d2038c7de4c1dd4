package io.jenkins.plugins.aem;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.Journal;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTask;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;

/**
 * The AEM every plugin test talks to: a simulator with known tasks, the Jenkins credentials to log in to it, and a
 * global connection named {@value #CONNECTION}.
 */
public final class AemFixture implements AutoCloseable {

    public static final String CONNECTION = "sim";
    public static final String LOGIN_ID = "aem-login";
    public static final String TOKEN_ID = "aem-token";
    public static final String USER = "jenkins-ops";
    public static final String PASSWORD = "Pa55-w0rd-not-for-logs";
    public static final String TOKEN = "pat-7f3c9e21b04d4a8f";
    /** A least-privilege account: Operator on {@link #CI_TASKS} and nothing above them. */
    public static final String CI_CONNECTION = "sim-ci";
    public static final String CI_LOGIN_ID = "aem-ci-login";
    public static final String CI_USER = "svc-jenkins-ci";
    public static final String CI_PASSWORD = "Ci-Only-0wn-Tasks";
    static final String[] CI_TASKS = {"Orders", "Customers", "Quiet", "Huge"};
    /** A Designer on All Tasks and All Endpoints: the connection's release credentials, for export and deploy. */
    public static final String RELEASE_ID = "aem-release";
    public static final String DESIGNER = "svc-release";
    public static final String DESIGNER_PASSWORD = "Rel3ase-0nly-Designer";
    /** Credentials for the endpoints a deploy creates on {@code Replicate-Prod}. */
    public static final String SOURCE_DB_ID = "source-db-prod";
    public static final String SOURCE_DB_USER = "repl_reader";
    public static final String SOURCE_DB_PASSWORD = "S0urce-Db-Secret-42";
    public static final String TARGET_DB_ID = "target-db-prod";
    public static final String TARGET_DB_SECRET = "T4rget-Db-Key-Not-For-Logs";
    /** The reason {@code Quiet} fails, which AEM gives only in the task's details. */
    public static final String QUIET_REASON = "Cannot connect to the target: login failed for user 'repl' (SQL error 18456)";

    private final AemSimulator simulator;

    private AemFixture(AemSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Starts the simulator. Tasks on {@code Replicate-1}: {@code Orders} (runs in 0.3 s), {@code Slow} (30 s to start),
     * {@code Broken} (goes to ERROR), {@code Customers} (full load only, 1 s), {@code Quiet} (goes to ERROR, and AEM's
     * answer leaves the reason to the task's details); on {@code Compose-1}: {@code Load} in project {@code DWH}; on
     * {@code Replicate-Big}, 900 tasks in error with 1.5 KB messages (a GetTaskList of about 1.5 MB) and {@code Huge}.
     * {@code Replicate-Prod} has no task: deploys create them. User {@link #CI_USER} holds Operator on
     * {@link #CI_TASKS} only; {@link #DESIGNER} is Designer on All Tasks and All Endpoints.
     */
    public static AemFixture start() throws Exception {
        return new AemFixture(AemSimulator.builder()
                .user(USER, PASSWORD).token(TOKEN).taskOperator(CI_USER, CI_PASSWORD, CI_TASKS)
                .designer(DESIGNER, DESIGNER_PASSWORD)
                .server(SimServer.replicate("Replicate-1")
                        .task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(300)).stopDuration(Duration.ofMillis(300)))
                        .task(SimTaskSpec.named("Slow").startDuration(Duration.ofSeconds(30)))
                        .task(SimTaskSpec.named("Broken").startDuration(Duration.ofMillis(200)).failOnRun("Source endpoint unreachable"))
                        .task(SimTaskSpec.named("Customers").fullLoadOnly(true).fullLoadDuration(Duration.ofSeconds(1)))
                        .task(SimTaskSpec.named("Quiet").startDuration(Duration.ofMillis(100)).failOnRun(QUIET_REASON)
                                .errorMessageInAnswer(false)))
                .server(SimServer.compose("Compose-1").task(SimTaskSpec.named("Load", "DWH").startDuration(Duration.ofMillis(300))))
                .server(SimServer.replicate("Replicate-Big").fillerTasks(900, 1500)
                        .task(SimTaskSpec.named("Huge").startDuration(Duration.ofMillis(800))))
                .server(SimServer.replicate("Replicate-Prod")
                        .importedTasks(SimTaskSpec.named("imported").startDuration(Duration.ofMillis(300))
                                .stopDuration(Duration.ofMillis(300))))
                .start());
    }

    /** Adds the least-privilege credential and the global connection {@value #CI_CONNECTION} that uses it. */
    public void configureCiAccount(Jenkins jenkins) throws Exception {
        CredentialsStore store = CredentialsProvider.lookupStores(jenkins).iterator().next();
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, CI_LOGIN_ID,
                "AEM CI account", CI_USER, CI_PASSWORD));
        List<AemConnection> connections = new java.util.ArrayList<>(AemGlobalConfiguration.get().getConnections());
        connections.add(new AemConnection(CI_CONNECTION, url(), CI_LOGIN_ID));
        AemGlobalConfiguration.get().setConnections(connections);
    }

    /**
     * Adds the credentials to Jenkins (global scope): the operator's, the token, the designer's (the connection's
     * release credentials) and the two endpoints'; and the global connection {@value #CONNECTION}.
     */
    public void configure(Jenkins jenkins) throws Exception {
        CredentialsStore store = CredentialsProvider.lookupStores(jenkins).iterator().next();
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, LOGIN_ID,
                "AEM operator", USER, PASSWORD));
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, TOKEN_ID,
                "AEM token", Secret.fromString(TOKEN)));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, RELEASE_ID,
                "AEM designer", DESIGNER, DESIGNER_PASSWORD));
        store.addCredentials(Domain.global(), new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, SOURCE_DB_ID,
                "Source database", SOURCE_DB_USER, SOURCE_DB_PASSWORD));
        store.addCredentials(Domain.global(), new StringCredentialsImpl(CredentialsScope.GLOBAL, TARGET_DB_ID,
                "Target database", Secret.fromString(TARGET_DB_SECRET)));
        SecretScan.register(SOURCE_DB_PASSWORD);
        SecretScan.register(TARGET_DB_SECRET);
        AemConnection connection = new AemConnection(CONNECTION, url(), LOGIN_ID);
        connection.setReleaseCredentialsId(RELEASE_ID);
        AemGlobalConfiguration.get().setConnections(List.of(connection));
    }

    public String url() {
        return simulator.baseUrl().toString();
    }

    public AemSimulator simulator() {
        return simulator;
    }

    public Journal journal() {
        return simulator.journal();
    }

    public SimTask task(String server, String task) {
        return simulator.task(server, task);
    }

    /**
     * Fails when any secret appears in this text (a build log, a config file, a page): the simulator has reported its
     * passwords, tokens, Basic values and session IDs to the suite-wide secret scan.
     */
    public void assertNoSecrets(String where, String text) {
        SecretScan.assertClean(where, text);
    }

    @Override
    public void close() {
        simulator.close();
    }
}
