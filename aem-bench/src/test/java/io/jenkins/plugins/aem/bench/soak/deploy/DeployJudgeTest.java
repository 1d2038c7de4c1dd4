package io.jenkins.plugins.aem.bench.soak.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.simulator.ImportRecord;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The judge says "wrong" for every way a deploy can lie about the task, and "right" when the ground truth agrees: each
 * rule is shown failing on an outcome made up to break it, beside the outcome that passes it.
 */
class DeployJudgeTest {

    private static final String TASK = "L0-T1";
    private static final String BACKUP = "/backups/backup-1.json";

    private final LaneSim lane = new LaneSim(0, 5);
    private final TaskTruth before = lane.truth(TASK);
    private final TaskTruth stopped = new TaskTruth(true, before.definition(), "STOPPED", before.running());
    /** The task after the deploy: running again, on the file's definition. */
    private final TaskTruth changed = new TaskTruth(true, edited(DefinitionEdit.threads(9)), "RUNNING",
            edited(DefinitionEdit.threads(9)));
    private final TaskTruth gone = new TaskTruth(false, null, null, null);

    DeployJudgeTest() throws IOException {
    }

    @AfterEach
    void close() {
        lane.close();
    }

    private String edited(DefinitionEdit edit) {
        var tree = DefinitionTree.parse(before.definition());
        edit.apply(tree);
        return DefinitionTree.pretty(tree);
    }

    private DeployCase deploy(DeployFault fault) {
        var truth = DefinitionTree.parse(before.definition());
        DefinitionEdit.threads(9).apply(truth);
        DeployInput input = new DeployInput(TASK, "{}", Map.of(), Map.of(), LaneSim.DEPLOYER, true, false, false, false,
                true, Duration.ofSeconds(30));
        return new DeployCase(1, DeployScenario.CHANGE_SETTING, input, Expectation.deployed(truth, false, Map.of()),
                fault, true, before);
    }

    private DeployVerdict judge(DeployFault fault, int exit, String message, boolean struck, TaskTruth after,
                                DeployAttempt.Repair repair, ImportRecord... imports) {
        DeployRun run = new DeployRun(exit, exit == 0 ? "DEPLOYED" : null, message, message, BACKUP, Duration.ZERO);
        return DeployJudge.judge(new DeployAttempt(deploy(fault), run, struck, false, after, after, List.of(imports),
                repair), lane.repo());
    }

    @Test
    void exit5IsRightOnlyWhenTheTaskIsReallyAsBeforeAndAFaultStruck() {
        assertThat(before.isRunning()).isTrue();
        assertThat(judge(DeployFault.RUN_REFUSED, 5, "restored", true, before, null).right()).isTrue();
        DeployVerdict stillStopped = judge(DeployFault.RUN_REFUSED, 5, "restored", true, stopped, null);
        assertThat(stillStopped.right()).isFalse();
        assertThat(stillStopped.why()).contains("the task is STOPPED, and was RUNNING");
        TaskTruth stored = new TaskTruth(true, changed.definition(), "RUNNING", null);
        DeployVerdict keptChange = judge(DeployFault.RUN_REFUSED, 5, "restored", true, stored, null);
        assertThat(keptChange.right()).isFalse();
        assertThat(keptChange.why()).contains("parallel_load_threads: expected 4, found 9");
        assertThat(judge(DeployFault.RUN_REFUSED, 5, "restored", true, changed, null).why())
                .isEqualTo("said restored, but the task runs on another definition than before");
        assertThat(judge(DeployFault.RUN_REFUSED, 5, "restored", false, before, null).why())
                .startsWith("failed and restored, with no fault in its way");
    }

    @Test
    void exit6IsRightOnlyAfterALastingFaultSaidPreciselyWithABackupThatRestores() {
        String precise = "The deploy failed: x. Restoring the task failed too: y. The task is now STOPPED, with its "
                + "definition before the deploy. Its definition before the deploy is kept at " + BACKUP + ": restore it";
        DeployAttempt.Repair good = new DeployAttempt.Repair(true, "restored");
        assertThat(judge(DeployFault.RUN_ALWAYS_REFUSED, 6, precise, true, stopped, good).right()).isTrue();
        assertThat(judge(DeployFault.RUN_REFUSED, 6, precise, true, stopped, good).why())
                .startsWith("said it could not restore the task after a passing fault");
        assertThat(judge(DeployFault.RUN_ALWAYS_REFUSED, 6, precise, true, before, good).why())
                .startsWith("says the task is STOPPED, but it is RUNNING");
        assertThat(judge(DeployFault.RUN_ALWAYS_REFUSED, 6, precise.replace(BACKUP, "elsewhere"), true, stopped, good)
                .why()).startsWith("exit 6 does not say where the backup is");
        assertThat(judge(DeployFault.RUN_ALWAYS_REFUSED, 6, precise, true, stopped,
                new DeployAttempt.Repair(false, "restore exit 1")).why()).startsWith("the backup it names does not restore");
        assertThat(judge(DeployFault.RUN_ALWAYS_REFUSED, 6, "Restoring failed.", true, stopped, good).why())
                .startsWith("exit 6 does not say what state the task is in");
    }

    @Test
    void aSuccessMustLeaveWhatTheFileSaysAndNeverImportUnderARunningTask() {
        assertThat(judge(null, 0, "", false, changed, null).right()).isTrue();
        assertThat(judge(null, 0, "", false, before, null).why())
                .startsWith("DEPLOYED, but the definition differs from the file");
        TaskTruth onTheOldDefinition = new TaskTruth(true, changed.definition(), "RUNNING", before.definition());
        assertThat(judge(null, 0, "", false, onTheOldDefinition, null).why())
                .isEqualTo("DEPLOYED, but the running task still runs on its old definition");
        ImportRecord underRunning = new ImportRecord(Instant.now(), TASK, LaneSim.DEPLOYER, "s1", true, null, false,
                List.of(), "RUNNING", true, Instant.now());
        assertThat(judge(null, 0, "", false, changed, null, underRunning).why())
                .isEqualTo("ImportTask reached the task while it was RUNNING");
    }

    @Test
    void aTaskThatIsGoneIsLostWhateverTheExitCode() {
        for (int exit : new int[] {0, 1, 5, 6}) {
            DeployVerdict v = judge(DeployFault.IMPORT_REFUSED, exit, "", true, gone, null);
            assertThat(v.right()).isFalse();
            assertThat(v.lost()).as("exit %d", exit).isTrue();
        }
    }

    @Test
    void aFailureWithoutAFaultOrAStackTraceShownIsWrong() {
        assertThat(judge(null, 1, "AEM refused", false, before, null).why())
                .startsWith("a deploy that must succeed failed with 1, and no fault struck");
        assertThat(judge(DeployFault.BACKUP_REFUSED, 1, "refused", true, before, null).right()).isTrue();
        assertThat(judge(DeployFault.BACKUP_REFUSED, 1, "x\n\tat io.jenkins.Foo.bar(Foo.java:1)", true, before, null)
                .why()).isEqualTo("a stack trace or internal error reached the user");
    }
}
