package io.jenkins.plugins.aem.bench.soak.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.bench.soak.OutputCapture;
import io.jenkins.plugins.aem.bench.soak.deploy.SoakLane.JudgedDeploy;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollback soak of issue 15, short: a few deploys drawn at random, and faults armed at chosen steps, each judged
 * against the simulator's ground truth. Nothing may be wrong, lost or leaked.
 */
class DeploySoakShortTest {

    @TempDir
    Path dir;

    @Test
    void aShortRunEndsWithTheDeploySoakLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DeploySoakRunner runner = new DeploySoakRunner(new DeploySoakSettings(12, 1234, 3),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        DeploySoakReport report = runner.run();
        String output = bytes.toString(StandardCharsets.UTF_8);
        SecretScan.assertClean("what the deploy soak captured", runner.captured());

        assertThat(report.deploys()).as(output).isEqualTo(12);
        assertThat(report.exitStatus()).as(output).isZero();
        assertThat(output.strip().lines().reduce((a, b) -> b).orElse(""))
                .matches("DEPLOY_SOAK deploys=12 succeeded=\\d+ restored=\\d+ wrong=0 lost_tasks=0 leaked_secrets=0");
        assertThat(output).contains("by exit code:").contains("by scenario:");
    }

    @Test
    void faultsAtEachStepAreJudgedAgainstTheGroundTruth() throws Exception {
        try (OutputCapture capture = new OutputCapture(); SoakLane lane = new SoakLane(0, 99, dir, capture)) {
            String running = lane.sim.tasks.get(1);
            String stopped = lane.sim.tasks.get(0);
            List<JudgedDeploy> deploys = List.of(
                    lane.deploy(1, running, true, DeployScenario.CHANGE_SETTING, DeployFault.RUN_REFUSED),
                    lane.deploy(2, running, true, DeployScenario.ADD_TABLE, DeployFault.RUN_ALWAYS_REFUSED),
                    lane.deploy(3, stopped, false, DeployScenario.ADD_TABLE, DeployFault.IMPORT_ANSWER_LOST),
                    lane.deploy(4, stopped, false, DeployScenario.REPLACE, DeployFault.DELETE_ANSWER_LOST_THEN_IMPORT_REFUSED),
                    lane.deploy(5, running, false, DeployScenario.CHANGE_SETTING, DeployFault.STOP_ANSWER_LOST),
                    lane.deploy(6, running, true, DeployScenario.RUNNING_WITHOUT_STOP, null));
            for (JudgedDeploy d : deploys) {
                assertThat(d.verdict().right()).as(d.deploy().describe() + ": " + d.verdict().why() + "\n" + d.run().output())
                        .isTrue();
                assertThat(d.struck()).as(d.deploy().describe()).isEqualTo(d.deploy().fault() != null);
            }
            assertThat(deploys).extracting(d -> d.run().exit()).containsExactly(5, 6, 0, 5, 5, 1);
            assertThat(deploys.get(1).run().message()).contains("The task is now STOPPED")
                    .contains("kept at " + deploys.get(1).run().backupLocation());
            assertThat(lane.sim.truth(running).isRunning()).isTrue();
            assertThat(lane.sim.repo().taskExists(stopped)).isTrue();
            SecretScan.assertClean("what the deploys showed", capture.text());
        }
    }

    @Test
    void aSecretOrCiphertextShownCountsAsALeak() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputCapture capture = new OutputCapture(); SoakLane lane = new SoakLane(0, 5, dir, capture)) {
            capture.add("endpoint password " + lane.sim.endpointSecret(LaneSim.SOURCE));
            capture.add("password {Z00112233445566778899AABBCCDDEEFF} from an export");
            DeploySoakReport report = new DeploySoakRunner(new DeploySoakSettings(1, 5, 1),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8)).report(List.of(), List.of(lane), capture);
            assertThat(report.leaked()).isEqualTo(2);
            assertThat(report.exitStatus()).isEqualTo(1);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("leaked_secrets=2")
                    .doesNotContain(lane.sim.endpointSecret(LaneSim.SOURCE));
        }
    }
}
