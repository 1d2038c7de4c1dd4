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

/**
 * A task that fails is reported with AEM's own message for it (aem-api.md section 0, "failure reason"), wherever the
 * failure is seen: in the run's answer, while polling, or at completion.
 */
class FailureReasonTest {

    static final String REASON = "ORA-12541: TNS:no listener (source endpoint 'Orders-DB')";
    static final String FAILED = "The task failed: ERROR (stop reason FATAL_ERROR): " + REASON + ".";

    private final SimFixture fx = new SimFixture(AemSimulator.builder().serverWaitCap(Duration.ofMillis(300))
            .server(SimServer.replicate("Rep")
                    // AEM answers the run with ERROR and an empty error_message: the reason is only in the details.
                    .task(SimTaskSpec.named("Quiet").startDuration(Duration.ofMillis(50)).failOnRun(REASON)
                            .errorMessageInAnswer(false))
                    .task(SimTaskSpec.named("Told").startDuration(Duration.ofMillis(50)).failOnRun(REASON))
                    // Fails after AEM's own wait ended: seen while polling.
                    .task(SimTaskSpec.named("Late").startDuration(Duration.ofMillis(700)).failOnRun(REASON))
                    .task(SimTaskSpec.named("Load").startDuration(Duration.ofMillis(50)).fullLoadOnly(true)
                            .fullLoadDuration(Duration.ofMillis(400))
                            .recovery(Duration.ofMillis(100), Duration.ofMillis(100)).recoveryEndsInError(true)
                            .recoveryMessage(REASON))));

    @AfterEach
    void close() {
        fx.close();
    }

    private AemException failure(RunRequest request) {
        return catchThrowableOfType(AemException.class, () -> fx.run(request));
    }

    @Test
    void anErrorAnswerWithoutAMessageIsExplainedFromTheTasksDetails() {
        AemException e = failure(RunRequest.of(new TaskRef("Rep", "Quiet")));
        assertThat(e.kind()).isEqualTo(FailureKind.TASK_FAILED);
        assertThat(e.getMessage()).isEqualTo(FAILED);
        assertThat(e.aemMessage()).isEqualTo(REASON);
        assertThat(fx.count(JournalEntry::isTaskDetails)).as("the reason was read before reporting").isEqualTo(1);
    }

    @Test
    void anErrorAnswerWithAMessageIsReportedWithoutAnotherRead() {
        AemException e = failure(RunRequest.of(new TaskRef("Rep", "Told")));
        assertThat(e.getMessage()).isEqualTo("The task failed: ERROR: " + REASON + ".");
        assertThat(fx.count(JournalEntry::isTaskDetails)).isZero();
    }

    @Test
    void aFailureSeenWhilePollingCarriesAemsMessage() {
        AemException e = failure(RunRequest.of(new TaskRef("Rep", "Late")));
        assertThat(e.getMessage()).isEqualTo(FAILED);
        assertThat(e.lastRawState()).isEqualTo("ERROR");
    }

    @Test
    void aFailureAtCompletionCarriesAemsMessage() {
        AemException e = failure(RunRequest.of(new TaskRef("Rep", "Load")).withWaitForCompletion(true));
        assertThat(e.getMessage()).isEqualTo(FAILED);
    }

    @Test
    void aFailureWithNoMessageAnywhereSaysWhereTheReasonIs() {
        fx.sim.task("Rep", "Quiet").spec().failMessage("");
        AemException e = failure(RunRequest.of(new TaskRef("Rep", "Quiet")));
        assertThat(e.getMessage()).isEqualTo("The task failed: ERROR (stop reason FATAL_ERROR). AEM gave no message "
                + "for the task; its log in AEM says why.");
    }
}
