package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.aem.impl.DeployForms;
import io.jenkins.plugins.aem.impl.FolderOptions;
import io.jenkins.plugins.aem.impl.TaskForms;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * A step over a Replicate server's tasks kept as a release folder in the workspace: besides {@link AemStep}'s fields,
 * the folder ({@code dir}, mandatory), which tasks ({@code tasks}: names or globs, none for every task), this
 * environment's placeholder values ({@code values}, and a {@code valuesFile} in the workspace) and how many tasks at
 * once ({@code parallel}). In a pipeline, {@code values: [SALES_DB: 'SALES_PROD']} is the short form of
 * {@code values: [[name: 'SALES_DB', value: 'SALES_PROD']]}, and {@code tasks: 'Orders'} of {@code tasks: ['Orders']}.
 */
public abstract class AemSetStep extends AemStep {

    private final String dir;
    private List<String> tasks = List.of();
    private List<DefinitionValue> values = List.of();
    private String valuesFile;
    private Integer parallel;

    protected AemSetStep(String server, String dir) {
        super(server);
        this.dir = dir;
    }

    public String getDir() {
        return dir;
    }

    public List<String> getTasks() {
        return tasks;
    }

    /** Names or globs ({@code *}, {@code ?}) of the tasks, matched with case; none for every task. */
    @DataBoundSetter
    public void setTasks(@CheckForNull List<String> tasks) {
        this.tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** The tasks as the form's text area shows them: one a line. */
    public String getTasksText() {
        return String.join("\n", tasks);
    }

    public List<DefinitionValue> getValues() {
        return values;
    }

    @DataBoundSetter
    public void setValues(@CheckForNull List<DefinitionValue> values) {
        this.values = values == null ? List.of() : List.copyOf(values);
    }

    @CheckForNull
    public String getValuesFile() {
        return valuesFile;
    }

    /** A file of this environment's values in the workspace, {@code NAME=VALUE} a line; the step's values win. */
    @DataBoundSetter
    public void setValuesFile(@CheckForNull String valuesFile) {
        this.valuesFile = valuesFile == null || valuesFile.isBlank() ? null : valuesFile;
    }

    @CheckForNull
    public Integer getParallel() {
        return parallel;
    }

    /** How many tasks at once, 1 to 16; empty for 4. */
    @DataBoundSetter
    public void setParallel(@CheckForNull Integer parallel) {
        this.parallel = parallel;
    }

    /** The folder's fields, frozen, with build variables expanded in the paths, the names and the values. */
    protected FolderOptions folderOptions(UnaryOperator<String> expand) {
        return new FolderOptions(expand.apply(dir == null ? "" : dir), tasks.stream().map(expand).toList(),
                DefinitionValue.byName(values, expand), valuesFile == null ? null : expand.apply(valuesFile),
                parallel == null ? 0 : parallel);
    }

    /** The form methods of a step over a release folder, and the short forms of its lists. */
    public abstract static class SetStepDescriptor extends AemStepDescriptor {

        /** Also takes the pipeline's short forms of {@code tasks}, {@code values} and {@code endpointCredentials}. */
        @Override
        public Step newInstance(Map<String, Object> arguments) throws Exception {
            return super.newInstance(DeployForms.shortForms(arguments));
        }

        /** The form's text area of tasks, one a line, becomes the step's list. */
        @Override
        public Step newInstance(@CheckForNull StaplerRequest2 req, JSONObject formData) throws Descriptor.FormException {
            return super.newInstance(req, DeployForms.tasksFromForm(formData));
        }

        @POST
        public FormValidation doCheckDir(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkDir(value);
        }

        @POST
        public FormValidation doCheckValuesFile(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkFile(value, false);
        }

        @POST
        public FormValidation doCheckParallel(@AncestorInPath Item item, @QueryParameter String value) {
            TaskForms.checkConfigure(item);
            return DeployForms.checkParallel(value);
        }
    }
}
