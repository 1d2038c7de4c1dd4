package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jenkins.plugins.aem.simulator.AemSimulator;
import io.jenkins.plugins.aem.simulator.JournalEntry;
import io.jenkins.plugins.aem.simulator.SimServer;
import io.jenkins.plugins.aem.simulator.SimTaskSpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names travel to AEM exactly as given, whatever characters they hold. */
class NamesAndInputTest {

    private static final String[] NAMES = {"My Sample Task", "A#1", "100%", "a&b", "x+y", "Übersicht Aufträge", "日本"};
    private static SimFixture fx;

    @BeforeAll
    static void start() {
        SimServer server = SimServer.replicate("Local Server");
        for (String n : NAMES) {
            server.task(SimTaskSpec.named(n).startDuration(Duration.ofMillis(50)));
        }
        fx = new SimFixture(AemSimulator.builder().server(server));
    }

    @AfterAll
    static void close() {
        fx.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"My Sample Task", "A#1", "100%", "a&b", "x+y", "Übersicht Aufträge", "日本"})
    void namesArePercentEncodedOnce(String name) {
        TaskStatus status = SimFixture.join(fx.client().taskStatus(new TaskRef("Local Server", name), Duration.ofSeconds(5)));
        assertThat(status.state()).isEqualTo(TaskState.STOPPED);
        JournalEntry last = fx.sim.journal().entries().get(fx.sim.journal().entries().size() - 1);
        assertThat(last.path()).endsWith("/servers/Local Server/tasks/" + name);
        assertThat(last.rawPath()).doesNotContain("+").contains("Local%20Server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankNamesAreRefusedBeforeAnyRequest(String name) {
        long before = fx.sim.journal().entries().size();
        AemException e = catchThrowableOfType(AemException.class, () -> new TaskRef("Local Server", name));
        assertThat(e.kind()).isEqualTo(FailureKind.INVALID_INPUT);
        assertThat(e.getMessage()).isEqualTo("task: is empty. Give the task's name as AEM shows it.");
        assertThat(fx.sim.journal().entries()).hasSize((int) before);
    }
}
