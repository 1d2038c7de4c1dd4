package io.jenkins.plugins.aem.impl;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.client.AemException;
import io.jenkins.plugins.aem.client.ExportRequest;
import io.jenkins.plugins.aem.client.ExportedDefinition;
import io.jenkins.plugins.aem.client.FailureKind;
import io.jenkins.plugins.aem.client.ProgressListener;
import io.jenkins.plugins.aem.report.ExportRecord;
import io.jenkins.plugins.aem.report.StepRecord;
import io.jenkins.plugins.aem.report.StepRecorder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Exports a Replicate task's definition into a workspace file fit for version control: the client sorts, drops the
 * volatile fields and turns every secret into a placeholder, so the file never holds a usable secret.
 */
public final class ExportCall extends StepCall<ExportCall.Written> {

    private static final long serialVersionUID = 1L;

    private final TaskTarget target;
    private final boolean withEndpoints;
    private final String file;

    /** The export and where it was written. */
    public record Written(ExportedDefinition definition, String path) {
    }

    /** @param file the file to write, relative to the workspace; {@code null} for {@code TASK.json} */
    public ExportCall(TaskTarget target, boolean withEndpoints, @CheckForNull String file) {
        this.target = target;
        this.withEndpoints = withEndpoints;
        this.file = TaskTarget.blankToNull(file);
    }

    @Override
    public CompletableFuture<Written> start(StepEnvironment env) throws AbortException {
        try {
            FilePath workspace = env.requireWorkspace();
            if (file != null) {
                WorkspaceFiles.checkRelative(file, "file");
            }
            StepClient aem = StepClient.open(target, env, ConnectionResolver.Purpose.RELEASE, recorder(),
                    ProgressListener.NONE);
            ExportRequest request = new ExportRequest(target.taskRef(), withEndpoints, aem.timeout());
            // The file is written off the client's threads: the workspace may be on an agent.
            return aem.client().exportTask(request, aem.console())
                    .thenApplyAsync(d -> write(workspace, d), Computer.threadPoolForRemoting);
        } catch (AemException e) {
            throw FailureReporter.toAbort(e);
        }
    }

    private Written write(FilePath workspace, ExportedDefinition definition) {
        String path = file == null ? definition.fileName() : file;
        try {
            WorkspaceFiles.write(workspace, path, definition.text(), "file");
            return new Written(definition, path);
        } catch (IOException e) {
            throw AemException.of(FailureKind.INVALID_INPUT, "file: cannot write '" + path + "' in the workspace ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "). Check the path and the agent's disk.")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AemException.of(FailureKind.CANCELLED, "Interrupted while writing '" + path + "'.").build();
        }
    }

    /**
     * The keys are {@code file} (relative to the workspace), {@code placeholders} (the secret placeholders to map on a
     * deploy), {@code version} (the Replicate version exported from), {@code server} and {@code task}.
     */
    @Override
    public Object pipelineResult(Written written) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", written.path());
        map.put("placeholders", new ArrayList<>(written.definition().placeholders()));
        map.put("version", written.definition().version());
        map.put("server", written.definition().task().server());
        map.put("task", written.definition().task().task());
        return map;
    }

    @Override
    public void reportSuccess(StepEnvironment env, Written written) {
        int secrets = written.definition().placeholders().size();
        env.listener().getLogger().println(ConsoleProgress.PREFIX + "Wrote the definition of " + written.definition().task()
                + " to " + written.path() + (secrets == 0 ? "" : "; its " + secrets + " secret(s) are placeholders: "
                + String.join(", ", written.definition().placeholders())));
    }

    @Override
    protected StepRecord newRecord() {
        return new ExportRecord(target.connectionText(), target.serverText(), target.taskText(),
                withEndpoints ? Messages.ExportRecord_AskedWithEndpoints(file == null ? "TASK.json" : file)
                        : Messages.ExportRecord_Asked(file == null ? "TASK.json" : file));
    }

    @Override
    protected void recordSuccess(StepRecorder recorder, Written written) {
        recorder.update(ExportRecord.class, r -> r.wrote(written.definition(), written.path()));
    }

    /** An export changes nothing in AEM: after a restart it is simply done again. */
    @Override
    public CompletableFuture<Written> resume(StepEnvironment env) throws AbortException {
        return start(env);
    }

    @Override
    public String describe() {
        return "the export of " + target.taskRef();
    }
}
