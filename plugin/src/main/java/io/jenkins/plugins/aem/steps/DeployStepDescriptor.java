package io.jenkins.plugins.aem.steps;

import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.aem.impl.DeployForms;
import io.jenkins.plugins.aem.impl.TaskForms;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The form methods of the steps that deploy one task, {@code aemDeployTask} and {@code aemRotateSecrets}: the run
 * option a stopped task is run again with, its cdc position, and the pipeline's short forms of their lists.
 */
public abstract class DeployStepDescriptor extends AemTaskStep.TaskStepDescriptor {

    /** Also takes the short forms {@code substitutions: [ENV: 'PROD']} and {@code endpointCredentials: [EP: 'id']}. */
    @Override
    public Step newInstance(Map<String, Object> arguments) throws Exception {
        return super.newInstance(DeployForms.shortForms(arguments));
    }

    @POST
    public ListBoxModel doFillRunOptionItems(@AncestorInPath Item item) {
        TaskForms.checkConfigure(item);
        return DeployForms.runOptionItems();
    }

    @POST
    public FormValidation doCheckRunOption(@AncestorInPath Item item, @QueryParameter String value) {
        TaskForms.checkConfigure(item);
        return TaskForms.checkOption(value);
    }

    @POST
    public FormValidation doCheckCdcPosition(@AncestorInPath Item item, @QueryParameter String value,
                                             @QueryParameter String runOption) {
        TaskForms.checkConfigure(item);
        return TaskForms.checkCdcPosition(runOption, value);
    }
}
