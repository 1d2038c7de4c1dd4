package io.jenkins.plugins.aem.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The server checks made before any command, and the command answer's verdicts, without a server. */
class ServerCheckTest {

    private static final List<ServerInfo> SERVERS = List.of(
            new ServerInfo("Rep", ServerKind.REPLICATE, "MONITORED", "", "h1", "2024.11"),
            new ServerInfo("Comp", ServerKind.COMPOSE, "MONITORED", "", "h2", "2024.11"),
            new ServerInfo("Odd", ServerKind.UNKNOWN, "MONITORED", "", "h3", ""),
            new ServerInfo("Idle", ServerKind.REPLICATE, "NOT_MONITORED", "", "h4", ""),
            new ServerInfo("Broken", ServerKind.REPLICATE, "ERROR", "Connection refused by h5:3552", "h5", ""));

    private static AemException refusal(String server) {
        return catchThrowableOfType(AemException.class, () -> ServerCheck.kindOf(SERVERS, new TaskRef(server, "T")));
    }

    @Test
    void theKindDecidesTheDefaultOption() {
        assertThat(ServerCheck.kindOf(SERVERS, new TaskRef("Rep", "T"))).isEqualTo(ServerKind.REPLICATE);
        assertThat(ServerCheck.kindOf(SERVERS, new TaskRef("Comp", "T"))).isEqualTo(ServerKind.COMPOSE);
        assertThat(ServerCheck.kindOf(SERVERS, new TaskRef("Odd", "T"))).isEqualTo(ServerKind.UNKNOWN);
    }

    @Test
    void anUnknownServerNamesTheKnownOnes() {
        AemException e = refusal("rep");
        assertThat(e.errorCode()).isEqualTo("AEM_SERVER_NOT_FOUND");
        assertThat(e.getMessage()).contains("'rep'").contains("Rep, Comp, Odd, Idle, Broken");
        assertThat(e.remedy()).isEqualTo(AemErrorCode.AEM_SERVER_NOT_FOUND.remedy());
        assertThat(catchThrowableOfType(AemException.class, () -> ServerCheck.kindOf(List.of(), new TaskRef("X", "T"))).getMessage())
                .contains("Servers it knows: none.");
    }

    @Test
    void unmonitoredAndDisconnectedServersAreRefusedWithAemsMessage() {
        assertThat(refusal("Idle").errorCode()).isEqualTo("AEM_SERVER_NOT_MONITORED");
        AemException e = refusal("Broken");
        assertThat(e.errorCode()).isEqualTo("AEM_SERVER_NOT_CONNECTED");
        assertThat(e.aemMessage()).isEqualTo("Connection refused by h5:3552");
        assertThat(e.getMessage()).contains("is ERROR in AEM: Connection refused by h5:3552");
        assertThat(e.kind()).isEqualTo(FailureKind.AEM_ERROR);
    }

    @Test
    void aCommandAnswerIsAemsSettledWord() {
        TaskWaiter run = new TaskWaiter(WaitGoal.RUNNING, java.time.Duration.ofSeconds(30));
        assertThat(run.judgeAnswer(TaskState.RUNNING, "").verdict()).isEqualTo(TaskWaiter.Verdict.DONE);
        TaskWaiter.Decision failed = run.judgeAnswer(TaskState.ERROR, "Source endpoint unreachable");
        assertThat(failed.verdict()).isEqualTo(TaskWaiter.Verdict.FAILED);
        assertThat(failed.note()).isEqualTo("The task failed: ERROR: Source endpoint unreachable.");
        assertThat(run.judgeAnswer(TaskState.UNKNOWN, "").verdict()).isEqualTo(TaskWaiter.Verdict.WAIT);
        assertThat(run.changed()).isFalse();

        TaskWaiter completion = new TaskWaiter(WaitGoal.LOAD_COMPLETED, java.time.Duration.ofSeconds(30));
        assertThat(completion.judgeAnswer(TaskState.RUNNING, "").verdict()).isEqualTo(TaskWaiter.Verdict.WAIT);
        assertThat(completion.changed()).as("RUNNING in the answer proves the task moved").isTrue();

        TaskWaiter stop = new TaskWaiter(WaitGoal.STOPPED, java.time.Duration.ofSeconds(30));
        assertThat(stop.judgeAnswer(TaskState.STOPPED, "").verdict()).isEqualTo(TaskWaiter.Verdict.DONE);
        assertThat(stop.judgeAnswer(TaskState.RUNNING, "").verdict()).isEqualTo(TaskWaiter.Verdict.WAIT);
    }
}
