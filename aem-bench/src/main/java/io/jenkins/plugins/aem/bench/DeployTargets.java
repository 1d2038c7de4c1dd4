package io.jenkins.plugins.aem.bench;

import java.util.List;

/** Judges the client's figures of the deploy benchmark against the targets of issue 15. */
final class DeployTargets {

    private DeployTargets() {
    }

    /**
     * Every deploy succeeds; one login serves them all; a file already in place sends no ImportTask; and the deploys
     * add no thread of their own: a deploy waits for stops, imports and runs as the crowd of issue 4 waits, on the
     * pool's scheduler, so the crowd's bound of 16 threads (the pool's I/O reactor and scheduler, whatever the number
     * of waits) holds for 50 deploys at once. The naive script needs one thread per deploy.
     */
    static List<Target> judge(DeployFigures client) {
        return List.of(
                new Target("deploy: every deploy succeeds as the ground truth shows",
                        client.succeeded() + "/" + client.deploys(), client.succeeded() == client.deploys()),
                new Target("deploy: one login for all deploys", String.valueOf(client.logins()), client.logins() == 1),
                new Target("deploy: no ImportTask for a file already in place", String.valueOf(client.noChangeImports()),
                        client.noChangeImports() == 0),
                new Target("deploy: <= " + Targets.CROWD_MAX_CLIENT_THREADS + " threads added by the client",
                        String.valueOf(client.threadsAdded()), client.threadsAdded() <= Targets.CROWD_MAX_CLIENT_THREADS));
    }
}
