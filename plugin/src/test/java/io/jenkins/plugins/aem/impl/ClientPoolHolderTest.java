package io.jenkins.plugins.aem.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import hudson.model.Result;
import io.jenkins.plugins.aem.AemJenkinsTest;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ConnectionSettings;
import io.jenkins.plugins.aem.client.Credentials;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.LogRecorder;

/** The controller's one client pool: closed quietly when Jenkins shuts down, and refusing new work after that. */
class ClientPoolHolderTest extends AemJenkinsTest {

    @Test
    void shutdownWithAWaitInFlightLogsNothingAboveInfo() throws Exception {
        runPipeline("aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Orders'", Result.SUCCESS);
        WorkflowJob waiting = j.createProject(WorkflowJob.class);
        waiting.setDefinition(new CpsFlowDefinition(
                "aemRunTask connection: 'sim', server: 'Replicate-1', task: 'Slow', timeout: 120", true));
        WorkflowRun b = waiting.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Sending RunTask", b);

        try (LogRecorder logs = new LogRecorder().record("org.apache.hc", Level.WARNING)
                .record("io.jenkins.plugins.aem", Level.WARNING).capture(100)) {
            // What Jenkins' @Terminator does on shutdown: HttpClient's I/O reactor must end without an error of its own.
            ClientPoolHolder.get().close();
            // The reactor threads log asynchronously, after close() returned, when they do.
            Thread.sleep(1000);
            List<LogRecord> loud = logs.getRecords();
            assertEquals(List.of(), loud.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                    + (r.getThrown() == null ? "" : " " + r.getThrown())).collect(Collectors.toList()));
        }
        // The build stays as a shutdown leaves it (waiting, to resume after a restart) until it is aborted.
        b.doStop();
        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
        assertThrows(AemException.class, () -> ClientPoolHolder.get().client(
                ConnectionSettings.builder(aem.url(), Credentials.of("someone", "irrelevant")).build()), "no new work once Jenkins is shutting down");
    }
}
