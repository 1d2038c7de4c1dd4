package io.jenkins.plugins.aem.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalTest {
    @Test
    void entriesRedactSecretsAndNameSessionsByAlias() throws Exception {
        try (AemSimulator sim = AemSimulator.builder().user("admin", "s3cret-pw")
                .server(SimServer.replicate("R").task(SimTaskSpec.named("T").startDuration(Duration.ZERO))).start()) {
            RawClient c = new RawClient(sim).loggedIn("admin", "s3cret-pw");
            c.get("/servers/R/tasks/T");
            c.post("/servers/R/tasks/T?action=run&option=RELOAD_TARGET&timeout=3", "{\"cdcposition\":null}");
            c.stop("R", "T", "&timeout=3");
            new RawClient(sim).login("admin", "wrong");

            List<JournalEntry> entries = sim.journal().entries();
            assertThat(entries).hasSize(5);
            JournalEntry login = entries.get(0);
            assertThat(login.isLogin()).isTrue();
            assertThat(login.headers()).containsEntry("Authorization", "<redacted>");
            assertThat(login.sessionAlias()).isEqualTo("s1");
            assertThat(login.user()).isEqualTo("admin");
            assertThat(login.status()).isEqualTo(200);
            JournalEntry details = entries.get(1);
            assertThat(details.isTaskDetails()).isTrue();
            assertThat(details.kind()).isEqualTo(RequestKind.READ);
            assertThat(details.headers()).containsValue("<redacted>");
            JournalEntry run = entries.get(2);
            assertThat(run.isRun()).isTrue();
            assertThat(run.query()).containsEntry("option", "RELOAD_TARGET").containsEntry("timeout", "3");
            assertThat(run.body()).isEqualTo("{\"cdcposition\":null}");
            assertThat(run.path()).isEqualTo("/attunityenterprisemanager/api/v1/servers/R/tasks/T");
            assertThat(entries.get(3).isStop()).isTrue();
            assertThat(entries.get(4).status()).isEqualTo(401);
            assertThat(entries.get(4).sessionAlias()).isNull();

            SecretScan.assertClean("the journal's entries", entries.toString());
            assertThat(sim.journal().count(JournalEntry::isLogin)).isEqualTo(2);
            sim.journal().clear();
            assertThat(sim.journal().entries()).isEmpty();
        }
    }
}
