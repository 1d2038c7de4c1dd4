package io.jenkins.plugins.aem.bench.soak.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.TaskRef;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The deploy soak tells a refused command from what AEM answered (the simulator's journal), not from a watch of the
 * task's own record of its commands, which a restore that imports the task afresh takes away, and which a watch every
 * 2 ms may not have looked at before then: the race the release soak had, and was fixed of.
 */
class FaultInjectorTest {

    @Test
    void aRefusedRunCountsAsStruckWhateverTheWatchSaw() throws Exception {
        try (LaneSim lane = new LaneSim(0, 7); FaultInjector faults = new FaultInjector(lane, 7);
             AemClientPool pool = AemClientPool.create()) {
            String task = lane.tasks.get(0);
            assertThat(lane.truth(task).isRunning()).as("a stopped task").isFalse();
            FaultInjector.Armed armed = faults.arm(DeployFault.RUN_REFUSED, task);
            faults.close(); // no watch looks any more: as when a restore took the record away before it looked
            AemClient client = pool.client(ConnectionSettings.builder(lane.url(),
                    Credentials.of(LaneSim.DEPLOYER, lane.password(LaneSim.DEPLOYER))).build());
            Throwable refused = catchThrowable(() -> client.run(RunRequest.of(new TaskRef(LaneSim.SERVER, task))
                    .withTimeout(Duration.ofSeconds(10)), null).join());
            assertThat(refused).hasMessageContaining("AEM_RUN_TASK_INNER_ERR");
            assertThat(armed.finish()).as("the refused run struck").isTrue();
        }
    }

    @Test
    void aFaultArmedButNeverMetDoesNotCount() throws Exception {
        try (LaneSim lane = new LaneSim(0, 7); FaultInjector faults = new FaultInjector(lane, 7)) {
            FaultInjector.Armed armed = faults.arm(DeployFault.STOP_REFUSED, lane.tasks.get(1));
            assertThat(armed.finish()).isFalse();
        }
    }
}
