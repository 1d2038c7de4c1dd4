package io.jenkins.plugins.aem.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import io.jenkins.plugins.aem.impl.TaskParameters;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step over one task: besides {@link AemStep}'s fields, the task, mandatory, and for Qlik Compose its project.
 */
public abstract class AemTaskStep extends AemStep implements TaskParameters {

    private final String task;
    private String project;

    protected AemTaskStep(String server, String task) {
        super(server);
        this.task = task;
    }

    @Override
    public String getTask() {
        return task;
    }

    @CheckForNull
    @Override
    public String getProject() {
        return project;
    }

    @DataBoundSetter
    public void setProject(@CheckForNull String project) {
        this.project = project == null || project.isBlank() ? null : project;
    }

    /** The form methods of a step over one task: those every step shares. */
    public abstract static class TaskStepDescriptor extends AemStepDescriptor {
    }
}
