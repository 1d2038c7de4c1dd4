package io.jenkins.plugins.aem.bench.soak.deploy;

import io.jenkins.plugins.aem.simulator.ImportRecord;
import java.util.List;
import java.util.Map;

/**
 * Everything known about one release once it ended: what was asked, what the caller was told, and the ground truth.
 *
 * @param release     the release drawn
 * @param end         how it ended for its caller
 * @param struck      whether its fault met a request (or the release) at all
 * @param outageAtEnd whether AEM was unreachable when it ended
 * @param before      the server's truth before the release
 * @param after       the server's truth the moment it ended
 * @param settled     the server's truth 1.6 s later, every fault gone: nothing may still be landing
 * @param imports     the ImportTask calls while it ran, with the state the task had at each
 * @param repairs     for each task the release named as not back, the restore from the backup it named
 * @param last        the server's truth after those restores
 * @param secrets     endpoints whose password is no longer the one they had, or empty
 */
record ReleaseAttempt(ReleaseCase release, ReleaseEnd end, boolean struck, boolean outageAtEnd, ReleaseTruth before,
                      ReleaseTruth after, ReleaseTruth settled, List<ImportRecord> imports,
                      Map<String, DeployAttempt.Repair> repairs, ReleaseTruth last, List<String> secrets) {

    ReleaseAttempt {
        imports = List.copyOf(imports);
        repairs = Map.copyOf(repairs);
        secrets = List.copyOf(secrets);
    }
}
