package io.jenkins.plugins.aem.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one side of the deploy benchmark measured.
 *
 * @param client          {@code client} or {@code baseline}
 * @param deploys         deploys started at once
 * @param succeeded       deploys that ended as they must and left their task as the file says, in the state it had
 * @param requests        requests AEM received for them, logins included
 * @param logins          logins among them
 * @param noChangeImports ImportTask requests for the tasks whose file was already in place
 * @param threadsAdded    most threads alive at once that the deployer started
 * @param wall            from the first deploy started to the last ended
 * @param byKind          the requests by kind (LOGIN, READ, EXPORT, IMPORT, COMMAND, ...)
 * @param failures        what went wrong, one line per deploy that did not succeed
 */
record DeployFigures(String client, int deploys, int succeeded, long requests, long logins, long noChangeImports,
                     int threadsAdded, Duration wall, Map<String, Long> byKind, List<String> failures) {

    double requestsPerDeploy() {
        return deploys == 0 ? 0 : (double) requests / deploys;
    }
}
