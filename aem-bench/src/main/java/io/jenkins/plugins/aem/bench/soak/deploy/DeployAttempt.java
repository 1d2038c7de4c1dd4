package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.simulator.ImportRecord;
import java.util.List;

/**
 * Everything known about one deploy once it ended: what was asked, what the caller was told, and the ground truth.
 *
 * @param deploy      the planned deploy
 * @param run         how it ended for its caller
 * @param struck      whether its fault met a request (or the deploy) at all
 * @param outageAtEnd whether AEM was unreachable when it ended
 * @param after       the target's truth the moment it ended
 * @param settled     the target's truth 1.6 s later, every fault gone: nothing may still be landing
 * @param imports     the ImportTask calls on the target while it ran, with the state the task had at each
 * @param repair      after an exit 6, the restore from the backup it named; else null
 */
record DeployAttempt(DeployCase deploy, DeployRun run, boolean struck, boolean outageAtEnd, TaskTruth after,
                     TaskTruth settled, List<ImportRecord> imports, Repair repair) {

    DeployAttempt {
        imports = List.copyOf(imports);
    }

    /**
     * A restore of the task from the backup a deploy named, as an engineer does after exit 6.
     *
     * @param restored the task is as it was before the deploy again, definition and state
     * @param how      what was done, or why it could not be
     */
    record Repair(boolean restored, String how) {
    }
}
