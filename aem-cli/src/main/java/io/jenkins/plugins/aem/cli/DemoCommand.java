package io.jenkins.plugins.aem.cli;

import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemClientPool;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.client.RunRequest;
import io.jenkins.plugins.aem.client.StopRequest;
import io.jenkins.plugins.aem.client.TaskOutcome;
import io.jenkins.plugins.aem.client.TaskRef;
import io.jenkins.plugins.aem.simulator.AemSimulator;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code aem demo}: the whole product on one machine with no AEM: a simulator, a run to RUNNING, a stop to STOPPED. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a simulated AEM in-process, run a task to RUNNING and stop it to STOPPED. Needs no set-up.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    AemCommand root;

    @Override
    public Integer call() throws IOException {
        TaskRef task = new TaskRef("Replicate-Demo", "Orders");
        try (AemSimulator sim = AemSimulator.demo().port(0).start();
             AemClientPool pool = AemClientPool.create()) {
            root.out.println("Demo: simulated AEM at " + sim.baseUrl() + " (user admin, the simulator's demo password)");
            AemClient client = pool.client(ConnectionSettings.builder(sim.baseUrl().toString(),
                    Credentials.of("admin", "demo-password")).build());
            ProgressListener progress = event -> root.out.println("  " + event.format());
            root.out.println("Demo: aem run-task --server " + task.server() + " --task " + task.task());
            TaskOutcome run = TaskCommandSupport.await(client.run(RunRequest.of(task).withTimeout(Duration.ofSeconds(30)), progress));
            root.out.println("Demo: " + task.task() + " is " + run.rawState());
            root.out.println("Demo: aem stop-task --server " + task.server() + " --task " + task.task());
            TaskOutcome stop = TaskCommandSupport.await(client.stop(new StopRequest(task, Duration.ofSeconds(30)), progress));
            root.out.println("Demo: " + task.task() + " is " + stop.rawState());
            root.out.println("Demo finished: the task ran to RUNNING and stopped to STOPPED through the real client.");
            return 0;
        } catch (AemException e) {
            root.err.println("aem: demo failed: " + e.getMessage());
            return e.kind().exitCode();
        }
    }
}
