package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.FilePath;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import io.jenkins.plugins.aem.Messages;
import io.jenkins.plugins.aem.impl.DeployForms;
import io.jenkins.plugins.aem.impl.ExportCall;
import io.jenkins.plugins.aem.impl.StepCall;
import io.jenkins.plugins.aem.impl.TaskForms;
import io.jenkins.plugins.aem.impl.TaskTarget;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code aemExportTask}: writes a Replicate task's definition into the workspace in a form fit for version control:
 * keys sorted, pretty-printed, the export's label, host and time left out (two exports of an unchanged task are the
 * same bytes), and every secret a placeholder <code>${secret:ENDPOINT/FIELD}</code>. Returns a map with {@code file},
 * {@code placeholders}, {@code version}, {@code server} and {@code task}. Needs a {@code node}.
 *
 * <pre>{@code
 * aemExportTask connection: 'dev', server: 'Replicate-Dev', task: 'Orders', withEndpoints: true,
 *               file: 'tasks/Orders.json'
 * }</pre>
 */
public final class AemExportTaskStep extends AemTaskStep {

    private boolean withEndpoints;
    private String file;

    @DataBoundConstructor
    public AemExportTaskStep(String server, String task) {
        super(server, task);
    }

    public boolean isWithEndpoints() {
        return withEndpoints;
    }

    /** Also export the task's endpoints, their secrets as placeholders. */
    @DataBoundSetter
    public void setWithEndpoints(boolean withEndpoints) {
        this.withEndpoints = withEndpoints;
    }

    @CheckForNull
    public String getFile() {
        return file;
    }

    /** The file to write, relative to the workspace; empty for {@code TASK.json}. */
    @DataBoundSetter
    public void setFile(@CheckForNull String file) {
        this.file = file == null || file.isBlank() ? null : file;
    }

    @Override
    public StepCall<?> newCall(UnaryOperator<String> expand) {
        return new ExportCall(new TaskTarget(this, expand), withEndpoints, file == null ? null : expand.apply(file));
    }

    @Extension
    @Symbol("aemExportTask")
    public static final class DescriptorImpl extends TaskStepDescriptor {

        @Override
        public String getFunctionName() {
            return "aemExportTask";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.AemExportTaskStep_DisplayName();
        }

        /** The file goes into the workspace, so the step runs inside {@code node}. */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class);
        }

        @POST
        public FormValidation doCheckFile(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkFile(value, false);
        }
    }
}
