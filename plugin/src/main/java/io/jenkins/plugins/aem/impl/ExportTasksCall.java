package io.jenkins.plugins.aem.impl;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemClient;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ExportTasksOutcome;
import io.jenkins.plugins.aem.client.ExportTasksRequest;
import io.jenkins.plugins.aem.client.ExportedTask;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.report.ExportRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Exports a Replicate server's tasks into a release folder in the workspace, one file per task (and per endpoint),
 * keeping the folder's placeholders where this environment's values give the server's value: the client does it all,
 * reading and writing the folder through {@link WorkspaceFolder}. A task AEM refuses fails the step once the others
 * are written, naming it.
 */
public final class ExportTasksCall extends StepCall<ExportTasksOutcome> {

    private static final long serialVersionUID = 1L;

    private final TaskTarget target;
    private final FolderOptions folder;
    private final boolean withEndpoints;
    private final boolean prune;
    /** The client's export once started: cancelling the step must reach it, so that no further export starts. */
    private transient volatile CompletableFuture<ExportTasksOutcome> export;

    public ExportTasksCall(TaskTarget target, FolderOptions folder, boolean withEndpoints, boolean prune) {
        this.target = target;
        this.folder = folder;
        this.withEndpoints = withEndpoints;
        this.prune = prune;
    }

    @Override
    public CompletableFuture<ExportTasksOutcome> start(StepEnvironment env) throws AbortException {
        try {
            FilePath workspace = env.requireWorkspace();
            folder.check();
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.RELEASE, recorder(),
                    ProgressListener.NONE);
            request(folder.givenValues(), aem); // bad input is refused here, before the values file is read
            AemClient client = aem.client();
            // The values file and the folder are read and written off the client's threads: the workspace may be on
            // an agent. Cancelling what the caller holds reaches the client's export: no further export starts.
            return startAfter(CompletableFuture.supplyAsync(() -> folder.values(workspace), Computer.threadPoolForRemoting),
                    values -> {
                        export = client.exportTasks(request(values, aem), folder.folder(workspace),
                                Computer.threadPoolForRemoting, aem.console());
                        return export;
                    }, o -> settle(env, o));
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    private ExportTasksRequest request(Map<String, String> values, StepClient aem) {
        return new ExportTasksRequest(target.serverText(), folder.patterns(), withEndpoints, values, prune,
                folder.parallel(), aem.timeout());
    }

    /** Records every task's file on the page; a task not exported fails the step, after the others were written. */
    private ExportTasksOutcome settle(StepEnvironment env, ExportTasksOutcome outcome) {
        recorder().update(ExportRecord.class, r -> r.exported(outcome));
        if (outcome.exitCode() == 0) {
            return outcome;
        }
        List<ExportedTask> failed = outcome.tasks().stream().filter(t -> t.error() != null
                || t.status() == ExportedTask.Status.NOT_STARTED).toList();
        failed.forEach(t -> Outcomes.report(env.listener().getLogger(), t.task().task(), t.status().name(), t.error(),
                null));
        throw Outcomes.failure(failed.stream().map(ExportedTask::error).toList(), outcome.exitCode(), failed.size()
                + " of the " + outcome.tasks().size() + " task(s) of server '" + outcome.server() + "' were not exported: "
                + Outcomes.names(failed.stream().map(t -> t.task().task()).toList()) + ". Their files were left as they "
                + "were; the other tasks' files were written. The lines above say why each failed.").build();
    }

    /**
     * The keys are {@code server}, {@code dir}, {@code tasks} (for each task: {@code task}, {@code file} in the folder,
     * {@code status} {@code WRITTEN} or {@code UNCHANGED}, and its secret {@code placeholders}), {@code written} (the
     * files that changed), {@code placeholders} (every secret placeholder of the folder's files, to give a deploy),
     * {@code stale} (files of tasks no longer on the server), {@code pruned} (whether those were deleted),
     * {@code warnings} and {@code elapsedSeconds}.
     */
    @Override
    public Object pipelineResult(ExportTasksOutcome outcome) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<String> written = new ArrayList<>();
        TreeSet<String> placeholders = new TreeSet<>();
        for (ExportedTask t : outcome.tasks()) {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("task", t.task().task());
            task.put("file", t.file());
            task.put("status", t.status().name());
            task.put("placeholders", new ArrayList<>(t.placeholders()));
            tasks.add(task);
            placeholders.addAll(t.placeholders());
            if (t.status() == ExportedTask.Status.WRITTEN) {
                written.add(t.file());
            }
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("server", outcome.server());
        map.put("dir", folder.dir());
        map.put("tasks", tasks);
        map.put("written", written);
        map.put("placeholders", new ArrayList<>(placeholders));
        map.put("stale", new ArrayList<>(outcome.stale()));
        map.put("pruned", outcome.pruned() && !outcome.stale().isEmpty());
        map.put("warnings", new ArrayList<>(outcome.warnings()));
        map.put("elapsedSeconds", outcome.elapsed().toMillis() / 1000.0);
        return map;
    }

    @Override
    public void reportSuccess(StepEnvironment env, ExportTasksOutcome outcome) {
        TreeSet<String> placeholders = new TreeSet<>();
        outcome.tasks().forEach(t -> placeholders.addAll(t.placeholders()));
        if (!placeholders.isEmpty()) {
            env.listener().getLogger().println(ConsoleProgress.PREFIX + "The folder's secret placeholders, which a "
                    + "release fills from the endpoints' credentials: " + String.join(", ", placeholders));
        }
    }

    @Override
    protected StepRecord newRecord() {
        return ExportRecord.ofSet(target.connectionText(), target.serverText(), folder.tasksText(),
                (withEndpoints ? Messages.ExportRecord_AskedSetWithEndpoints(folder.asked())
                        : Messages.ExportRecord_AskedSet(folder.asked())) + (prune ? Messages.ExportRecord_AskedPrune() : ""),
                folder.dirText());
    }

    @Override
    protected void recordSuccess(StepRecorder recorder, ExportTasksOutcome outcome) {
        recorder.update(ExportRecord.class, r -> r.exportedAll(outcome));
    }

    /** An export changes nothing in AEM: after a restart it is simply done again. */
    @Override
    public CompletableFuture<ExportTasksOutcome> resume(StepEnvironment env) throws AbortException {
        return start(env);
    }

    @Override
    public String describe() {
        return "the export of server '" + target.serverText() + "' into " + folder.dir();
    }
}
