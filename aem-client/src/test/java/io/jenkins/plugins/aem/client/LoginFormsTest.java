package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The login forms AEM takes (UTF-8 Basic of user:password, Windows users, personal access tokens) and roles. */
class LoginFormsTest {

    private final SimFixture fx = new SimFixture(AemSimulator.builder()
            .user("CORP\\ops", "pässwörd-€").user("ops@corp.example", "x y z!\"'")
            .token("pat-token-123").viewer("watcher", "watch-pass")
            .server(SimServer.replicate("Rep").task(SimTaskSpec.named("Orders").startDuration(Duration.ofMillis(100)))));

    @AfterEach
    void close() {
        fx.close();
    }

    private AemClient client(Credentials credentials) {
        return fx.pool.client(ConnectionSettings.builder(fx.sim.baseUrl().toString(), credentials).build());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"CORP\\ops|pässwörd-€", "ops@corp.example|x y z!\"'"})
    void windowsUsersAndNonAsciiPasswordsLogIn(String user, String password) {
        TaskStatus status = SimFixture.join(client(Credentials.of(user, password)).taskStatus(new TaskRef("Rep", "Orders"),
                Duration.ofSeconds(5)));
        assertThat(status.state()).isEqualTo(TaskState.STOPPED);
        assertThat(fx.sim.journal().entries().stream().filter(JournalEntry::isLogin).toList())
                .singleElement().satisfies(e -> {
                    assertThat(e.user()).isEqualTo(user);
                    assertThat(e.status()).isEqualTo(200);
                });
    }

    @Test
    void aPersonalAccessTokenLogsInAsApiToken() {
        TaskOutcome out = SimFixture.join(client(Credentials.token("pat-token-123")).run(RunRequest.of(new TaskRef("Rep", "Orders")), null));
        assertThat(out.state()).isEqualTo(TaskState.RUNNING);
        assertThat(fx.count(e -> e.isLogin() && e.status() == 200)).isEqualTo(1);
    }

    @Test
    void aViewerMayReadButNotRunAndIsNotToldToCheckThePassword() {
        AemClient viewer = client(Credentials.of("watcher", "watch-pass"));
        assertThat(SimFixture.join(viewer.taskStatus(new TaskRef("Rep", "Orders"), Duration.ofSeconds(5))).state())
                .isEqualTo(TaskState.STOPPED);
        AemException e = catchThrowableOfType(AemException.class,
                () -> SimFixture.join(viewer.run(RunRequest.of(new TaskRef("Rep", "Orders")), null)));
        assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
        assertThat(e.errorCode()).isEqualTo("UNAUTHORIZED_REQUEST");
        assertThat(e.remedy()).isEqualTo(AemErrorCode.UNAUTHORIZED_REQUEST.remedy());
        assertThat(fx.sim.task("Rep", "Orders").state()).isEqualTo("STOPPED");
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(1);
    }

    @Test
    void twoUsersOfOneAemGetTwoSessions() {
        SimFixture.join(client(Credentials.of("CORP\\ops", "pässwörd-€")).taskStatus(new TaskRef("Rep", "Orders"), Duration.ofSeconds(5)));
        SimFixture.join(client(Credentials.of("watcher", "watch-pass")).taskStatus(new TaskRef("Rep", "Orders"), Duration.ofSeconds(5)));
        SimFixture.join(client(Credentials.of("CORP\\ops", "pässwörd-€")).taskStatus(new TaskRef("Rep", "Orders"), Duration.ofSeconds(5)));
        assertThat(fx.count(JournalEntry::isLogin)).isEqualTo(2);
        fx.pool.close();
        assertThat(fx.count(e -> e.kind() == io.jenkins.plugins.aem.simulator.RequestKind.LOGOUT)).isEqualTo(2);
    }
}
