package io.jenkins.plugins.aem.bench.soak.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.aem.bench.soak.OutputCapture;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.Kind;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseCase.TaskChange;
import io.jenkins.plugins.aem.bench.soak.deploy.ReleaseLane.JudgedRelease;
import io.jenkins.plugins.aem.testsupport.SecretScan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release soak of issue 22, short: a few releases drawn at random, and a fault struck at each step of a release
 * chosen here, each judged against the simulator's ground truth. Nothing may be wrong, mixed, lost or leaked.
 */
class ReleaseSoakShortTest {

    @TempDir
    Path dir;

    @Test
    void aShortRunEndsWithTheReleaseSoakLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReleaseSoakRunner runner = new ReleaseSoakRunner(new ReleaseSoakSettings(6, 1234, 2),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        ReleaseSoakReport report = runner.run();
        String output = bytes.toString(StandardCharsets.UTF_8);
        SecretScan.assertClean("what the release soak captured", runner.captured());

        assertThat(report.releases()).as(output).isEqualTo(6);
        assertThat(report.exitStatus()).as(output).isZero();
        assertThat(output.strip().lines().reduce((a, b) -> b).orElse("")).matches("RELEASE_SOAK releases=6 atomic=\\d "
                + "faulted=\\d exits=(\\d+:\\d+,?)+ wrong=0 mixed=0 lost_tasks=0 leaked_secrets=0");
        assertThat(output).contains("by exit code, atomic or not:").contains("by way:");
    }

    /** One release of six tasks, two running, struck at each step in turn, atomic and not, by the command and the API. */
    @Test
    void aFaultAtEachStepIsJudgedAgainstTheGroundTruth() throws Exception {
        try (OutputCapture capture = new OutputCapture(); ReleaseLane lane = new ReleaseLane(0, 99, dir, capture)) {
            List<JudgedRelease> releases = new ArrayList<>();
            releases.add(lane.release(release(lane, 1, true, true, ReleaseFault.TASK_REFUSED)));
            releases.add(lane.release(release(lane, 2, true, true, ReleaseFault.IMPORT_REFUSED)));
            releases.add(lane.release(release(lane, 3, false, false, ReleaseFault.CHECK_REFUSED)));
            releases.add(lane.release(release(lane, 4, false, false, ReleaseFault.RUN_REFUSED)));
            releases.add(lane.release(release(lane, 5, true, false, ReleaseFault.AEM_GONE_BRIEFLY)));
            releases.add(lane.release(release(lane, 6, false, true, ReleaseFault.CANCELLED)));
            releases.add(lane.release(release(lane, 7, true, true, null)));
            for (JudgedRelease r : releases) {
                assertThat(r.verdict().right()).as(r.release().describe() + ": " + r.verdict().why() + "\n" + r.end().output())
                        .isTrue();
                assertThat(r.verdict().mixed()).isFalse();
            }
            assertThat(releases.subList(0, 4)).allMatch(JudgedRelease::struck);
            // A refused import changes nothing: the release ends 1 when it was the first, 5 once a task was deployed.
            assertThat(releases).extracting(r -> r.end().exit()).startsWith(1).element(1).isIn(1, 5);
            assertThat(releases.get(3).end().task("L0-T01").result()).isEqualTo("FAILED");
            assertThat(releases.get(3).end().task("L0-T02").result()).isEqualTo("DEPLOYED");
            assertThat(releases.get(6).end().exit()).isZero();
            SecretScan.assertClean("what the releases showed", capture.text());
        }
    }

    /**
     * A release of L0-T00 to L0-T05: L0-T01 (running) gets a setting changed, L0-T02 a table, a new task copies
     * L0-T03; with {@code TASK_REFUSED}, L0-T02's file comes from a newer Replicate.
     */
    private static ReleaseCase release(ReleaseLane lane, int id, boolean viaCli, boolean atomic, ReleaseFault fault) {
        List<String> tasks = lane.sim.tasks.subList(0, 6);
        Map<String, TaskChange> changes = new LinkedHashMap<>();
        tasks.forEach(t -> changes.put(t, new TaskChange(Kind.NONE, DefinitionEdit.NONE, null)));
        changes.put("L0-T01", new TaskChange(Kind.CHANGE, DefinitionEdit.threads(10 + id), null));
        DefinitionEdit table = DefinitionEdit.addTable("SHORT_" + id, id);
        changes.put("L0-T02", new TaskChange(Kind.CHANGE, fault == ReleaseFault.TASK_REFUSED
                ? table.then(DefinitionEdit.version(2099, 1, 1)) : table, null));
        changes.put("L0-N" + id, new TaskChange(Kind.CREATE, DefinitionEdit.threads(2), "L0-T03"));
        return new ReleaseCase(id, viaCli, atomic, false, true, id % 2 == 0, 1 + id % 3, tasks, changes, null, fault,
                fault == ReleaseFault.TASK_REFUSED ? "L0-T02 from Replicate 2099" : null);
    }

    @Test
    void aSecretOrCiphertextShownCountsAsALeak() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputCapture capture = new OutputCapture(); ReleaseLane lane = new ReleaseLane(0, 5, dir, capture)) {
            capture.add("endpoint password " + lane.sim.endpointSecrets().get("Source-01"));
            capture.add("password {Z00112233445566778899AABBCCDDEEFF} from an export");
            ReleaseSoakReport report = new ReleaseSoakRunner(new ReleaseSoakSettings(1, 5, 1),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8)).report(List.of(), List.of(lane), capture);
            assertThat(report.leaked()).isEqualTo(2);
            assertThat(report.exitStatus()).isEqualTo(1);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("leaked_secrets=2")
                    .doesNotContain(lane.sim.endpointSecrets().get("Source-01"));
        }
    }
}
