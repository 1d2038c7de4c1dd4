package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.ExportTasksCall;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskTarget;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code aemExportTasks}: writes a Replicate server's tasks (or those {@code tasks} names) into a release folder in the
 * workspace, one file per task in {@code DIR/tasks} and, with {@code withEndpoints}, one per endpoint in
 * {@code DIR/endpoints}, each in the form {@code aemExportTask} writes. Where a file is there already, its
 * <code>${NAME}</code> placeholders stay wherever this environment's values give the server's value, so an unchanged
 * server changes no byte. Files of tasks no longer on the server are listed, and deleted only with {@code prune}.
 * Returns a map with {@code tasks} (each task's {@code file} and {@code status}), {@code written}, {@code placeholders},
 * {@code stale}, {@code pruned}, {@code warnings} and more. Needs a {@code node}.
 *
 * <pre>{@code
 * aemExportTasks connection: 'dev', server: 'Replicate-Dev', dir: 'release', withEndpoints: true,
 *                valuesFile: 'env/dev.values'
 * }</pre>
 */
public final class AemExportTasksStep extends AemSetStep {

    private boolean withEndpoints;
    private boolean prune;

    @DataBoundConstructor
    public AemExportTasksStep(String server, String dir) {
        super(server, dir);
    }

    public boolean isWithEndpoints() {
        return withEndpoints;
    }

    /** Also write each endpoint the tasks use, once, to {@code DIR/endpoints}. */
    @DataBoundSetter
    public void setWithEndpoints(boolean withEndpoints) {
        this.withEndpoints = withEndpoints;
    }

    public boolean isPrune() {
        return prune;
    }

    /** Delete the files of tasks (and endpoints) no longer on the server; without it they are only listed. */
    @DataBoundSetter
    public void setPrune(boolean prune) {
        this.prune = prune;
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new ExportTasksCall(TaskTarget.ofServer(this, expand), folderOptions(expand), withEndpoints, prune);
    }

    @Extension
    @Symbol("aemExportTasks")
    public static final class DescriptorImpl extends SetStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemExportTasks";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemExportTasksStep_DisplayName();
        }

        /** The folder is in the workspace, so the step runs inside {@code node}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }
    }
}
