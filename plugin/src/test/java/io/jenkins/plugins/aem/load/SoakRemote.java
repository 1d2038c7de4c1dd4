package io.jenkins.plugins.aem.load;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What the soak does inside the controller, which runs in a process of its own: each method is a step that
 * RealJenkinsExtension ships over and runs there, with plain serializable arguments and results.
 */
final class SoakRemote {

    /** How long a build may take to end after the controller is back before it counts as lost. */
    private static final long OUTCOME_LIMIT_MILLIS = 300_000;

    /** A step's status: {@code waiting for the run of task 'G00' on server 'Replicate-A' until 2026-...Z}. */
    private static final Pattern STATUS = Pattern.compile("task '([^']+)' on server .* until (\\S+)$");

    private SoakRemote() {
    }

    static void configure(JenkinsRule r, String url, ArrayList<String> connections) throws Exception {
        CrowdAem.configure(r.jenkins, url, connections.toArray(String[]::new));
    }

    /** Adds a Username with password credential, such as an endpoint's. */
    static void addLogin(JenkinsRule r, String id, String user, String password) throws Exception {
        CredentialsProvider.lookupStores(r.jenkins).iterator().next().addCredentials(Domain.global(),
                new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, id, "soak " + id, user, password));
    }

    /** Gives the built-in node this many executors: each {@code node} block of a pipeline holds one. */
    static void executors(JenkinsRule r, int count) throws Exception {
        r.jenkins.setNumExecutors(count);
    }

    /** Creates a job of each name with its script and starts its first build. */
    static void startBuilds(JenkinsRule r, TreeMap<String, String> scripts) throws Exception {
        for (Map.Entry<String, String> e : scripts.entrySet()) {
            WorkflowJob job = r.createProject(WorkflowJob.class, e.getKey());
            job.setDefinition(new CpsFlowDefinition(e.getValue(), true));
            job.scheduleBuild2(0).waitForStart();
        }
    }

    /** Creates a job of each name with its script, then starts all their first builds at once. */
    static void startBuildsAtOnce(JenkinsRule r, TreeMap<String, String> scripts) throws Exception {
        ArrayList<WorkflowJob> jobs = new ArrayList<>();
        for (Map.Entry<String, String> e : scripts.entrySet()) {
            WorkflowJob job = r.createProject(WorkflowJob.class, e.getKey());
            job.setDefinition(new CpsFlowDefinition(e.getValue(), true));
            jobs.add(job);
        }
        ArrayList<hudson.model.queue.QueueTaskFuture<WorkflowRun>> started = new ArrayList<>();
        jobs.forEach(job -> started.add(job.scheduleBuild2(0)));
        for (var build : started) {
            build.waitForStart();
        }
    }

    /** Waits until the log of each job's first build shows {@code text}. */
    static void awaitLogs(JenkinsRule r, ArrayList<String> jobs, String text) throws Exception {
        for (String name : jobs) {
            r.waitForMessage(text, firstBuild(r, name));
        }
    }

    /** Each waiting step's deadline by task, as the step itself tells it. */
    static TreeMap<String, String> deadlines(JenkinsRule r) throws Exception {
        TreeMap<String, String> out = new TreeMap<>();
        StepExecution.applyAll(StepExecution.class, e -> {
            Matcher m = STATUS.matcher(String.valueOf(e.getStatus()));
            if (m.find()) {
                synchronized (out) {
                    out.put(m.group(1), m.group(2));
                }
            }
            return null;
        }).get();
        synchronized (out) {
            return new TreeMap<>(out);
        }
    }

    /** Waits for each job's first build to end (within a bound) and says how it ended. */
    static ArrayList<Outcome> awaitOutcomes(JenkinsRule r, ArrayList<String> jobs) throws Exception {
        long giveUp = System.currentTimeMillis() + OUTCOME_LIMIT_MILLIS;
        ArrayList<Outcome> outcomes = new ArrayList<>();
        for (String name : jobs) {
            WorkflowJob job = r.jenkins.getItemByFullName(name, WorkflowJob.class);
            WorkflowRun run = job == null ? null : job.getBuildByNumber(1);
            if (run == null) {
                outcomes.add(new Outcome(name, "MISSING", ""));
                continue;
            }
            while (run.isBuilding() && System.currentTimeMillis() < giveUp) {
                Thread.sleep(200);
            }
            String result = run.isBuilding() ? "STILL_RUNNING" : String.valueOf(run.getResult());
            outcomes.add(new Outcome(name, result, JenkinsRule.getLog(run)));
        }
        return outcomes;
    }

    private static WorkflowRun firstBuild(JenkinsRule r, String name) {
        return r.jenkins.getItemByFullName(name, WorkflowJob.class).getBuildByNumber(1);
    }

    /** How a build ended: its result ({@code MISSING} or {@code STILL_RUNNING} when lost) and its log. */
    record Outcome(String job, String result, String log) implements Serializable {
    }
}
