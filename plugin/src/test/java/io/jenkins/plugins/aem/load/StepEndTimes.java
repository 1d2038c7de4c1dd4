package io.jenkins.plugins.aem.load;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.time.Instant;
import org.jenkinsci.plugins.workflow.actions.TimingAction;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graph.StepNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;

/**
 * When a build's step ended, read from its flow graph. A step that is not a block has no end node of its own: it ended
 * when the node after it was created, which the graph times.
 */
final class StepEndTimes {

    private StepEndTimes() {
    }

    /** When the first {@code function} step of the build ended, or null if it never did. */
    @CheckForNull
    static Instant endOf(WorkflowRun run, String function) {
        FlowExecution execution = run.getExecution();
        if (execution == null) {
            return null;
        }
        for (FlowNode node : new DepthFirstScanner().allNodes(execution)) {
            for (FlowNode parent : node.getParents()) {
                if (parent instanceof StepNode step && step.getDescriptor() != null
                        && function.equals(step.getDescriptor().getFunctionName())) {
                    long at = TimingAction.getStartTime(node);
                    return at == 0 ? null : Instant.ofEpochMilli(at);
                }
            }
        }
        return null;
    }
}
